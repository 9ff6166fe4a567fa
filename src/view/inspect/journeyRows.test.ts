// @vitest-environment node
/**
 * timelineRows on journeys the model recorded: an in-flight record gets its missing stages as pending rows in
 * path order after what happened; a finished record has none pending; a stage the run skipped while later ones
 * happened is "not reached", in its place on the path.
 */
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RecordDetail } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { timelineRows } from './journeyRows';

function recordAt(query: string, id: number, atMs: number): RecordDetail {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  builder.select({ kind: 'record', id });
  run.advanceTo(atMs);
  const s = builder.build().selection;
  if (s?.kind !== 'record') throw new Error(JSON.stringify(s));
  return s.record;
}

const summary = (rows: ReturnType<typeof timelineRows>) => rows.map((r) => `${r.stage}:${r.state}`);

describe('timelineRows', () => {
  it('puts the stages still ahead of an in-flight record after what happened, in path order', () => {
    const record = recordAt('keys=20&linger.ms=20', 3, 10);
    expect(record.status).toBe('pending');
    const rows = timelineRows(record.journey, record.path, true);
    const done = record.journey.map((s) => `${s.stage}:done`);
    const last = record.journey.at(-1)?.stage ?? 'send';
    const ahead = record.path.slice(record.path.indexOf(last) + 1).map((s) => `${s}:pending`);
    expect(ahead.length).toBeGreaterThan(3);
    expect(summary(rows)).toEqual([...done, ...ahead]);
    expect(rows.filter((r) => r.state === 'pending').every((r) => r.atMs === null)).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('has nothing pending once the callback ran', () => {
    const record = recordAt('keys=20', 3, 100);
    expect(record.status).toBe('acked');
    const rows = timelineRows(record.journey, record.path, false);
    expect(rows.every((r) => r.state === 'done')).toBe(true);
    expect(rows.map((r) => r.atMs)).toEqual(record.journey.map((s) => s.atMs));
  });

  it('slots a stage that did not happen into its place on the path, as not reached', () => {
    const record = recordAt('keys=20', 3, 100);
    // The same journey without its leader append (acks=0 producers never hear of it).
    const journey = record.journey.filter((s) => s.stage !== 'leader-append');
    const rows = summary(timelineRows(journey, record.path, false));
    const written = rows.lastIndexOf('written:done');
    expect(rows[written + 1]).toBe('leader-append:not-reached');
    // While still in flight, a stage behind one that happened is not "pending" either.
    const inFlight = summary(timelineRows(journey, record.path, true));
    expect(inFlight).toContain('leader-append:not-reached');
  });
});
