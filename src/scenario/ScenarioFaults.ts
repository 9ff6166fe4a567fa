/**
 * The scenario's fault timeline: repeated `fault=<simMs>:<action>[:<args>]` keys (the only key that may repeat).
 * Decoding keeps the given order and reports each bad fault as a problem on the key `fault`, naming its value and
 * the reason; encoding writes them in time order (ties in their order), after every other key. The syntax itself is
 * the model's FaultSyntax (the explorer's commands use the same). Simulation-only.
 */

import { formatTimedFault, inTimeOrder, parseTimedFault } from '../model/faults/FaultSyntax';
import type { TimedFault } from '../model/faults/FaultTarget';
import type { Problem } from './Scenario';

export const FAULT_KEY = 'fault';

/** The faults of `values` (in order) that parse against the cluster's size; the others become errors. */
export function decodeFaults(
  values: readonly string[],
  brokers: number,
  partitions: number,
  durationMs: number,
  problems: Problem[],
): TimedFault[] {
  const faults: TimedFault[] = [];
  for (const value of values) {
    const parsed = parseTimedFault(value, { brokers, partitions });
    if (!parsed.ok) {
      problems.push({
        key: FAULT_KEY,
        value,
        message: `Invalid value ${value} for fault: ${parsed.reason}; the fault is ignored`,
        severity: 'error',
      });
      continue;
    }
    if (parsed.value.atMs > durationMs) {
      problems.push({
        key: FAULT_KEY,
        value,
        message: `fault ${value} is at ${parsed.value.atMs} ms, after the run ends (duration.ms=${durationMs}): it never happens`,
        severity: 'warning',
      });
    }
    faults.push(parsed.value);
  }
  return faults;
}

/** The `fault` values of a timeline, in time order (stable). */
export function encodeFaults(faults: readonly TimedFault[]): string[] {
  return inTimeOrder(faults).map(formatTimedFault);
}
