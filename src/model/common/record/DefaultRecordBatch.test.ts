// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Header } from '../../clients/producer/internals/RecordState';
import { compress, decompress, initCompression } from '../compress/Compression';
import { crc32c } from '../utils/Crc32C';
import { sizeInBytes } from './DefaultRecord';
import {
  computeAttributes,
  decodeBatchHeader,
  decrementSequence,
  type EncodableRecord,
  encodeBatch,
  encodeRecords,
  estimateSizeInBytesUpperBound,
  incrementSequence,
  RECORD_BATCH_OVERHEAD,
  sizeOfRecords,
} from './DefaultRecordBatch';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const INT32_MAX = 2147483647;

/**
 * The 270-byte RecordBatch inside kafkajs's Produce v3 request fixture
 * (src/protocol/requests/produce/fixtures/v3_request.json, bytes 57..326): three records, kafkajs writes
 * partitionLeaderEpoch 0, producerEpoch 0 and firstSequence 10; CRC 0xD20A45ED.
 */
const KAFKAJS_V3_BATCH = Uint8Array.from([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 210, 10, 69, 237, 0, 0, 0, 0, 0, 2, 0, 0, 1,
  95, 142, 187, 58, 12, 0, 0, 1, 95, 142, 187, 58, 12, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0,
  0, 0, 0, 10, 0, 0, 0, 3, 146, 1, 0, 0, 0, 48, 107, 101, 121, 45, 57, 100, 48, 102, 51, 52, 56, 99,
  98, 50, 101, 55, 51, 48, 101, 49, 101, 100, 99, 52, 62, 115, 111, 109, 101, 45, 118, 97, 108, 117,
  101, 45, 97, 49, 55, 98, 52, 99, 56, 49, 102, 57, 101, 99, 100, 49, 101, 56, 57, 54, 101, 51, 6,
  2, 97, 2, 98, 2, 99, 2, 100, 2, 99, 2, 101, 130, 1, 0, 0, 2, 48, 107, 101, 121, 45, 99, 55, 48,
  55, 51, 101, 57, 54, 53, 99, 51, 52, 98, 52, 99, 99, 54, 52, 52, 50, 62, 115, 111, 109, 101, 45,
  118, 97, 108, 117, 101, 45, 54, 53, 100, 102, 52, 50, 50, 48, 55, 48, 100, 55, 97, 100, 55, 51,
  57, 49, 52, 102, 2, 2, 97, 2, 98, 130, 1, 0, 0, 4, 48, 107, 101, 121, 45, 49, 54, 57, 51, 98, 49,
  56, 52, 97, 57, 98, 53, 50, 100, 98, 101, 48, 51, 98, 99, 62, 115, 111, 109, 101, 45, 118, 97,
  108, 117, 101, 45, 51, 102, 99, 98, 54, 53, 102, 102, 99, 97, 48, 56, 55, 99, 98, 97, 50, 48, 97,
  100, 2, 2, 97, 2, 98,
]);

const TS = 1509928155660;
const ab: Header = { key: 'a', value: ascii('b') };
const KAFKAJS_RECORDS: EncodableRecord[] = [
  {
    offsetDelta: 0,
    timestamp: TS,
    key: ascii('key-9d0f348cb2e730e1edc4'),
    value: ascii('some-value-a17b4c81f9ecd1e896e3'),
    // kafkajs expands { a: 'b', c: ['d', 'e'] } into three headers
    headers: [ab, { key: 'c', value: ascii('d') }, { key: 'c', value: ascii('e') }],
  },
  {
    offsetDelta: 1,
    timestamp: TS,
    key: ascii('key-c7073e965c34b4cc6442'),
    value: ascii('some-value-65df422070d7ad73914f'),
    headers: [ab],
  },
  {
    offsetDelta: 2,
    timestamp: TS,
    key: ascii('key-1693b184a9b52dbe03bc'),
    value: ascii('some-value-3fcb65ffca087cba20ad'),
    headers: [ab],
  },
];

function kafkajsBatch(): Uint8Array {
  return encodeBatch({
    partitionLeaderEpoch: 0,
    compressionType: 'none',
    baseTimestamp: TS,
    maxTimestamp: TS,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 10,
    recordCount: 3,
    records: encodeRecords(KAFKAJS_RECORDS, TS),
  });
}

