// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs } from './format';

describe('format', () => {
  it('separates thousands in counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });

  it('gives bytes an SI prefix from 1000 up', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(16384)).toBe('16.4 kB');
    expect(formatBytes(33554432)).toBe('33.6 MB');
  });

  it('shows short times with a decimal and never below zero', () => {
    expect(formatMs(3.24)).toBe('3.2 ms');
    expect(formatMs(1200)).toBe('1,200 ms');
    expect(formatMs(-5)).toBe('0.0 ms');
  });
});
