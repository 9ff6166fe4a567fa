/**
 * A SimulationConnection for tests: it records every command the page sends and lets the test play the worker by
 * emitting replies by hand. No worker, no timers.
 */
import type { HostCommand, HostReply, SimulationConnection } from '../protocol/messages';

export class FakeConnection implements SimulationConnection {
  readonly sent: HostCommand[] = [];
  restarts = 0;
  disposed = false;
  private listeners: ((reply: HostReply) => void)[] = [];

  send(command: HostCommand): void {
    this.sent.push(command);
  }

  subscribe(listener: (reply: HostReply) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  restart(): void {
    this.restarts++;
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Delivers a reply as the worker would. */
  emit(reply: HostReply): void {
    for (const listener of this.listeners) listener(reply);
  }

  /** The commands of one type, in order. */
  sentOf<T extends HostCommand['type']>(type: T): Extract<HostCommand, { type: T }>[] {
    return this.sent.filter((c): c is Extract<HostCommand, { type: T }> => c.type === type);
  }

  get listenerCount(): number {
    return this.listeners.length;
  }
}
