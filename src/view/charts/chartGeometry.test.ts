// @vitest-environment node
/**
 * The charts' maths over a history of real snapshots: the window maps onto the plot, the y axis starts at 0 and
 * clears the largest value, missing values break the line, and the cursor moves point by point inside the window.
 * Then the number formats.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { MetricHistory } from '../../store/metricHistory';
import { formatAxisTime, formatMetric, formatSimTime } from './chartFormat';
import {
  chartGeometry,
  cursorIndexAfterKey,
  nearestIndex,
  PLOT_HEIGHT,
  PLOT_WIDTH,
} from './chartGeometry';

beforeAll(async () => {
  await initCompression();
});

function historyOf(query: string, times: readonly number[], history = new MetricHistory()) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  for (const t of times) {
    run.advanceTo(t);
    history.append(builder.build());
  }
  return history;
}

describe('chartGeometry', () => {
  it('maps the window onto the plot, from 0 up to a nice value above the largest', () => {
    const history = historyOf('linger.ms=20', [0, 1, 2, 100, 200, 300]);
    const g = chartGeometry(history, ['batch-size-avg'], false);
    expect([g.fromMs, g.toMs]).toEqual([0, 300]);
    expect([g.x(0), g.x(300)]).toEqual([0, PLOT_WIDTH]);
    const largest = Math.max(...[3, 4, 5].map((i) => history.valueAt('batch-size-avg', i)));
    expect(g.yMax).toBeGreaterThanOrEqual(largest);
    expect(g.yMax).toBeLessThan(largest * 2);
    expect([g.y(0), g.y(g.yMax)]).toEqual([PLOT_HEIGHT, 0]);
    // No batch was drained in the first ms (Kafka's NaN): the line starts where the values do.
    expect(history.valueAt('batch-size-avg', 0)).toBeNaN();
    expect(g.paths[0]).toMatch(new RegExp(`^M${g.x(history.timeAt(3))},`));
  });

  it('gives an empty plot a unit axis and no line', () => {
    const g = chartGeometry(new MetricHistory(), ['record-send-rate'], true);
    expect(g).toMatchObject({ fromMs: 0, toMs: 0, yMax: 1, size: 0, paths: [''] });
  });

  it('moves the cursor point by point, never out of the sliding window', () => {
    const history = historyOf(
      '',
      Array.from({ length: 31 }, (_, i) => i * 100),
      new MetricHistory({ windowMs: 1000, pointsPerWindow: 10, capacity: 64 }),
    );
    expect(history.window()).toEqual({ fromMs: 2000, toMs: 3000 });
    const first = nearestIndex(history, 0);
    expect(history.timeAt(first)).toBe(2000);
    expect(history.timeAt(nearestIndex(history, 2549))).toBe(2500);
    expect(history.timeAt(nearestIndex(history, 2551))).toBe(2600);
    expect(cursorIndexAfterKey(history, -1, 'ArrowLeft')).toBe(history.size - 2);
    expect(cursorIndexAfterKey(history, first, 'ArrowLeft')).toBe(first);
    expect(cursorIndexAfterKey(history, first, 'PageUp')).toBe(history.size - 1);
    expect(cursorIndexAfterKey(history, history.size - 1, 'Home')).toBe(first);
    expect(cursorIndexAfterKey(history, first, 'a')).toBeNull();
  });
});

describe('chart formats', () => {
  it('print each unit as a learner reads it', () => {
    expect(formatMetric(Number.NaN, 'bytes')).toBe('–');
    expect(formatMetric(606, 'bytes')).toBe('606 B');
    expect(formatMetric(11033, 'bytes')).toBe('11 kB');
    expect(formatMetric(33521664, 'bytes')).toBe('33.5 MB');
    expect(formatMetric(8168.3, 'bytes/s')).toBe('8.17 kB/s');
    expect(formatMetric(5.0784, 'ms')).toBe('5.08 ms');
    expect(formatMetric(0.4567, 'ratio')).toBe('0.46');
    expect(formatMetric(62.509, 'records/s')).toBe('62.5 records/s');
    expect(formatMetric(16396.1, 'records/s')).toBe('16,396 records/s');
    expect(formatMetric(0, 'requests')).toBe('0 requests');
    expect(formatSimTime(1234.56)).toBe('1,234.6 ms');
    expect([formatAxisTime(0), formatAxisTime(250), formatAxisTime(2500)]).toEqual([
      '0 ms',
      '250 ms',
      '2.5 s',
    ]);
  });
});
