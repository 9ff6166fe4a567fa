// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { samplingNote, summarizeMarks } from './markSummary';

describe('markSummary', () => {
  it('counts the records of each stage in words', () => {
    const text = summarizeMarks([4, 280, 3, 20, 5, 0], 312, 1);
    expect(text).toBe(
      '312 records in flight: 4 in send(), 280 in the accumulator, 3 in requests waiting to be written, ' +
        '20 on the wire or at the leader, 5 just acknowledged, 0 just failed',
    );
  });

  it('says when only a sample is drawn', () => {
    expect(summarizeMarks([0, 2000, 0, 0, 0, 0], 2000, 4)).toContain(
      '2,000 records in flight (drawing 1 in 4 records)',
    );
    expect(samplingNote(4)).toBe('Drawing 1 in 4 records (batches are all drawn)');
    expect(samplingNote(1)).toBeNull();
  });
});
