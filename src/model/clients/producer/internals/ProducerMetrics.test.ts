// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../../../engine/Random';
import { Histogram } from './Histogram';
import { ProducerMetrics } from './ProducerMetrics';
import { Rate, SampledStat } from './SampledStat';

describe('Rate (Kafka 4.x window maths, 2 samples × 30 s)', () => {
  it('pads the first window to samples − 1 full windows', () => {
    const rate = new Rate();
    rate.record(10, 0);
    // elapsed 10 s + one missing 30 s window = 40 s
    expect(rate.measure(10_000)).toBeCloseTo(10 / 40, 12);
  });

  it('divides by now − oldest sample start once a full window has passed', () => {
    const rate = new Rate();
    rate.record(10, 0);
    rate.record(20, 35_000); // first sample complete → second sample starts at 35 s
    expect(rate.measure(40_000)).toBeCloseTo(30 / 40, 12);
  });

  it('purges a sample whose last event is samples × window old and pads again', () => {
    const rate = new Rate();
    rate.record(10, 0);
    rate.record(20, 35_000);
    // at 61 s the first sample (last event at 0) is obsolete; oldest start is 35 s → 26 s + 30 s padding
    expect(rate.measure(61_000)).toBeCloseTo(20 / 56, 12);
  });

  it('keeps a third sample so an overlapping window is not lost', () => {
    const rate = new Rate();
    rate.record(1, 0);
    rate.record(2, 30_000);
    rate.record(4, 60_000);
    // sample [0,30) is obsolete at 65 s; [30,60) and [60,…) remain: (2 + 4) / 35 s
    expect(rate.measure(65_000)).toBeCloseTo(6 / 35, 12);
  });

  it('is zero long after the last event', () => {
    const rate = new Rate();
    rate.record(100, 0);
    expect(rate.measure(200_000)).toBe(0);
  });

  it('counts events, not values, for a count rate', () => {
    const rate = new Rate('count');
    rate.record(500, 0);
    rate.record(700, 1_000);
    expect(rate.measure(30_000)).toBeCloseTo(2 / 30, 12);
  });
});

describe('SampledStat avg and max', () => {
  it('are NaN without events and combine live samples', () => {
    const avg = new SampledStat('avg');
    const max = new SampledStat('max');
    expect(avg.measure(0)).toBeNaN();
    expect(max.measure(0)).toBeNaN();
    for (const [v, t] of [
      [4, 0],
      [8, 10_000],
      [30, 31_000],
    ] as const) {
      avg.record(v, t);
      max.record(v, t);
    }
    expect(avg.measure(31_000)).toBeCloseTo(14, 12);
    expect(max.measure(31_000)).toBe(30);
    // at 70 s the first sample (last event 10 s) is gone; only 30 remains
    expect(avg.measure(70_000)).toBe(30);
    expect(max.measure(95_000)).toBeNaN();
  });
});

describe('ProducerMetrics', () => {
  it('reports Kafka names with windowed and whole-run values', () => {
    const m = new ProducerMetrics(0);
    m.recordBatchDrained(1000, 0.5, 7, 120, 1_000);
    m.recordBatchDrained(3000, 1, 3, 80, 1_000);
    m.recordRequestRecords(40, 1_000);
    m.recordRequestSent(4100, 1_000);
    m.recordLatency(12, 5_000);
    m.recordRetries(10, 5_000);
    m.recordErrors(5, 6_000);
    const s = m.snapshot(10_000);
    expect(s['batch-size-avg']).toBe(2000);
    expect(s['batch-size-max']).toBe(3000);
    expect(s['compression-rate-avg']).toBe(0.75);
    expect(s['record-queue-time-avg']).toBe(5);
    expect(s['record-queue-time-max']).toBe(7);
    expect(s['record-size-avg']).toBe(100);
    expect(s['record-size-max']).toBe(120);
    expect(s['records-per-request-avg']).toBe(40);
    expect(s['record-send-total']).toBe(40);
    expect(s['record-send-rate']).toBeCloseTo(40 / 39, 12); // 9 s since the sample began + 30 s padding
    expect(s['request-total']).toBe(1);
    expect(s['outgoing-byte-total']).toBe(4100);
    expect(s['request-latency-avg']).toBe(12);
    expect(s['record-retry-total']).toBe(10);
    expect(s['record-error-total']).toBe(5);
    expect(s['produce-throttle-time-avg']).toBeNaN();

    const run = m.runSnapshot(10_000);
    expect(run['record-send-rate']).toBe(4); // 40 records over 10 s
    expect(run['record-error-rate']).toBe(0.5);
    // two minutes later the window has forgotten everything; the run has not
    const later = m.snapshot(130_000);
    expect(later['batch-size-avg']).toBeNaN();
    expect(later['record-send-rate']).toBe(0);
    expect(later['record-send-total']).toBe(40);
    expect(m.runSnapshot(130_000)['batch-size-avg']).toBe(2000);
  });

  it('keeps bufferpool wait in nanoseconds and its ratio as a fraction of the window', () => {
    const m = new ProducerMetrics(0);
    m.recordBufferPoolWaitNs(15e9, 0); // 15 s waiting
    const s = m.snapshot(30_000);
    expect(s['bufferpool-wait-time-ns-total']).toBe(15e9);
    expect(s['bufferpool-wait-time-total']).toBe(15e9);
    expect(s['bufferpool-wait-ratio']).toBeCloseTo(0.5, 12);
    expect(m.runSnapshot(60_000)['bufferpool-wait-ratio']).toBeCloseTo(0.25, 12);
  });

  it('reads gauges at snapshot time', () => {
    const m = new ProducerMetrics(0);
    let available = 100;
    m.setGauges({
      bufferAvailableBytes: () => available,
      bufferTotalBytes: () => 33554432,
      waitingThreads: () => 2,
      requestsInFlight: () => 3,
    });
    available = 50;
    const s = m.snapshot(1);
    expect(s['buffer-available-bytes']).toBe(50);
    expect(s['buffer-total-bytes']).toBe(33554432);
    expect(s['waiting-threads']).toBe(2);
    expect(s['requests-in-flight']).toBe(3);
  });

  it('reports delivery latency percentiles', () => {
    const m = new ProducerMetrics(0);
    for (let i = 1; i <= 100; i++) m.recordDeliveryLatency(i);
    const s = m.runSnapshot(1000);
    expect(Math.abs(s['delivery-latency-p50'] - 50) / 50).toBeLessThanOrEqual(0.01);
    expect(Math.abs(s['delivery-latency-p99'] - 99) / 99).toBeLessThanOrEqual(0.01);
    expect(s['delivery-latency-max']).toBe(100);
  });
});

describe('Histogram', () => {
  function exactQuantile(sorted: number[], q: number): number {
    return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
  }

  it('stays within 1 % of the exact nearest-rank percentile on long-tailed data', () => {
    const random = new Random(42);
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      // log-normal-ish: 0.01 ms … hours
      const v = Math.exp(random.nextDouble() * 18 - 4.6) * (1 + random.nextDouble());
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.001, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(h.quantile(1)).toBe(values[values.length - 1]);
    expect(h.quantile(0)).toBe(values[0]);
    expect(h.count).toBe(50_000);
  });

  it('handles zeros, empty state and reset', () => {
    const h = new Histogram();
    expect(h.quantile(0.5)).toBeNaN();
    h.record(0);
    h.record(0);
    h.record(10);
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs(h.quantile(1) - 10)).toBe(0);
    expect(h.mean).toBeCloseTo(10 / 3, 12);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.max).toBeNaN();
  });
});
