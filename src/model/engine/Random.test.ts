// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from './Random';

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.nextInt());
    expect(Array.from({ length: 20 }, () => b.nextInt())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextInt())).not.toEqual(seqA);
  });

  it('draws signed 32-bit integers and doubles in [0,1) with a roughly uniform spread', () => {
    const r = new Random(7);
    const buckets = new Array(10).fill(0);
    let negatives = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.nextInt();
      expect(Number.isInteger(x) && x >= -2147483648 && x <= 2147483647).toBe(true);
      if (x < 0) negatives++;
      const d = r.nextDouble();
      expect(d >= 0 && d < 1).toBe(true);
      buckets[Math.floor(d * 10)]++;
    }
    expect(negatives / 100_000).toBeGreaterThan(0.48);
    expect(negatives / 100_000).toBeLessThan(0.52);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(600);
  });

  it('forks independent streams that do not advance the parent', () => {
    const r = new Random(1);
    const before = new Random(1).nextInt();
    const f1 = r.fork('partitioner');
    const f2 = r.fork('partitioner');
    const g = r.fork('backoff');
    expect(f1.nextInt()).toBe(f2.nextInt());
    expect(g.nextInt()).not.toBe(new Random(1).fork('partitioner').nextInt());
    expect(r.nextInt()).toBe(before);
  });

  it('nextIntBelow stays in range', () => {
    const r = new Random(3);
    for (let i = 0; i < 1000; i++) {
      const x = r.nextIntBelow(6);
      expect(x >= 0 && x < 6).toBe(true);
    }
  });
});
