// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  COMPRESSION_TYPE_INFO,
  COMPRESSION_TYPES,
  compressionTypeForId,
  compressionTypeForName,
  compressionTypeId,
  effectiveLevel,
  isValidLevel,
} from './CompressionType';

describe('CompressionType', () => {
  it('uses Kafka attribute ids none 0, gzip 1, snappy 2, lz4 3, zstd 4, both ways', () => {
    expect(COMPRESSION_TYPES.map(compressionTypeId)).toEqual([0, 1, 2, 3, 4]);
    for (const t of COMPRESSION_TYPES) expect(compressionTypeForId(compressionTypeId(t))).toBe(t);
    expect(() => compressionTypeForId(5)).toThrow('Unknown compression type id: 5');
  });

  it('parses config names exactly and rejects others with Kafka wording', () => {
    expect(compressionTypeForName('zstd')).toBe('zstd');
    expect(() => compressionTypeForName('brotli')).toThrow('Unknown compression name: brotli');
    expect(() => compressionTypeForName('GZIP')).toThrow('Unknown compression name: GZIP');
  });

  it('has the level configs and defaults of table 1a (gzip −1, lz4 9, zstd 3)', () => {
    expect(COMPRESSION_TYPE_INFO.gzip).toMatchObject({
      levelConfig: 'compression.gzip.level',
      defaultLevel: -1,
      minLevel: 1,
      maxLevel: 9,
    });
    expect(COMPRESSION_TYPE_INFO.lz4).toMatchObject({ defaultLevel: 9, minLevel: 1, maxLevel: 17 });
    expect(COMPRESSION_TYPE_INFO.zstd).toMatchObject({
      defaultLevel: 3,
      minLevel: -131072,
      maxLevel: 22,
    });
    expect(COMPRESSION_TYPE_INFO.snappy.levelConfig).toBeNull();
  });

  it('validates levels as the Compression builders do', () => {
    expect(isValidLevel('gzip', -1)).toBe(true);
    expect(isValidLevel('gzip', 0)).toBe(false);
    expect(isValidLevel('gzip', 9)).toBe(true);
    expect(isValidLevel('gzip', 10)).toBe(false);
    expect(isValidLevel('lz4', 17)).toBe(true);
    expect(isValidLevel('lz4', 0)).toBe(false);
    expect(isValidLevel('zstd', -131072)).toBe(true);
    expect(isValidLevel('zstd', -131073)).toBe(false);
    expect(isValidLevel('zstd', 22)).toBe(true);
    expect(isValidLevel('zstd', 2.5)).toBe(false);
    expect(isValidLevel('snappy', 1)).toBe(false);
  });

  it('resolves the effective level: null → default, gzip −1 → 6, no level for none/snappy', () => {
    expect(effectiveLevel('gzip', null)).toBe(6);
    expect(effectiveLevel('gzip', -1)).toBe(6);
    expect(effectiveLevel('gzip', 1)).toBe(1);
    expect(effectiveLevel('lz4', null)).toBe(9);
    expect(effectiveLevel('zstd', null)).toBe(3);
    expect(effectiveLevel('zstd', -5)).toBe(-5);
    expect(effectiveLevel('none', 4)).toBeNull();
    expect(effectiveLevel('snappy', null)).toBeNull();
    expect(() => effectiveLevel('lz4', 0)).toThrow(
      "lz4 doesn't support given compression level: 0",
    );
  });
});