describe('DefaultRecordBatch', () => {
  beforeAll(async () => {
    await initCompression();
  });

  it('reproduces the real 270-byte batch of kafkajs Produce v3 fixture byte for byte, CRC included', () => {
    const bytes = kafkajsBatch();
    expect(bytes.length).toBe(270);
    expect(Array.from(bytes)).toEqual(Array.from(KAFKAJS_V3_BATCH));
    expect(decodeBatchHeader(bytes).crc).toBe(0xd20a45ed);
  });

  it('the records section length is Σ DefaultRecord.sizeInBytes and the batch adds exactly 61', () => {
    const section = encodeRecords(KAFKAJS_RECORDS, TS);
    const sum = KAFKAJS_RECORDS.reduce(
      (s, r) => s + sizeInBytes(r.offsetDelta, r.timestamp - TS, r.key, r.value, r.headers),
      0,
    );
    expect(section.length).toBe(sum);
    expect(sizeOfRecords(KAFKAJS_RECORDS, TS)).toBe(sum);
    expect(RECORD_BATCH_OVERHEAD + sum).toBe(270);
  });

  it('writes the Java producer defaults: partitionLeaderEpoch −1, magic 2, length = size − 12', () => {
    const bytes = encodeBatch({
      compressionType: 'none',
      baseTimestamp: 1000,
      maxTimestamp: 1003,
      producerId: 42,
      producerEpoch: 3,
      baseSequence: 7,
      recordCount: 2,
      records: encodeRecords(
        [
          { offsetDelta: 0, timestamp: 1000, key: null, value: ascii('x'), headers: [] },
          { offsetDelta: 1, timestamp: 1003, key: null, value: ascii('y'), headers: [] },
        ],
        1000,
      ),
    });
    const h = decodeBatchHeader(bytes);
    expect(h).toMatchObject({
      baseOffset: 0,
      sizeInBytes: bytes.length,
      partitionLeaderEpoch: -1,
      magic: 2,
      crcValid: true,
      compressionId: 0,
      isTransactional: false,
      lastOffsetDelta: 1,
      baseTimestamp: 1000,
      maxTimestamp: 1003,
      producerId: 42,
      producerEpoch: 3,
      baseSequence: 7,
      recordCount: 2,
    });
  });

  it('the CRC covers attributes..end but not baseOffset, length, leader epoch or magic', () => {
    const bytes = kafkajsBatch();
    const crc = decodeBatchHeader(bytes).crc;
    bytes[3] = 99; // baseOffset: the broker rewrites it without touching the CRC
    bytes[15] = 5; // partitionLeaderEpoch
    expect(decodeBatchHeader(bytes).crcValid).toBe(true);
    expect(decodeBatchHeader(bytes).crc).toBe(crc);
    bytes[100] ^= 1; // a record byte
    expect(decodeBatchHeader(bytes).crcValid).toBe(false);
  });

  it('sets codec bits and the transactional flag in attributes', () => {
    expect(computeAttributes('none')).toBe(0);
    expect(computeAttributes('gzip')).toBe(1);
    expect(computeAttributes('snappy')).toBe(2);
    expect(computeAttributes('lz4')).toBe(3);
    expect(computeAttributes('zstd', true)).toBe(4 | 0x10);
    expect(computeAttributes('none', false, true)).toBe(0x20);
  });

  it('a compressed batch keeps an uncompressed header with the real count, and decompresses to the records', () => {
    const records: EncodableRecord[] = Array.from({ length: 50 }, (_, i) => ({
      offsetDelta: i,
      timestamp: 5000 + i,
      key: ascii(`user-${i % 5}`),
      value: ascii(`{"event":"click","n":${i},"page":"/home"}`),
      headers: [],
    }));
    const section = encodeRecords(records, 5000);
    for (const type of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
      const compressed = compress(type, null, section);
      const bytes = encodeBatch({
        compressionType: type,
        baseTimestamp: 5000,
        maxTimestamp: 5049,
        producerId: 1,
        producerEpoch: 0,
        baseSequence: 0,
        recordCount: 50,
        records: compressed,
      });
      const h = decodeBatchHeader(bytes);
      expect(h.compressionId).toBe(computeAttributes(type));
      expect(h.recordCount).toBe(50);
      expect(h.lastOffsetDelta).toBe(49);
      expect(h.crcValid).toBe(true);
      expect(bytes.length).toBe(61 + compressed.length);
      expect(bytes.length).toBeLessThan(61 + section.length);
      expect(decompress(type, bytes.subarray(61))).toEqual(section);
    }
  });

  it('estimateSizeInBytesUpperBound = 61 + 21 + fields, and covers a one-record batch', () => {
    const key = ascii('key');
    const value = new Uint8Array(100);
    expect(estimateSizeInBytesUpperBound(key, value, [])).toBe(61 + 21 + 4 + 102 + 1);
    const oneRecord = encodeRecords([{ offsetDelta: 0, timestamp: 0, key, value, headers: [] }], 0);
    expect(61 + oneRecord.length).toBeLessThanOrEqual(
      estimateSizeInBytesUpperBound(key, value, []),
    );
    expect(estimateSizeInBytesUpperBound(null, null, [])).toBe(61 + 21 + 1 + 1 + 1);
  });

  it('wraps sequences past Integer.MAX_VALUE (DefaultRecordBatchTest.testIncrementSequence)', () => {
    expect(incrementSequence(5, 10)).toBe(15);
    expect(incrementSequence(INT32_MAX, 1)).toBe(0);
    expect(incrementSequence(INT32_MAX - 5, 10)).toBe(4);
    expect(decrementSequence(15, 10)).toBe(5);
    expect(decrementSequence(0, 1)).toBe(INT32_MAX);
    expect(decrementSequence(4, 10)).toBe(INT32_MAX - 5);
  });

  it('crc32c of the fixture region equals the stored CRC (sanity of offsets)', () => {
    const view = new DataView(KAFKAJS_V3_BATCH.buffer);
    expect(crc32c(KAFKAJS_V3_BATCH, 21, 270 - 21)).toBe(view.getUint32(17));
  });
});
