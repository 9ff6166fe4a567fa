// @vitest-environment node
/**
 * peekSnapshot: the values snapshot() gives, read without purging or starting samples, so that reading the metrics
 * often (the explorer's snapshots) leaves every later reading as it would have been. Checked against fresh
 * instances that saw the same events and are read once, across purges (gaps longer than 2 × 30 s).
 */
import { describe, expect, it } from 'vitest';
import { ProducerMetrics } from './ProducerMetrics';

type Event = readonly [atMs: number, apply: (m: ProducerMetrics, atMs: number) => void];

const EVENTS: Event[] = [];
for (let t = 3; t < 5000; t += 97) {
  EVENTS.push([t, (m, at) => m.recordRequestSent(500 + (t % 7), at)]);
  EVENTS.push([t + 1, (m, at) => m.recordBatchDrained(400, 0.5, 2, 120, at)]);
  EVENTS.push([t + 2, (m, at) => m.recordRequestRecords(4, at)]);
}
// A quiet minute and more (every sample becomes obsolete), then a few more events.
for (const t of [100_000, 130_500, 131_000, 200_000]) {
  EVENTS.push([t, (m, at) => m.recordLatency(3, at)]);
  EVENTS.push([t, (m, at) => m.recordRequestSent(700, at)]);
}

function replayedUntil(endMs: number): ProducerMetrics {
  const m = new ProducerMetrics(0);
  for (const [at, apply] of EVENTS) if (at <= endMs) apply(m, at);
  return m;
}

/** Replays the events up to each time in `readAtMs`, reading the metrics there with `read`. */
function replayReading(
  readAtMs: readonly number[],
  read: (m: ProducerMetrics, atMs: number) => void,
) {
  const m = new ProducerMetrics(0);
  let next = 0;
  for (const t of readAtMs) {
    for (; next < EVENTS.length && EVENTS[next][0] <= t; next++)
      EVENTS[next][1](m, EVENTS[next][0]);
    read(m, t);
  }
  return m;
}

describe('ProducerMetrics.peekSnapshot', () => {
  const CHECKPOINTS = [250, 2500, 5000, 40_000, 64_000, 99_750, 100_000, 131_000, 170_000, 260_000];

  it('equals snapshot() at each time, however often it was read before', () => {
    const times: number[] = [];
    for (let t = 0; t <= 260_000; t += 250) times.push(t);
    const seen = new Map<number, Record<string, number>>();
    replayReading(times, (m, t) => {
      const values = m.peekSnapshot(t);
      if (CHECKPOINTS.includes(t)) seen.set(t, values);
    });
    for (const c of CHECKPOINTS) {
      expect(seen.get(c), `at ${c} ms`).toEqual(replayedUntil(c).snapshot(c));
    }
    expect(seen.get(5000)?.['request-rate']).toBeGreaterThan(0);
  });

  it('leaves later readings unchanged, where reading with snapshot() would not', () => {
    const early = [0, 1, 60_000, 99_000, 130_000];
    const peeked = replayReading(early, (m, t) => m.peekSnapshot(t));
    const measured = replayReading(early, (m, t) => m.snapshot(t));
    const untouched = replayedUntil(140_000);
    for (const m of [peeked, measured]) {
      for (const [at, apply] of EVENTS) if (at > 130_000 && at <= 140_000) apply(m, at);
    }
    const reference = untouched.snapshot(140_000);
    expect(peeked.snapshot(140_000)).toEqual(reference);
    expect(measured.snapshot(140_000)).not.toEqual(reference);
  });
});
