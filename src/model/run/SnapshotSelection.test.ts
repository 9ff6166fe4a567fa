// @vitest-environment node
/**
 * SnapshotBuilder.select: every snapshot carries the selected item's detail, rebuilt as it moves; a selected record
 * is drawn as a mark even when sampling skips its id; the pick list holds the latest records; selecting and
 * inspecting leave the run unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun, type RunOptions } from './ProducerRun';
import { buildRunReport } from './RunReport';
import { MARK_STRIDE, type RecordMarks, type RunSnapshot } from './RunSnapshot';
import { RECENT_RECORDS, SnapshotBuilder } from './SnapshotBuilder';

function runOf(query: string, options?: RunOptions): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario, options);
}

function markIds(m: RecordMarks): number[] {
  const ids: number[] = [];
  for (let i = 0; i < m.count; i++) ids.push(m.data[i * MARK_STRIDE]);
  return ids;
}

function stagesOfSelection(s: RunSnapshot): string[] {
  if (s.selection?.kind !== 'record') throw new Error(JSON.stringify(s.selection));
  return s.selection.record.journey.map((step) => step.stage);
}

beforeAll(async () => {
  await initCompression();
});

describe('SnapshotBuilder.select', () => {
  it('is null until something is selected, then follows the record from send to callback', () => {
    const run = runOf('keys=10&duration.ms=100');
    const builder = new SnapshotBuilder(run);
    expect(builder.build().selection).toBeNull();
    builder.select({ kind: 'record', id: 3 });
    expect(builder.build().selection).toMatchObject({
      kind: 'missing',
      reason: 'rec-3 has not been sent yet',
    });
    const seen: string[][] = [];
    while (run.stepEvent()) {
      const s = builder.build();
      if (s.selection?.kind !== 'record') continue;
      const stages = stagesOfSelection(s);
      if (seen.length === 0 || seen[seen.length - 1].length !== stages.length) seen.push(stages);
      if (s.selection.record.status !== 'pending') break;
    }
    // Each snapshot's journey extends the previous one; the last reaches the callback.
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].slice(0, seen[i - 1].length)).toEqual(seen[i - 1]);
    }
    expect(seen.length).toBeGreaterThan(4);
    expect(seen[seen.length - 1].at(-1)).toBe('callback');
    builder.select(null);
    expect(builder.build().selection).toBeNull();
  });

  it('selects batches and requests by id', () => {
    const run = runOf('duration.ms=100');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(50);
    builder.select({ kind: 'batch', id: 1 });
    expect(builder.build().selection).toMatchObject({ kind: 'batch', batch: { id: 1 } });
    builder.select({ kind: 'request', id: 0 });
    expect(builder.build().selection).toMatchObject({ kind: 'request', request: { id: 0 } });
  });

  it('draws a selected record as a mark although the sample skips its id', () => {
    const run = runOf('throughput=50000&duration.ms=200');
    const builder = new SnapshotBuilder(run, { markBudget: 16 });
    run.advanceTo(50);
    const before = builder.build();
    expect(before.marks.sampleEvery).toBeGreaterThan(1);
    // A record still travelling whose id the sample does not take.
    const pending = before.recentRecords.filter(
      (r) => r.status === 'pending' && r.id % before.marks.sampleEvery !== 0,
    );
    const chosen = pending[0];
    if (chosen === undefined) throw new Error('no pending record outside the sample');
    expect(markIds(before.marks)).not.toContain(chosen.id);
    builder.select({ kind: 'record', id: chosen.id });
    const after = builder.build();
    expect(markIds(after.marks)).toContain(chosen.id);
    const ids = markIds(after.marks);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // A record selected before it exists is drawn from its send() on.
    const every = after.marks.sampleEvery;
    const future = run.sendCalls + ((run.sendCalls + 101) % every === 0 ? 102 : 101);
    expect(future % every).not.toBe(0);
    builder.select({ kind: 'record', id: future });
    while (run.sendCalls <= future) run.stepEvent();
    expect(markIds(builder.build().marks)).toContain(future);
  });

  it('lists the most recent records for the pick list, oldest first', () => {
    const run = runOf('keys=10&duration.ms=100');
    const builder = new SnapshotBuilder(run);
    expect(builder.build().recentRecords).toEqual([]);
    run.advanceTo(60);
    const { recentRecords } = builder.build();
    expect(recentRecords).toHaveLength(RECENT_RECORDS);
    const newest = run.sendCalls - 1;
    expect(recentRecords.map((r) => r.id)).toEqual(
      Array.from({ length: RECENT_RECORDS }, (_, i) => newest - RECENT_RECORDS + 1 + i),
    );
    expect(recentRecords.at(-1)).toEqual({
      id: newest,
      key: run.records[newest].key,
      partition: run.records[newest].partition,
      status: run.records[newest].status,
      sendMs: run.records[newest].sendMs,
    });
  });

  it.each(['default', 'retries-reorder'])(
    'does not change the run while a record is selected (%s)',
    (id) => {
      const query = presetById(id)?.query ?? '';
      const options = { durationMs: 500 };
      const observed = runOf(query, options);
      const builder = new SnapshotBuilder(observed);
      builder.select({ kind: 'record', id: 50 });
      for (let t = 0; !observed.finished; t += 2.1) {
        observed.advanceTo(t);
        builder.build();
      }
      const alone = runOf(query, options);
      alone.runToEnd();
      expect(JSON.stringify(buildRunReport(observed))).toBe(JSON.stringify(buildRunReport(alone)));
    },
  );
});
