/**
 * The contract between the page and the comparison worker, which runs the seed's comparison tables headless
 * (model/run/Comparison.ts) in its own module worker so the main simulation never stops. Commands are verbs, replies
 * nouns; every reply names the request `id` it answers, so a reply to a cancelled request can be told apart.
 * Types only; bump COMPARISON_PROTOCOL_VERSION on any change.
 */
import type {
  CodecCpu,
  ComparisonKind,
  ComparisonRow,
  ComparisonSetup,
} from '../model/run/Comparison';

export type { CodecCpu, ComparisonKind, ComparisonRow, ComparisonSetup };

export const COMPARISON_PROTOCOL_VERSION = 1;

export type ComparisonCommand =
  /**
   * Run the comparison `kind` on the scenario in `query` (the scenario codec's query string, no '?'). A request
   * already running is cancelled first (it gets `cancelled`).
   */
  | {
      readonly type: 'compare';
      readonly version: number;
      readonly id: number;
      readonly query: string;
      readonly kind: ComparisonKind;
    }
  /** Stop the running request (the worker stops between two steps and replies `cancelled`). */
  | { readonly type: 'cancel' };

export type ComparisonReply =
  /** Accepted: what will be run, for the tables' captions. */
  | {
      readonly type: 'started';
      readonly id: number;
      readonly kind: ComparisonKind;
      readonly setup: ComparisonSetup;
    }
  /** After each step: `done` of `total` steps, `label` says what the step ran. */
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly kind: ComparisonKind;
      readonly done: number;
      readonly total: number;
      readonly label: string;
    }
  /** One finished row, in the table's order. */
  | {
      readonly type: 'row';
      readonly id: number;
      readonly kind: ComparisonKind;
      readonly row: ComparisonRow;
    }
  | { readonly type: 'done'; readonly id: number; readonly kind: ComparisonKind }
  | { readonly type: 'cancelled'; readonly id: number; readonly kind: ComparisonKind }
  /**
   * The request could not run: a bad query (each refused key named, `keys`), a protocol mismatch, or a failure of
   * the worker itself (`id` -1 when no request was running).
   */
  | {
      readonly type: 'error';
      readonly id: number;
      readonly message: string;
      readonly keys: readonly string[];
    };

/** The page's handle on the comparison worker (client/ComparisonClient.ts; tests use a fake). */
export interface ComparisonConnection {
  send(command: ComparisonCommand): void;
  /** Replies in the order they came. Returns the unsubscribe function. */
  subscribe(listener: (reply: ComparisonReply) => void): () => void;
  dispose(): void;
}
