/**
 * The text form of faults, `<simMs>:<action>[:<args>]` (a scenario's `fault=` keys, the explorer's commands, the
 * fault log): parsing with a reason for every rejection, and formatting that parses back to the same fault.
 * Simulation-only (Kafka has no fault injection; the error names are Kafka's, reference §5).
 */
import { ERROR_NAMES, type ErrorName } from '../common/protocol/Errors';
import type { FaultAction, TimedFault } from './FaultTarget';

/** What a fault may refer to: the cluster's size (brokers and partitions are numbered from 0). */
export interface FaultLimits {
  readonly brokers: number;
  readonly partitions: number;
}

export type FaultKind = FaultAction['kind'];

/** Every action, with its arguments, in the order the docs list them. */
export const FAULT_ACTIONS: readonly { readonly kind: FaultKind; readonly args: string }[] = [
  { kind: 'crash', args: '<broker>' },
  { kind: 'restart', args: '<broker>' },
  { kind: 'slow', args: '<broker>:<extraMs>' },
  { kind: 'stall-follower', args: '<broker>' },
  { kind: 'resume', args: '<broker>' },
  { kind: 'isolate', args: '<broker>' },
  { kind: 'heal', args: '<broker>' },
  { kind: 'drop-responses', args: '<broker>:<n>' },
  { kind: 'error', args: '<partition>:<ERROR_NAME>:<n>' },
  { kind: 'restart-producer', args: '' },
];

/** Errors `error:` accepts: every produce error of reference §5 (NONE is success, not an error). */
export const INJECTABLE_ERRORS: readonly ErrorName[] = ERROR_NAMES.filter((n) => n !== 'NONE');

/** Largest `<n>` and `<extraMs>`: a bound that keeps a typo from meaning "forever". */
export const MAX_FAULT_COUNT = 1_000_000;
export const MAX_SLOW_MS = 600_000;

export type FaultParse<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
const INTEGER = /^[0-9]+$/;

/** Parses `<simMs>:<action>[:<args>]`. */
export function parseTimedFault(text: string, limits: FaultLimits): FaultParse<TimedFault> {
  const colon = text.indexOf(':');
  if (colon < 0) {
    return fail('expected <simMs>:<action>[:<args>], e.g. 2000:crash:0');
  }
  const time = text.slice(0, colon).trim();
  if (!DECIMAL.test(time) || !Number.isFinite(Number(time))) {
    return fail(`the time ${JSON.stringify(time)} is not a number of simulated ms (≥ 0)`);
  }
  const action = parseFaultAction(text.slice(colon + 1), limits);
  if (!action.ok) return action;
  return { ok: true, value: { atMs: Number(time), action: action.value } };
}

/** Parses `<action>[:<args>]` (a command for a running simulation). */
export function parseFaultAction(text: string, limits: FaultLimits): FaultParse<FaultAction> {
  const parts = text.split(':').map((p) => p.trim());
  const kind = parts[0];
  const spec = FAULT_ACTIONS.find((a) => a.kind === kind);
  if (spec === undefined) {
    const known = FAULT_ACTIONS.map((a) => a.kind).join(', ');
    return fail(`unknown action ${JSON.stringify(kind)} (one of ${known})`);
  }
  const expected = spec.args === '' ? 0 : spec.args.split(':').length;
  if (parts.length - 1 !== expected) {
    const form = spec.args === '' ? kind : `${kind}:${spec.args}`;
    return fail(`${kind} takes ${expected === 0 ? 'no arguments' : spec.args} (${form})`);
  }
  switch (kind) {
    case 'crash':
    case 'restart':
    case 'stall-follower':
    case 'resume':
    case 'isolate':
    case 'heal': {
      const broker = parseBroker(parts[1], limits);
      if (!broker.ok) return broker;
      return { ok: true, value: { kind, broker: broker.value } };
    }
    case 'slow': {
      const broker = parseBroker(parts[1], limits);
      if (!broker.ok) return broker;
      const extra = parts[2];
      if (!DECIMAL.test(extra) || Number(extra) > MAX_SLOW_MS) {
        return fail(
          `extraMs ${JSON.stringify(extra)} must be a number of ms from 0 to ${MAX_SLOW_MS}`,
        );
      }
      return { ok: true, value: { kind, broker: broker.value, extraMs: Number(extra) } };
    }
    case 'drop-responses': {
      const broker = parseBroker(parts[1], limits);
      if (!broker.ok) return broker;
      const count = parseCount(parts[2]);
      if (!count.ok) return count;
      return { ok: true, value: { kind, broker: broker.value, count: count.value } };
    }
    case 'error': {
      const p = parts[1];
      if (!INTEGER.test(p) || Number(p) >= limits.partitions) {
        return fail(
          `partition ${JSON.stringify(p)} does not exist (partitions=${limits.partitions}: 0…${limits.partitions - 1})`,
        );
      }
      const name = parts[2];
      if (!(INJECTABLE_ERRORS as readonly string[]).includes(name)) {
        return fail(
          name === 'NONE'
            ? 'NONE is success, not an error'
            : `unknown error ${JSON.stringify(name)} (a produce error name of Kafka's Errors, e.g. NOT_LEADER_OR_FOLLOWER)`,
        );
      }
      const count = parseCount(parts[3]);
      if (!count.ok) return count;
      const error = name as ErrorName;
      return { ok: true, value: { kind, partition: Number(p), error, count: count.value } };
    }
    default:
      return { ok: true, value: { kind: 'restart-producer' } };
  }
}

/** `<action>[:<args>]`, the form parseFaultAction reads. */
export function formatFaultAction(a: FaultAction): string {
  switch (a.kind) {
    case 'slow':
      return `slow:${a.broker}:${a.extraMs}`;
    case 'drop-responses':
      return `drop-responses:${a.broker}:${a.count}`;
    case 'error':
      return `error:${a.partition}:${a.error}:${a.count}`;
    case 'restart-producer':
      return 'restart-producer';
    default:
      return `${a.kind}:${a.broker}`;
  }
}

/** `<simMs>:<action>[:<args>]`, the form parseTimedFault reads. */
export function formatTimedFault(f: TimedFault): string {
  return `${f.atMs}:${formatFaultAction(f.action)}`;
}

/** The faults in time order, ties in their given order (the order they are applied in). */
export function inTimeOrder(faults: readonly TimedFault[]): TimedFault[] {
  return faults
    .map((f, i) => [f, i] as const)
    .sort((a, b) => a[0].atMs - b[0].atMs || a[1] - b[1])
    .map(([f]) => f);
}

function parseBroker(text: string, limits: FaultLimits): FaultParse<number> {
  if (!INTEGER.test(text) || Number(text) >= limits.brokers) {
    return fail(
      `broker ${JSON.stringify(text)} does not exist (brokers=${limits.brokers}: 0…${limits.brokers - 1})`,
    );
  }
  return { ok: true, value: Number(text) };
}

function parseCount(text: string): FaultParse<number> {
  if (!INTEGER.test(text) || Number(text) < 1 || Number(text) > MAX_FAULT_COUNT) {
    return fail(`n ${JSON.stringify(text)} must be a whole number from 1 to ${MAX_FAULT_COUNT}`);
  }
  return { ok: true, value: Number(text) };
}

function fail(reason: string): { readonly ok: false; readonly reason: string } {
  return { ok: false, reason };
}
