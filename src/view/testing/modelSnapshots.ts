/**
 * Snapshots the model produced, for component tests: a scenario query → ProducerRun → SnapshotBuilder, taken at a
 * time or at the first moment something holds. Test support only: like a test file it may use the model itself
 * (src/architecture.test.ts allows it here and nowhere else in view/).
 */
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';

/** The snapshot of a run of `query` advanced to `atMs`. */
export function snapshotAt(query: string, atMs: number): RunSnapshot {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  run.advanceTo(atMs);
  return builder.build();
}

/** The first snapshot of a run of `query`, taken every `stepMs`, for which `until` holds (throws if none by maxMs). */
export function snapshotWhen(
  query: string,
  until: (s: RunSnapshot) => boolean,
  stepMs = 1,
  maxMs = 1000,
): RunSnapshot {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  for (let t = stepMs; t <= maxMs; t += stepMs) {
    run.advanceTo(t);
    const s = builder.build();
    if (until(s)) return s;
  }
  throw new Error(`${query}: never happened within ${maxMs} ms`);
}
