// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CompressionRatioEstimator } from './CompressionRatioEstimator';

const f = Math.fround;

describe('CompressionRatioEstimator', () => {
  it('starts at 1.0 for every codec', () => {
    const e = new CompressionRatioEstimator();
    for (const t of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const)
      expect(e.estimation(t)).toBe(1);
  });

  it('rises by at least 0.05 and falls by at most 0.005, never below the observed ratio', () => {
    // CompressionRatioEstimatorTest.testUpdateEstimation: the four cases, with Java float results.
    const cases: Array<[number, number, number]> = [
      [0.8, 0.84, f(f(0.8) + f(0.05))],
      [0.6, 0.7, f(0.7)],
      [0.6, 0.4, f(f(0.6) - f(0.005))],
      [0.004, 0.001, f(0.001)],
    ];
    const e = new CompressionRatioEstimator();
    for (const [current, observed, expected] of cases) {
      e.setEstimation('zstd', current);
      expect(e.updateEstimation('zstd', observed)).toBe(expected);
      expect(e.estimation('zstd')).toBeGreaterThanOrEqual(f(observed));
    }
    // Other codecs are untouched; reset goes back to 1.
    expect(e.estimation('gzip')).toBe(1);
    e.resetEstimation();
    expect(e.estimation('zstd')).toBe(1);
  });

  it('falls slowly: 101 well-compressing batches (float steps of 0.005) to get from 1.0 to 0.5', () => {
    const e = new CompressionRatioEstimator();
    let batches = 0;
    while (e.estimation('lz4') > 0.5) {
      e.updateEstimation('lz4', 0.3);
      batches++;
    }
    expect(batches).toBe(101);
  });
});
