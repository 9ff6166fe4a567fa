// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../../engine/Random';
import { ExponentialBackoff } from './ExponentialBackoff';

/** A random source that always returns the same value and counts draws. */
function fixed(value: number) {
  return {
    draws: 0,
    nextDouble() {
      this.draws++;
      return value;
    },
  };
}

describe('ExponentialBackoff', () => {
  it('stays within ±jitter of initial × 2^attempts and never exceeds max (Kafka testExponentialBackoff)', () => {
    const backoff = new ExponentialBackoff(100, 2, 2000, 0.2);
    const random = new Random(42);
    for (let i = 0; i <= 100; i++) {
      for (let attempts = 0; attempts <= 10; attempts++) {
        const value = backoff.backoff(attempts, random);
        if (attempts <= 4) {
          const expected = 100 * 2 ** attempts;
          expect(Math.abs(value - expected)).toBeLessThanOrEqual(expected * 0.2);
        } else {
          expect(value).toBeLessThanOrEqual(2000);
        }
      }
    }
  });

  it('without jitter gives exact powers capped at max (Kafka testExponentialBackoffWithoutJitter)', () => {
    const backoff = new ExponentialBackoff(100, 2, 400, 0.0);
    const random = fixed(0.99);
    expect(backoff.backoff(0, random)).toBe(100);
    expect(backoff.backoff(1, random)).toBe(200);
    expect(backoff.backoff(2, random)).toBe(400);
    expect(backoff.backoff(3, random)).toBe(400);
    expect(random.draws).toBe(0);
  });

  it('rejects jitter outside [0, 1] with Kafka message', () => {
    expect(() => new ExponentialBackoff(100, 2, 400, -1)).toThrow('jitter must be between 0 and 1');
    expect(() => new ExponentialBackoff(100, 2, 400, 3000)).toThrow(
      'jitter must be between 0 and 1',
    );
  });

  it('producer defaults 100/1000: ~100, 200, 400, 800, then capped at 1000 (reference §2i)', () => {
    const backoff = new ExponentialBackoff(100, 2, 1000, 0.2);
    expect(backoff.backoff(0, fixed(0.5))).toBe(100);
    expect(backoff.backoff(3, fixed(0.5))).toBe(800);
    // exponent capped at log2(10) ≈ 3.32 → 1000 × factor, then capped at max.
    expect(backoff.backoff(4, fixed(0.5))).toBe(1000);
    expect(backoff.backoff(20, fixed(0))).toBe(800);
    expect(backoff.backoff(20, fixed(0.999999))).toBe(1000);
  });

  it('maps the random draw onto [1 − jitter, 1 + jitter) and truncates like a Java long cast', () => {
    const backoff = new ExponentialBackoff(100, 2, 10_000, 0.2);
    expect(backoff.backoff(0, fixed(0))).toBe(80);
    expect(backoff.backoff(0, fixed(0.25))).toBe(90);
    expect(backoff.backoff(0, fixed(0.123))).toBe(84); // 84.92 truncated, not rounded
    expect(backoff.backoff(1, fixed(0.75))).toBe(220);
    expect(backoff.backoff(0, fixed(0.9999999))).toBe(119);
  });

  it('gives a constant max when initial > max, and draws nothing', () => {
    const backoff = new ExponentialBackoff(5000, 2, 1000, 0.2);
    const random = fixed(0.3);
    for (let attempts = 0; attempts < 5; attempts++)
      expect(backoff.backoff(attempts, random)).toBe(1000);
    expect(random.draws).toBe(0);
  });

  it('gives a constant initial when initial == max', () => {
    const backoff = new ExponentialBackoff(300, 2, 300, 0.2);
    expect(backoff.backoff(0, fixed(0))).toBe(300);
    expect(backoff.backoff(7, fixed(0.9))).toBe(300);
  });

  it('is deterministic for a seeded Random', () => {
    const a = new ExponentialBackoff(100, 2, 1000, 0.2);
    const r1 = new Random(7);
    const r2 = new Random(7);
    const s1 = [0, 1, 2, 3, 4, 5].map((n) => a.backoff(n, r1));
    const s2 = [0, 1, 2, 3, 4, 5].map((n) => a.backoff(n, r2));
    expect(s1).toEqual(s2);
  });
});
