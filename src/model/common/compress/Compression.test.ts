// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../engine/Random';
import { compress, decompress, initCompression, isCompressionReady } from './Compression';
import { COMPRESSION_TYPES, type CompressionType } from './CompressionType';
import { KAFKA_LZ4_FRAME_HEADER, LZ4_BLOCK_SIZE } from './Lz4Codec';
import { SNAPPY_BLOCK_SIZE, XERIAL_HEADER } from './SnappyCodec';

function jsonish(n: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0, len = 0; len < n; i++) {
    const part = `{"id":${i},"user":"user-${i % 97}","event":"page_view","path":"/products/${i % 13}"}`;
    parts.push(part);
    len += part.length;
  }
  const s = parts.join('').slice(0, n);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function randomBytes(n: number, seed: number): Uint8Array {
  const r = new Random(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = r.nextInt() & 0xff;
  return out;
}

/** Vitest's deep toEqual is slow on 100 KB arrays; compare bytes directly. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const CODECS: CompressionType[] = ['gzip', 'snappy', 'lz4', 'zstd'];

describe('Compression', () => {
  beforeAll(async () => {
    await initCompression();
  });

  it('loads zstd once and reports ready; a second init resolves too', async () => {
    expect(isCompressionReady()).toBe(true);
    await expect(initCompression()).resolves.toBeUndefined();
  });

  it('none returns the bytes unchanged', () => {
    const bytes = jsonish(100);
    expect(compress('none', null, bytes)).toBe(bytes);
    expect(decompress('none', bytes)).toBe(bytes);
  });

  for (const type of CODECS) {
    it(`${type}: round-trips small, empty-ish and multi-block inputs`, () => {
      for (const size of [1, 13, 100, 16384, 200_000]) {
        const bytes = jsonish(size);
        expect(sameBytes(decompress(type, compress(type, null, bytes)), bytes)).toBe(true);
      }
      const noise = randomBytes(70_000, 7);
      expect(sameBytes(decompress(type, compress(type, null, noise)), noise)).toBe(true);
    });

    it(`${type}: JSON-like text compresses well, random bytes do not`, () => {
      const text = jsonish(16384);
      expect(compress(type, null, text).length).toBeLessThan(text.length / 3);
      const noise = randomBytes(16384, 1);
      const c = compress(type, null, noise);
      expect(c.length).toBeGreaterThan(noise.length * 0.99);
      // Framing overhead stays small even when nothing compresses.
      expect(c.length).toBeLessThan(noise.length + 64);
    });
  }

  it('gzip writes the JDK GZIPOutputStream header (XFL 0, OS 255) at every level', () => {
    for (const level of [1, 6, 9, -1, null]) {
      const c = compress('gzip', level, jsonish(1000));
      expect(Array.from(c.subarray(0, 10))).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    }
  });

  it('gzip level changes the output: 1 is bigger than 9 on text; -1 equals 6', () => {
    const text = jsonish(50_000);
    expect(compress('gzip', 1, text).length).toBeGreaterThan(compress('gzip', 9, text).length);
    expect(sameBytes(compress('gzip', -1, text), compress('gzip', 6, text))).toBe(true);
    expect(sameBytes(compress('gzip', null, text), compress('gzip', 6, text))).toBe(true);
  });

  it('snappy uses xerial framing: 16-byte header, one big-endian length per 32 KiB block', () => {
    const bytes = jsonish(SNAPPY_BLOCK_SIZE * 2 + 10);
    const c = compress('snappy', null, bytes);
    expect(Array.from(c.subarray(0, 16))).toEqual(Array.from(XERIAL_HEADER));
    const view = new DataView(c.buffer, c.byteOffset, c.byteLength);
    let pos = 16;
    let blocks = 0;
    while (pos < c.length) {
      pos += 4 + view.getInt32(pos);
      blocks++;
    }
    expect(pos).toBe(c.length);
    expect(blocks).toBe(3);
  });

  it('lz4 writes Kafka frame: header 04 22 4D 18 60 40 82, 64 KiB blocks, zero end mark', () => {
    const bytes = jsonish(LZ4_BLOCK_SIZE + 100);
    const c = compress('lz4', null, bytes);
    expect(Array.from(c.subarray(0, 7))).toEqual(Array.from(KAFKA_LZ4_FRAME_HEADER));
    const view = new DataView(c.buffer, c.byteOffset, c.byteLength);
    let pos = 7;
    const sizes: number[] = [];
    for (;;) {
      const word = view.getUint32(pos, true);
      pos += 4;
      if (word === 0) break;
      sizes.push(word);
      pos += word & 0x7fffffff;
    }
    expect(pos).toBe(c.length);
    expect(sizes.length).toBe(2);
    expect(sizes.every((s) => (s & 0x80000000) === 0)).toBe(true);
  });

  it('lz4 stores an incompressible block raw with the high bit set', () => {
    const noise = randomBytes(1000, 3);
    const c = compress('lz4', null, noise);
    expect(new DataView(c.buffer, c.byteOffset).getUint32(7, true)).toBe((0x80000000 | 1000) >>> 0);
    expect(c.length).toBe(7 + 4 + 1000 + 4);
  });

  it('zstd frames start with the zstd magic and higher levels do not grow text', () => {
    const text = jsonish(50_000);
    const c1 = compress('zstd', 1, text);
    expect(Array.from(c1.subarray(0, 4))).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    expect(compress('zstd', 19, text).length).toBeLessThanOrEqual(c1.length);
    expect(sameBytes(compress('zstd', null, text), compress('zstd', 3, text))).toBe(true);
  });

  it('rejects levels outside Kafka ranges with Kafka wording', () => {
    expect(() => compress('gzip', 0, jsonish(10))).toThrow(
      "gzip doesn't support given compression level: 0",
    );
    expect(() => compress('lz4', 18, jsonish(10))).toThrow(
      "lz4 doesn't support given compression level: 18",
    );
    expect(() => compress('zstd', 23, jsonish(10))).toThrow(
      "zstd doesn't support given compression level: 23",
    );
  });

  it('every codec has a compress path', () => {
    for (const type of COMPRESSION_TYPES)
      expect(compress(type, null, jsonish(64)).length).toBeGreaterThan(0);
  });
});
