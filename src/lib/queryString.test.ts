// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueryString, encodeQueryComponent, parseQueryString } from './queryString';

// biome-ignore format: character pools
const ASCII_CHARS = ['a', 'Z', '0', '=', '&', '+', '%', '2', 'F', 'e', '9', 'C', '3', 'A', '8', ' ', '?', '*'];
// biome-ignore format: character pools
const TEXT_CHARS = ['a', '=', '&', '+', ' ', 'é', '😀', '\ud800', '%41', '%C3%A9', '%F0%9F%98%80'];

describe('parseQueryString', () => {
  it('handles ?, +, escapes and keys without values', () => {
    expect(parseQueryString('?a=1&b=x+y&c=%41%2C&d&&e=')).toEqual([
      { key: 'a', value: '1', malformed: false },
      { key: 'b', value: 'x y', malformed: false },
      { key: 'c', value: 'A,', malformed: false },
      { key: 'd', value: '', malformed: false },
      { key: 'e', value: '', malformed: false },
    ]);
  });

  it('flags stray % and invalid UTF-8, keeping or replacing like URLSearchParams', () => {
    expect(parseQueryString('a=%zz&b=%E2%82&c=%C3%A9')).toEqual([
      { key: 'a', value: '%zz', malformed: true },
      { key: 'b', value: '\ufffd', malformed: true },
      { key: 'c', value: 'é', malformed: false },
    ]);
  });

  it('agrees with URLSearchParams on ASCII input, escapes valid or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ASCII_CHARS), { maxLength: 40 }), (chars) => {
        const q = chars.join('');
        expect(parseQueryString(q).map((p) => [p.key, p.value])).toEqual([
          ...new URLSearchParams(q),
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with URLSearchParams on non-ASCII input with valid escapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 20 }), (chars) => {
        const q = chars.join('');
        expect(parseQueryString(q).map((p) => [p.key, p.value])).toEqual([
          ...new URLSearchParams(q),
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes a bad escape followed by non-ASCII as the URL standard says (Node 20 gets this wrong)', () => {
    expect(parseQueryString('%aa%C3%A9')[0].key).toBe('\ufffdé');
    expect(parseQueryString('%aaé')[0].key).toBe('\ufffdé');
    expect(parseQueryString('%aa😀')[0].key).toBe('\ufffd😀');
  });
});

describe('buildQueryString', () => {
  it('escapes like URLSearchParams.toString()', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (pairs) => {
        expect(buildQueryString(pairs)).toBe(new URLSearchParams(pairs).toString());
      }),
      { numRuns: 1000 },
    );
    expect(encodeQueryComponent("a b,c:*~!'()")).toBe('a+b%2Cc%3A*%7E%21%27%28%29');
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (k, v) => {
        const [pair] = parseQueryString(buildQueryString([[k, v]]));
        expect(pair.value).toBe(v);
        expect(pair.malformed).toBe(false);
      }),
    );
  });
});
