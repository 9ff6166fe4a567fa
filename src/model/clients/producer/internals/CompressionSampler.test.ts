// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CompressionSampler } from './CompressionSampler';

describe('CompressionSampler', () => {
  it('measures the warm-up batches, then one in samplePeriod', () => {
    const s = new CompressionSampler({ warmupBatches: 3, samplePeriod: 4 });
    const decisions: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      const measure = s.shouldMeasure(1000);
      decisions.push(measure);
      if (measure) s.record(1000, 400);
      else s.estimateCompressedSize(1000);
    }
    expect(decisions).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(s.measuredBatches).toBe(6);
    expect(s.estimatedBatches).toBe(6);
  });

  it('uses the byte-weighted ratio of the recent window', () => {
    const s = new CompressionSampler({ window: 2 });
    expect(s.sampledRatio()).toBe(1);
    s.record(1000, 100);
    s.record(3000, 900);
    expect(s.sampledRatio()).toBe(1000 / 4000);
    s.record(1000, 500);
    expect(s.sampledRatio()).toBe((900 + 500) / 4000);
    expect(s.estimateCompressedSize(2000)).toBe(700);
    expect(s.estimateCompressedSize(1)).toBe(1);
  });

  it('measures a batch far outside the sizes seen recently', () => {
    const s = new CompressionSampler({ warmupBatches: 1, samplePeriod: 1000 });
    expect(s.shouldMeasure(10_000)).toBe(true);
    s.record(10_000, 3_000);
    expect(s.shouldMeasure(12_000)).toBe(false);
    expect(s.shouldMeasure(100)).toBe(true);
    expect(s.shouldMeasure(30_000)).toBe(true);
  });

  it('measures every batch with samplePeriod 1', () => {
    const s = new CompressionSampler({ samplePeriod: 1 });
    for (let i = 0; i < 50; i++) expect(s.shouldMeasure(100)).toBe(true);
  });
});
