// @vitest-environment node
/**
 * The charts' metric history, fed with snapshots the model produced: one point per snapshot with the snapshot's
 * values, at most one point per simulated-time bucket, a ring that keeps the newest points, a fresh start when the
 * run restarts (the clock goes back, or the store hears `loaded`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../model/common/compress/Compression';
import { ProducerRun } from '../model/run/ProducerRun';
import type { RunSnapshot } from '../model/run/RunSnapshot';
import { SnapshotBuilder } from '../model/run/SnapshotBuilder';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { createAppStore } from './createAppStore';
import { FakeConnection } from './FakeConnection';
import { CHARTED_METRICS, MetricHistory } from './metricHistory';
import { selectMetricHistory } from './selectors';

beforeAll(async () => {
  await initCompression();
});

/** Snapshots of one run of `query`, taken at each of `times` (ascending, simulated ms). */
function snapshotsAt(query: string, times: readonly number[]): RunSnapshot[] {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  return times.map((t) => {
    run.advanceTo(t);
    return builder.build();
  });
}

function every(stepMs: number, untilMs: number): number[] {
  return Array.from({ length: Math.floor(untilMs / stepMs) + 1 }, (_, i) => i * stepMs);
}

function pointTimes(h: MetricHistory): number[] {
  return Array.from({ length: h.size }, (_, i) => h.timeAt(i));
}

describe('MetricHistory', () => {
  it('keeps each snapshot’s charted metrics at its simulated time, NaN where Kafka had none', () => {
    const snapshots = snapshotsAt('linger.ms=20', [0, 100, 200, 400]);
    const history = new MetricHistory();
    for (const s of snapshots) history.append(s);

    expect(pointTimes(history)).toEqual([0, 100, 200, 400]);
    const first = snapshots[0];
    const last = snapshots[3];
    // Before any batch was drained Kafka reports batch-size-avg as NaN, and the snapshot leaves it out.
    expect(first.metrics['batch-size-avg']).toBeUndefined();
    expect(history.valueAt('batch-size-avg', 0)).toBeNaN();
    for (const name of CHARTED_METRICS) {
      expect(history.latest(name)).toBe(last.metrics[name] ?? Number.NaN);
    }
    expect(history.latest('batch-size-avg')).toBeGreaterThan(0);
    expect(history.valueAt('not-a-metric', 0)).toBeNaN();
  });

  it('thins points in simulated time: one per bucket, the newest wins, the whole run kept while short', () => {
    const times = every(5, 3000);
    const snapshots = snapshotsAt('', times);
    const history = new MetricHistory({ windowMs: 10_000, pointsPerWindow: 100, capacity: 256 });
    for (const s of snapshots) history.append(s);

    // 3 s over 100 points wants 30 ms buckets: the power of two below is 16 ms.
    expect(history.bucketMs).toBe(16);
    const kept = pointTimes(history);
    const buckets = kept.map((t) => Math.floor(t / history.bucketMs));
    expect(new Set(buckets).size).toBe(kept.length);
    expect(kept.length).toBeGreaterThanOrEqual(100);
    expect(kept.length).toBeLessThanOrEqual(2 * 100 + 1);
    // The oldest bucket keeps its newest sample; the newest point is the newest snapshot, values and all.
    expect(kept[0]).toBe(15);
    expect(history.lastMs).toBe(3000);
    expect(history.latest('record-send-rate')).toBe(snapshots.at(-1)?.metrics['record-send-rate']);
    expect(history.window()).toEqual({ fromMs: 0, toMs: 3000 });
  });

  it('slides a window over a ring that keeps only the newest points', () => {
    const snapshots = snapshotsAt('', every(10, 4000));
    const history = new MetricHistory({ windowMs: 1000, pointsPerWindow: 50, capacity: 128 });
    for (const s of snapshots) history.append(s);

    expect(history.size).toBe(128);
    expect(history.bucketMs).toBe(16);
    const { fromMs, toMs } = history.window();
    expect([fromMs, toMs]).toEqual([3000, 4000]);
    const first = history.firstIndexFrom(fromMs);
    // The line enters from the left edge: one point before the window, the next inside it.
    expect(history.timeAt(first)).toBeLessThan(fromMs);
    expect(history.timeAt(first + 1)).toBeGreaterThanOrEqual(fromMs);
    expect(history.size - first).toBeGreaterThanOrEqual(50);
    // Older points were overwritten, in order.
    const kept = pointTimes(history);
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
  });

  it('starts afresh when the clock goes back (a reset replays the run from 0 ms)', () => {
    const times = [0, 50, 100, 150];
    const history = new MetricHistory();
    for (const s of snapshotsAt('', times)) history.append(s);
    expect(history.size).toBe(4);

    const [replayed] = snapshotsAt('', [0]);
    history.append(replayed);
    expect(pointTimes(history)).toEqual([0]);
    expect(history.window()).toEqual({ fromMs: 0, toMs: 0 });
  });

  it('does not change while the clock stands still (paused: the same snapshot again)', () => {
    const [a, b] = snapshotsAt('', [0, 120]);
    const history = new MetricHistory();
    history.append(a);
    history.append(b);
    const version = history.version;
    history.append(b);
    history.append({ ...b });
    expect(history.version).toBe(version);
    expect(history.size).toBe(2);
  });
});

describe('the store keeps the history', () => {
  it('appends every snapshot the worker sends and clears it when a run is loaded', () => {
    const connection = new FakeConnection();
    const store = createAppStore({ connection, initialQuery: 'linger.ms=20' });
    const history = selectMetricHistory(store.getState());
    if (history === null) throw new Error('the store has no metric history');
    const snapshots = snapshotsAt('linger.ms=20', [0, 250, 500]);
    snapshots.forEach((snapshot, i) => {
      connection.emit({ type: 'snapshot', seq: i + 1, playing: true, speed: 100, snapshot });
    });
    expect(pointTimes(history)).toEqual([0, 250, 500]);

    const before = history.version;
    connection.emit({ type: 'loaded', query: 'linger.ms=50', problems: [], notice: 'linger.ms' });
    expect(history.size).toBe(0);
    expect(history.version).toBeGreaterThan(before);
    expect(selectMetricHistory(store.getState())).toBe(history);
  });
});
