// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../engine/Random';
import { ValueCorpus } from './ValueCorpus';

const decoder = new TextDecoder();

describe('ValueCorpus', () => {
  it('makes values of exactly record.size bytes', () => {
    for (const content of ['json', 'text', 'random'] as const) {
      for (const size of [0, 1, 10, 100, 1000, 5000]) {
        const corpus = new ValueCorpus(content, size, new Random(1));
        expect(corpus.value(0).length).toBe(size);
        expect(corpus.value(12345).length).toBe(size);
      }
    }
  });

  it('makes JSON values that parse when there is room for a document', () => {
    const corpus = new ValueCorpus('json', 100, new Random(1));
    for (let i = 0; i < 50; i++) {
      const doc = JSON.parse(decoder.decode(corpus.value(i)));
      expect(doc.id).toBe(i);
    }
    const big = new ValueCorpus('json', 1000, new Random(1));
    expect(JSON.parse(decoder.decode(big.value(3))).note.length).toBeGreaterThan(500);
  });

  it('is deterministic for a seed and distinct across slots', () => {
    const a = new ValueCorpus('text', 200, new Random(9));
    const b = new ValueCorpus('text', 200, new Random(9));
    expect(Array.from(a.value(5))).toEqual(Array.from(b.value(5)));
    expect(decoder.decode(a.value(5))).not.toBe(decoder.decode(a.value(6)));
  });

  it('keeps enough distinct slots that a 1 MiB batch of small values does not repeat', () => {
    const corpus = new ValueCorpus('json', 100, new Random(1));
    expect(corpus.slots * 100).toBeGreaterThanOrEqual(1024 * 1024);
  });
});
