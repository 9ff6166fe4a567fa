/**
 * A ComparisonConnection for tests: records the commands the page sends and lets the test play the comparison
 * worker by emitting replies by hand. No worker, no timers.
 */
import type {
  ComparisonCommand,
  ComparisonConnection,
  ComparisonReply,
} from '../protocol/comparison';

export class FakeComparisonConnection implements ComparisonConnection {
  readonly sent: ComparisonCommand[] = [];
  disposed = false;
  private listeners: ((reply: ComparisonReply) => void)[] = [];

  send(command: ComparisonCommand): void {
    this.sent.push(command);
  }

  subscribe(listener: (reply: ComparisonReply) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Delivers a reply as the worker would. */
  emit(reply: ComparisonReply): void {
    for (const listener of [...this.listeners]) listener(reply);
  }

  /** The id of the last `compare` sent. */
  get lastId(): number {
    const compares = this.sent.filter((c) => c.type === 'compare');
    const last = compares[compares.length - 1];
    if (last === undefined) throw new Error('no compare sent');
    return last.id;
  }
}
