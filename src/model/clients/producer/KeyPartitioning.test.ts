// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { murmur2, toPositive } from '../../common/utils/Utils';
import { BuiltInPartitioner } from './internals/BuiltInPartitioner';
import { describeKey, explainKeyPartition, partitionForKey } from './KeyPartitioning';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('partitionForKey', () => {
  it('hashes the UTF-8 key with Kafka murmur2 (UtilsTest.testMurmur2 vectors)', () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) {
      expect(murmur2(utf8(key))).toBe(hash);
      // With a huge partition count the partition is the positive hash itself.
      expect(partitionForKey(utf8(key), 2147483647)).toBe(toPositive(hash) % 2147483647);
    }
  });

  it('uses & 0x7fffffff, not Math.abs: "key" → 1067546281, and hashes empty keys ("" → 275646681)', () => {
    expect(partitionForKey(utf8('key'), 2147483647)).toBe(1067546281);
    expect(Math.abs(murmur2(utf8('key')))).toBe(1079937367);
    expect(partitionForKey(new Uint8Array(0), 2147483647)).toBe(275646681);
    expect(partitionForKey(utf8('0'), 2147483647)).toBe(971027396);
  });

  it('matches the partitions kafka-python checked against Java for 1000 partitions', () => {
    const cases: [number[], number][] = [
      [[], 681],
      [[0x61], 524],
      [[0x61, 0x62], 434],
      [[0x61, 0x62, 0x63], 107],
      [[...'123456789'].map((c) => c.charCodeAt(0)), 566],
      [[0x00, 0x20], 742],
    ];
    for (const [bytes, partition] of cases) {
      expect(partitionForKey(Uint8Array.from(bytes), 1000)).toBe(partition);
    }
  });

  it('is what BuiltInPartitioner.partitionForKey returns, and depends on the full partition count', () => {
    const key = utf8('user-123');
    expect(BuiltInPartitioner.partitionForKey(key, 6)).toBe(partitionForKey(key, 6));
    expect(partitionForKey(key, 6)).toBe(2);
    // Same key, different partition count → (generally) a different partition: the count is all partitions.
    expect(partitionForKey(key, 5)).toBe(679227668 % 5);
  });
});

describe('explainKeyPartition', () => {
  it('spells out hash, toPositive and modulo', () => {
    expect(explainKeyPartition('key', utf8('key'), 6)).toBe(
      'murmur2("key") = -1079937367 → toPositive = 1067546281 → % 6 = 1',
    );
    expect(explainKeyPartition('', new Uint8Array(0), 6)).toBe(
      'murmur2("") = 275646681 → toPositive = 275646681 → % 6 = 3',
    );
  });

  it('says a null key is not hashed, and shows bytes in hex when no string is known', () => {
    expect(explainKeyPartition(null, null, 6)).toContain('null key → not hashed');
    expect(explainKeyPartition(null, Uint8Array.from([0x00, 0x20]), 1000)).toMatch(
      /^murmur2\(0x0020\) = -?\d+ → toPositive = \d+ → % 1000 = 742$/,
    );
  });

  it('shortens long keys for display', () => {
    const long = 'x'.repeat(100);
    expect(describeKey(long, utf8(long))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeKey(null, new Uint8Array(20))).toBe(`0x${'00'.repeat(16)}… (20 bytes)`);
  });
});
