/**
 * Snapshots the model produced, for component tests: a scenario query → ProducerRun → SnapshotBuilder, taken at a
 * time or at the first moment something holds. Test support only: like a test file it may use the model itself
 * (src/architecture.test.ts allows it here and nowhere else in view/).
 */
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';

export interface ModelRun {
  /** Advances the run to `ms` (never back) and takes a snapshot. */
  at(ms: number): RunSnapshot;
  /** The first snapshot, every `stepMs` from here, for which `until` holds (throws if none by maxMs). */
  when(until: (s: RunSnapshot) => boolean, stepMs: number, maxMs: number): RunSnapshot;
}

/** One model run of `query`, to take several snapshots of as it goes on. */
export function modelRun(query: string): ModelRun {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  return {
    at(ms) {
      run.advanceTo(ms);
      return builder.build();
    },
    when(until, stepMs, maxMs) {
      for (let t = run.nowMs + stepMs; t <= maxMs; t += stepMs) {
        const s = this.at(t);
        if (until(s)) return s;
      }
      throw new Error(`${query}: never happened within ${maxMs} ms`);
    },
  };
}

/** The snapshot of a run of `query` advanced to `atMs`. */
export function snapshotAt(query: string, atMs: number): RunSnapshot {
  return modelRun(query).at(atMs);
}

/** The first snapshot of a run of `query`, taken every `stepMs`, for which `until` holds (throws if none by maxMs). */
export function snapshotWhen(
  query: string,
  until: (s: RunSnapshot) => boolean,
  stepMs = 1,
  maxMs = 1000,
): RunSnapshot {
  return modelRun(query).when(until, stepMs, maxMs);
}
