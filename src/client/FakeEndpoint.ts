/**
 * Test doubles for the client (imported by tests only): an Endpoint that records what is posted and emits what the
 * test says the worker sent, a Worker double with error events and terminate(), and hand-cranked animation frames.
 */
import type { Endpoint } from '../protocol/messages';
import type { RequestFrame } from './EndpointConnection';
import type { WorkerLike } from './SimulationClient';

type Listener = (event: MessageEvent) => void;

export class FakeEndpoint implements Endpoint {
  readonly sent: unknown[] = [];
  private readonly listeners = new Set<Listener>();

  postMessage(message: unknown): void {
    this.sent.push(message);
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** What the other side sent. */
  emit(data: unknown): void {
    for (const l of [...this.listeners]) l({ data } as MessageEvent);
  }
}

export class FakeWorker implements WorkerLike {
  terminated = false;
  readonly port = new FakeEndpoint();
  private readonly failures = new Map<string, Set<(event: Event) => void>>();

  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.port.addEventListener('message', listener as Listener);
    else this.failureListeners(type).add(listener as (event: Event) => void);
  }

  removeEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.port.removeEventListener('message', listener as Listener);
    else this.failureListeners(type).delete(listener as (event: Event) => void);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** An 'error' or 'messageerror' event, with an ErrorEvent's message if given. */
  fail(type: 'error' | 'messageerror', message?: string): void {
    const event = message === undefined ? { type } : { type, message };
    for (const l of [...this.failureListeners(type)]) l(event as unknown as Event);
  }

  private failureListeners(type: string): Set<(event: Event) => void> {
    let set = this.failures.get(type);
    if (set === undefined) {
      set = new Set();
      this.failures.set(type, set);
    }
    return set;
  }
}

export class FakeFrames {
  private callbacks: (() => void)[] = [];

  readonly request: RequestFrame = (callback) => {
    this.callbacks.push(callback);
  };

  get pending(): number {
    return this.callbacks.length;
  }

  /** Runs the frames requested so far. */
  run(): void {
    const due = this.callbacks;
    this.callbacks = [];
    for (const f of due) f();
  }
}
