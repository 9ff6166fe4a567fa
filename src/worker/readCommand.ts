/**
 * Reads a message the page posted into a HostCommand, checking every field the host relies on, so a malformed or
 * unknown message becomes a refusal naming what was received instead of an exception inside the worker.
 */
import type { InspectTarget } from '../model/run/Inspection';
import type { HostCommand, Speed } from '../protocol/messages';

export type ReadCommand =
  | { readonly ok: true; readonly command: HostCommand }
  | { readonly ok: false; readonly message: string };

/** A speed the host can pace: a positive finite number of simulated ms per wall second, or 'max'. */
export function isSpeed(value: unknown): value is Speed {
  return value === 'max' || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

export function readCommand(data: unknown): ReadCommand {
  if (typeof data !== 'object' || data === null || !('type' in data)) {
    return refuse(
      `Malformed command: expected an object with a type, received ${describeValue(data)}`,
    );
  }
  const m = data as Record<string, unknown>;
  const type = m.type;
  switch (type) {
    case 'init':
      if (typeof m.version !== 'number') return field(type, 'version', 'a number');
      if (typeof m.query !== 'string') return field(type, 'query', 'a string');
      if (!isSpeed(m.speed)) return field(type, 'speed', "a positive number or 'max'");
      return accept({ type, version: m.version, query: m.query, speed: m.speed });
    case 'load':
      if (typeof m.query !== 'string') return field(type, 'query', 'a string');
      if (typeof m.reason !== 'string') return field(type, 'reason', 'a string');
      return accept({ type, query: m.query, reason: m.reason });
    case 'setSpeed':
      if (!isSpeed(m.speed)) return field(type, 'speed', "a positive number or 'max'");
      return accept({ type, speed: m.speed });
    case 'fault':
      if (typeof m.fault !== 'string') return field(type, 'fault', 'a string');
      return accept({ type, fault: m.fault });
    case 'select': {
      const target = readTarget(m.target);
      if (target === undefined) {
        return field(
          type,
          'target',
          "null or { kind: 'record' | 'batch' | 'request', id: an integer ≥ 0 }",
        );
      }
      return accept({ type, target });
    }
    case 'snapshotApplied':
      if (typeof m.seq !== 'number') return field(type, 'seq', 'a number');
      return accept({ type, seq: m.seq });
    case 'play':
    case 'pause':
    case 'step':
    case 'reset':
      return accept({ type });
    default:
      return refuse(`Unknown command type ${describeValue(type)}`);
  }
}

/** A select command's target; undefined when malformed. */
function readTarget(value: unknown): InspectTarget | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || value === undefined) return undefined;
  const { kind, id } = value as Record<string, unknown>;
  if (kind !== 'record' && kind !== 'batch' && kind !== 'request') return undefined;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return undefined;
  return { kind, id };
}

function accept(command: HostCommand): ReadCommand {
  return { ok: true, command };
}

function refuse(message: string): ReadCommand {
  return { ok: false, message };
}

function field(type: string, name: string, expected: string): ReadCommand {
  return refuse(`Malformed '${type}' command: ${name} must be ${expected}`);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
