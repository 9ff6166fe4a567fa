// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZE_STOPS,
  formatBytes,
  formatClock,
  formatMs,
  SPEED_STOPS,
  speedIndex,
  speedText,
  stopsWith,
} from './format';

describe('control formats', () => {
  it('prints the clock with one decimal and thousands separators', () => {
    expect(formatClock(1234.5)).toBe('1,234.5 ms');
    expect(formatClock(0)).toBe('0.0 ms');
    expect(formatMs(2000)).toBe('2,000 ms');
  });

  it('prints byte sizes in binary units when they are whole', () => {
    expect(formatBytes(16384)).toBe('16 KiB');
    expect(formatBytes(1048576)).toBe('1 MiB');
    expect(formatBytes(1000)).toBe('1,000 bytes');
    expect(formatBytes(0)).toBe('0 bytes');
  });

  it('offers batch.size from 1 KiB to 1 MiB in powers of two, and an off-grid value in order', () => {
    expect(BATCH_SIZE_STOPS[0]).toBe(1024);
    expect(BATCH_SIZE_STOPS.at(-1)).toBe(1048576);
    expect(BATCH_SIZE_STOPS).toHaveLength(11);
    expect(stopsWith([0, 5, 10], 7)).toEqual([0, 5, 7, 10]);
    expect(stopsWith([0, 5, 10], 5)).toEqual([0, 5, 10]);
  });

  it('names speeds and finds the nearest stop on a log scale', () => {
    expect(speedText(10)).toBe('10 ms per second');
    expect(speedText(1000)).toBe('real time');
    expect(speedText('max')).toBe('max');
    expect(SPEED_STOPS[speedIndex(1000)]).toBe(1000);
    expect(SPEED_STOPS[speedIndex(3)]).toBe(2);
    expect(SPEED_STOPS[speedIndex(4)]).toBe(5);
    expect(SPEED_STOPS[speedIndex('max')]).toBe('max');
    expect(SPEED_STOPS[speedIndex(1e9)]).toBe(10000);
  });
});
