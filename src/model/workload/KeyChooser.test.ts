// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../engine/Random';
import { KeyChooser, type KeyChooserOptions } from './KeyChooser';

const base: KeyChooserOptions = {
  keys: 10,
  prefix: 'user-',
  list: null,
  distribution: 'uniform',
  zipfS: 1.1,
  hotFraction: 0.8,
};

function histogram(chooser: KeyChooser, draws: number): number[] {
  const counts = new Array(chooser.count).fill(0);
  for (let i = 0; i < draws; i++) counts[chooser.nextIndex()]++;
  return counts;
}

describe('KeyChooser', () => {
  it('gives null keys when keys=0', () => {
    const c = new KeyChooser({ ...base, keys: 0 }, new Random(1));
    expect(c.nextIndex()).toBe(-1);
  });

  it('names keys with the prefix and encodes them as UTF-8 once', () => {
    const c = new KeyChooser(base, new Random(1));
    expect(c.name(7)).toBe('user-7');
    expect(Array.from(c.keyBytes(7))).toEqual(Array.from(new TextEncoder().encode('user-7')));
    expect(c.keyBytes(7)).toBe(c.keyBytes(7));
  });

  it('draws uniformly over N keys', () => {
    const counts = histogram(new KeyChooser(base, new Random(2)), 50_000);
    for (const n of counts) expect(Math.abs(n - 5000)).toBeLessThan(400);
  });

  it('sends the hot fraction to key 0', () => {
    const counts = histogram(
      new KeyChooser({ ...base, distribution: 'hot' }, new Random(3)),
      50_000,
    );
    expect(counts[0] / 50_000).toBeCloseTo(0.8, 1);
  });

  it('follows Zipf: key 0 is about 2^s times as frequent as key 1', () => {
    const counts = histogram(
      new KeyChooser({ ...base, distribution: 'zipf' }, new Random(4)),
      100_000,
    );
    expect(counts[0] / counts[1]).toBeGreaterThan(1.9);
    expect(counts[0] / counts[1]).toBeLessThan(2.4);
    expect(counts[1]).toBeGreaterThan(counts[5]);
  });

  it('uses an explicit list', () => {
    const c = new KeyChooser({ ...base, list: ['US-1', 'EU-2', 'APAC-3'] }, new Random(5));
    expect(c.count).toBe(3);
    const seen = new Set(Array.from({ length: 100 }, () => c.name(c.nextIndex())));
    expect(seen).toEqual(new Set(['US-1', 'EU-2', 'APAC-3']));
  });
});
