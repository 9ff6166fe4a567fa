/**
 * The one contract between the page and the simulation worker (comlink's protocol.ts is the model): commands are
 * verbs the page sends, replies are nouns the worker sends. Types only; bump PROTOCOL_VERSION on any change.
 */
import type { InspectTarget } from '../model/run/Inspection';
import type { RunSnapshot } from '../model/run/RunSnapshot';
import type { Problem } from '../scenario/Scenario';

export const PROTOCOL_VERSION = 3;

/** Simulated ms per wall second; 'max' = as fast as the worker can go. 1000 = real time. */
export type Speed = number | 'max';

export type HostCommand =
  /** Start (or start over with) the scenario in `query` (the scenario codec's query string, no '?'). */
  | {
      readonly type: 'init';
      readonly version: number;
      readonly query: string;
      readonly speed: Speed;
    }
  /**
   * Replace the scenario: the run restarts from 0 ms with it (`reason` says why, e.g. "linger.ms changed"), keeping
   * the play state and speed.
   */
  | { readonly type: 'load'; readonly query: string; readonly reason: string }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Runs every event due at the next event time, then pauses. */
  | { readonly type: 'step' }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  /** Start the same scenario over from 0 ms (same seed). */
  | { readonly type: 'reset' }
  /** A timed command on the running simulation: a fault in FaultSyntax (`crash-broker:1`), applied now. */
  | { readonly type: 'fault'; readonly fault: string }
  /**
   * Inspect a record, batch or request (null: nothing): every snapshot from now on carries its detail in
   * `snapshot.selection`, and a selected record is always among the marks. Kept when the run restarts.
   */
  | { readonly type: 'select'; readonly target: InspectTarget | null }
  /**
   * The page has shown snapshot `seq`. While playing, the host sends the next snapshot only after this (flow
   * control: a busy page is never sent snapshots it would only throw away after paying to receive them).
   */
  | { readonly type: 'snapshotApplied'; readonly seq: number };

export type HostReply =
  | { readonly type: 'ready'; readonly version: number }
  /** A run was (re)built from `query`; `problems` are the decoder's, `notice` says why it restarted (or null). */
  | {
      readonly type: 'loaded';
      readonly query: string;
      readonly problems: readonly Problem[];
      readonly notice: string | null;
    }
  /** The newest state; `seq` increases by one per snapshot sent. `playing` is the host's play state. */
  | {
      readonly type: 'snapshot';
      readonly seq: number;
      readonly playing: boolean;
      readonly speed: Speed;
      readonly snapshot: RunSnapshot;
    }
  /** A fault command was applied at `atMs` (`fault` is its canonical text), so the page can add it to the URL. */
  | { readonly type: 'faultApplied'; readonly atMs: number; readonly fault: string }
  /**
   * Something went wrong. `fatal` = the run cannot go on (the page offers a restart); otherwise the command was
   * refused (a bad fault, an impossible config) and the running simulation is untouched.
   */
  | { readonly type: 'error'; readonly message: string; readonly fatal: boolean };

/** What both ends of the boundary need: a worker, a MessagePort, or a test double. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * The page's handle on the simulation (implemented by client/SimulationClient over a Worker; tests use a fake).
 * The store talks only to this.
 */
export interface SimulationConnection {
  send(command: HostCommand): void;
  /**
   * Replies in order, except snapshots, which are coalesced to at most one per animation frame (newest wins).
   * Returns the unsubscribe function.
   */
  subscribe(listener: (reply: HostReply) => void): () => void;
  /** Ends the worker and starts a fresh one (after a fatal error); the caller sends `init` again. */
  restart(): void;
  dispose(): void;
}
