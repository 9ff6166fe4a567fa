// @vitest-environment node
/** Nearest-rank percentiles. */
import { expect, test } from 'vitest';
import { mean, median, percentile } from './stats';

test('percentiles are measured values, by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(percentile(hundred, 95)).toBe(95);
  expect(percentile(hundred, 100)).toBe(100);
  expect(percentile([3, 1, 2, 4], 50)).toBe(2);
  expect(percentile([7], 95)).toBe(7);
  expect(median([10, 30, 20])).toBe(20);
});

test('the input is not reordered', () => {
  const values = [3, 1, 2];
  percentile(values, 50);
  expect(values).toEqual([3, 1, 2]);
});

test('no values give NaN, so the report prints n/a instead of a made-up figure', () => {
  expect(percentile([], 95)).toBeNaN();
  expect(mean([])).toBeNaN();
  expect(mean([1, 2, 6])).toBe(3);
});
