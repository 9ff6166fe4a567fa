// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compress } from '../../../common/compress/Compression';
import { encodeRecords } from '../../../common/record/DefaultRecordBatch';
import { Random } from '../../../engine/Random';
import { compressibleBytes, record, utf8 } from './AccumulatorTestUtils';
import { IllegalStateException } from './BufferPool';
import { createProducerBatchContext, ProducerBatch } from './ProducerBatch';

const key = utf8('key');
const value = utf8('value');
const now = 1488748346917;

function batch(
  writeLimit = 512,
  type: 'none' | 'gzip' | 'lz4' | 'snappy' = 'none',
  createdMs = now,
) {
  const ctx = createProducerBatchContext(type, null, null);
  return { ctx, batch: new ProducerBatch(ctx, 1, writeLimit, createdMs) };
}

describe('ProducerBatch sizes (reference §3, to the byte)', () => {
  it('a record of key "key", value "value" is 15 bytes up to offset delta 63 and 16 from 64', () => {
    // bodyLen = 1 attributes + 1 offsetDelta + 1 timestampDelta + (1+3) key + (1+5) value + 1 header count = 14
    const { batch: b } = batch(1 << 20);
    for (let i = 0; i < 64; i++) b.tryAppend(record(key, value, now), now);
    expect(b.sizeInBytes).toBe(61 + 64 * 15);
    for (let i = 0; i < 36; i++) b.tryAppend(record(key, value, now), now);
    expect(b.recordCount).toBe(100);
    expect(b.sizeInBytes).toBe(61 + 64 * 15 + 36 * 16);
    expect(b.sizeInBytes).toBe(1597);
    b.close();
    expect(b.compressedSizeInBytes).toBe(1597);
    expect(b.estimatedSizeInBytes()).toBe(1597);
  });

  it('counts timestamp deltas of 64 ms and more as 2-byte varlongs, null keys as 1 byte', () => {
    const { batch: b } = batch(1 << 20);
    b.tryAppend(record(null, value, now), now); // 1 + 1 + 1 + 1 + 6 + 1 = 11 body → 12
    b.tryAppend(record(null, value, now + 63), now); // same size
    b.tryAppend(record(null, value, now + 64), now); // timestamp delta takes 2 bytes → 13
    expect(b.sizeInBytes).toBe(61 + 12 + 12 + 13);
    expect(b.maxTimestamp).toBe(now + 64);
  });

  it('matches the bytes DefaultRecord writes, headers included', () => {
    const { batch: b } = batch(1 << 20);
    const headers = [{ key: 'header-key', value: utf8('header-value') }];
    const records = [0, 5, 70, 9000].map((d) => record(key, value, now + d, headers));
    for (const r of records) b.tryAppend(r, now);
    const encoded = encodeRecords(
      records.map((r, i) => ({
        offsetDelta: i,
        timestamp: r.timestamp,
        key: r.keyBytes,
        value: r.valueBytes,
        headers: r.headers,
      })),
      now,
    );
    expect(b.sizeInBytes).toBe(61 + encoded.length);
  });

  it('always takes the first record, then only records that fit under the write limit', () => {
    // RecordAccumulatorTest.testAppendLarge: a record bigger than the buffer still gets a batch of its own.
    const { batch: big } = batch(100);
    expect(big.tryAppend(record(key, new Uint8Array(1024), now), now)).not.toBeNull();
    expect(big.isFull()).toBe(true);
    expect(big.tryAppend(record(key, value, now), now)).toBeNull();

    const { batch: b } = batch(61 + 3 * 15);
    // The growth of the estimate: the empty batch already counts its 61-byte header.
    expect(b.estimatedSizeInBytes()).toBe(61);
    expect(b.tryAppend(record(key, value, now), now)).toBe(15);
    expect(b.tryAppend(record(key, value, now), now)).toBe(15);
    expect(b.tryAppend(record(key, value, now), now)).toBe(15);
    expect(b.isFull()).toBe(true);
    expect(b.tryAppend(record(key, value, now), now)).toBeNull();
    expect(b.recordCount).toBe(3);
  });

  it('takes no record once closed for appends', () => {
    // ProducerBatchTest.testShouldNotAttemptAppendOnceRecordsBuilderIsClosedForAppends
    const { batch: b } = batch();
    expect(b.tryAppend(record(null, new Uint8Array(10), now), now)).not.toBeNull();
    expect(b.isFull()).toBe(false);
    b.closeForRecordAppends('full', now);
    expect(b.isFull()).toBe(true);
    expect(b.closeReason).toBe('full');
    expect(b.tryAppend(record(null, new Uint8Array(10), now + 1), now + 1)).toBeNull();
  });

  it('estimates a compressed batch as 61 + trunc(uncompressed × ratio × 1.05) in float arithmetic', () => {
    const { ctx, batch: b } = batch(1 << 20, 'gzip');
    const v = new Uint8Array(986);
    b.tryAppend(record(null, v, now), now);
    const uncompressed = b.sizeInBytes - 61;
    expect(b.estimatedSizeInBytes()).toBe(
      61 + Math.trunc(Math.fround(uncompressed * Math.fround(1.05))),
    );
    ctx.estimator.setEstimation('gzip', 0.5);
    const c = new ProducerBatch(ctx, 1, 1 << 20, now);
    c.tryAppend(record(null, v, now), now);
    const expected = Math.trunc(Math.fround(Math.fround(uncompressed * 0.5) * Math.fround(1.05)));
    expect(c.estimatedSizeInBytes()).toBe(61 + expected);
  });

  it('compresses the records section with the real codec on close and updates the ratio estimate', () => {
    const { ctx, batch: b } = batch(16384, 'gzip');
    const r = new Random(3);
    const records = [];
    while (true) {
      const rec = record(null, compressibleBytes(100, r), now);
      if (b.tryAppend(rec, now) === null) break;
      records.push(rec);
    }
    b.close();
    const section = encodeRecords(
      records.map((x, i) => ({
        offsetDelta: i,
        timestamp: x.timestamp,
        key: null,
        value: x.valueBytes,
        headers: [],
      })),
      now,
    );
    const compressed = compress('gzip', null, section).length;
    expect(b.compressionMeasured).toBe(true);
    expect(b.compressedSizeInBytes).toBe(61 + compressed);
    const observed = Math.fround(compressed / section.length);
    expect(b.compressionRatio()).toBe(observed);
    expect(observed).toBeLessThan(0.9);
    // Better than expected: the estimate falls by at most 0.005.
    expect(ctx.estimator.estimation('gzip')).toBe(Math.fround(1 - Math.fround(0.005)));
  });

  it('uses the sampled ratio instead of the codec when the sampler says so', () => {
    const ctx = createProducerBatchContext('lz4', null, { warmupBatches: 2, samplePeriod: 1000 });
    const r = new Random(4);
    const batches = [];
    for (let i = 0; i < 4; i++) {
      const b = new ProducerBatch(ctx, 0, 4096, now);
      while (b.tryAppend(record(null, compressibleBytes(64, r), now), now) !== null);
      b.close();
      batches.push(b);
    }
    expect(batches.map((b) => b.compressionMeasured)).toEqual([true, true, false, false]);
    const sampler = ctx.sampler!;
    expect(sampler.measuredBatches).toBe(2);
    const ratio = sampler.sampledRatio();
    const u = batches[2].sizeInBytes - 61;
    expect(batches[2].compressedSizeInBytes).toBe(61 + Math.round(u * ratio));
  });
});

describe('ProducerBatch completion', () => {
  it('acks records with base offset + index and refuses a second completion', () => {
    // ProducerBatchTest.testBatchCannotCompleteTwice
    const { batch: b } = batch();
    const records = [record(null, value, now), record(null, value, now)];
    for (const r of records) b.tryAppend(r, now);
    const done = b.complete(500, -1, now + 7);
    expect(done).toBe(b.records);
    expect(records.map((r) => [r.status, r.offset, r.ackMs, r.batchId])).toEqual([
      ['acked', 500, now + 7, b.id],
      ['acked', 501, now + 7, b.id],
    ]);
    expect(() => b.complete(1000, -1, now + 8)).toThrow(IllegalStateException);
    expect(() => b.complete(1000, -1, now + 8)).toThrow(
      'A SUCCEEDED batch must not attempt another state change to SUCCEEDED',
    );
  });

  it('gives -1 offsets for acks=0 (base offset -1)', () => {
    const { batch: b } = batch();
    const r = record(null, value, now);
    b.tryAppend(r, now);
    b.complete(-1, -1, now);
    expect(r.offset).toBe(-1);
    expect(r.status).toBe('acked');
  });

  it('ignores completion after an abort and refuses a second abort', () => {
    // ProducerBatchTest.testBatchAbort / testBatchCannotAbortTwice
    const { batch: b } = batch();
    const r = record(null, new Uint8Array(10), now);
    b.tryAppend(r, now);
    b.abort('KafkaException: boom', now);
    expect(r.status).toBe('failed');
    expect(r.error).toBe('KafkaException: boom');
    expect(b.complete(500, -1, now)).toBeNull();
    expect(b.done(-1, -1, 'KafkaException: again', now)).toBeNull();
    expect(r.error).toBe('KafkaException: boom');
    expect(() => b.abort('KafkaException: x', now)).toThrow(
      'Batch has already been completed in final state ABORTED',
    );
  });

  it('fails records with their own error where one is given', () => {
    // ProducerBatchTest.testCompleteExceptionallyWithRecordErrors
    const { batch: b } = batch();
    const records = Array.from({ length: 5 }, () => record(null, value, now));
    for (const r of records) b.tryAppend(r, now);
    const errors = new Map([
      [0, 'InvalidRecordException: bad 0'],
      [3, 'InvalidRecordException: bad 3'],
    ]);
    b.done(-1, -1, 'KafkaException: top', now, errors);
    expect(records.map((r) => r.error)).toEqual([
      'InvalidRecordException: bad 0',
      'KafkaException: top',
      'KafkaException: top',
      'InvalidRecordException: bad 3',
      'KafkaException: top',
    ]);
  });

  it('expires by createdMs, also after a re-enqueue, and not before creation', () => {
    // ProducerBatchTest.testBatchExpiration / testBatchExpirationAfterReenqueue
    const { batch: b } = batch();
    expect(b.hasReachedDeliveryTimeout(10240, now - 2)).toBe(false);
    expect(b.hasReachedDeliveryTimeout(10240, now + 10239)).toBe(false);
    expect(b.hasReachedDeliveryTimeout(10240, now + 10240)).toBe(true);
    b.reenqueued(now);
    expect(b.hasReachedDeliveryTimeout(10240, now - 2)).toBe(false);
  });

  it('tracks leader epochs across retries (KIP-951)', () => {
    // ProducerBatchTest.testWithLeaderChangesAcrossRetries
    const { batch: b } = batch();
    expect(b.currentLeaderEpoch).toBe(-1);
    b.maybeUpdateLeaderEpoch(-1);
    expect(b.hasLeaderChangedForTheOngoingRetry()).toBe(false);
    b.maybeUpdateLeaderEpoch(100);
    expect(b.hasLeaderChangedForTheOngoingRetry()).toBe(false);
    expect(b.currentLeaderEpoch).toBe(100);
    b.reenqueued(0);
    b.maybeUpdateLeaderEpoch(101);
    expect(b.hasLeaderChangedForTheOngoingRetry()).toBe(true);
    expect(b.attemptsWhenLeaderLastChanged).toBe(1);
    b.maybeUpdateLeaderEpoch(101);
    expect(b.hasLeaderChangedForTheOngoingRetry()).toBe(true);
    b.reenqueued(0);
    b.maybeUpdateLeaderEpoch(101);
    expect(b.hasLeaderChangedForTheOngoingRetry()).toBe(false);
    b.maybeUpdateLeaderEpoch(100);
    b.maybeUpdateLeaderEpoch(-1);
    expect(b.currentLeaderEpoch).toBe(101);
    expect(b.attemptsWhenLeaderLastChanged).toBe(1);
  });

  it('retries wait from max(last append, re-enqueue time)', () => {
    const { batch: b } = batch(512, 'none', 0);
    b.tryAppend(record(null, value, 0), 50);
    b.reenqueued(40);
    expect(b.attempts).toBe(1);
    expect(b.lastAttemptMs).toBe(50);
    expect(b.waitedTimeMs(70)).toBe(20);
    expect(b.inRetry()).toBe(true);
  });
});

describe('ProducerBatch producer state and split', () => {
  it('refuses producer state once closed and wraps the last sequence', () => {
    const { batch: b } = batch();
    b.tryAppend(record(null, value, now), now);
    b.tryAppend(record(null, value, now), now);
    b.setProducerState({ producerId: 7, epoch: 1 }, 2147483647, false);
    expect(b.hasSequence()).toBe(true);
    expect(b.lastSequence()).toBe(0);
    b.close();
    expect(() => b.setProducerState({ producerId: 7, epoch: 1 }, 0, false)).toThrow(
      'Trying to set producer state of an already closed batch. This indicates a bug on the client.',
    );
    b.resetProducerState({ producerId: 7, epoch: 2 }, 0);
    expect(b.isClosed()).toBe(false);
    expect(b.sequenceHasBeenReset()).toBe(true);
    expect(b.producerEpoch()).toBe(2);
    b.close();
    expect(b.sequenceHasBeenReset()).toBe(false);
  });

  it('splits into batches of at most the split size, keeping createdMs, headers and sequences', () => {
    // ProducerBatchTest.testSplitPreservesHeaders, with idempotent sequences as in finalizeSplitBatches.
    for (const type of ['none', 'gzip', 'snappy', 'lz4'] as const) {
      const { batch: b } = batch(1024, type);
      const headers = [{ key: 'header-key', value: utf8('header-value') }];
      while (b.tryAppend(record(utf8('hi'), utf8('there'), now, headers), now) !== null);
      const count = b.recordCount;
      b.setProducerState({ producerId: 3, epoch: 0 }, 10, false);
      b.close();
      const parts = b.split(200);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.reduce((n, p) => n + p.recordCount, 0)).toBe(count);
      let sequence = 10;
      for (const p of parts) {
        expect(p.isSplitBatch).toBe(true);
        expect(p.createdMs).toBe(now);
        expect(p.writeLimit).toBe(200);
        expect(p.estimatedSizeInBytes()).toBeLessThanOrEqual(200);
        expect(p.baseSequence()).toBe(sequence);
        sequence += p.recordCount;
        for (const r of p.records) {
          expect(r.batchId).toBe(p.id);
          expect(r.headers).toEqual(headers);
        }
      }
      expect(b.splitBatchIds).toEqual(parts.map((p) => p.id));
    }
  });

  it('gives a record bigger than the split size a batch of its own', () => {
    const { batch: b } = batch(4096);
    b.tryAppend(record(null, new Uint8Array(10), now), now);
    b.tryAppend(record(null, new Uint8Array(500), now), now);
    b.tryAppend(record(null, new Uint8Array(10), now), now);
    const parts = b.split(100);
    expect(parts.map((p) => p.recordCount)).toEqual([1, 1, 1]);
    expect(parts[1].writeLimit).toBe(61 + 21 + 1 + 2 + 500 + 1);
  });

  it('describes itself for the wire', () => {
    const { batch: b } = batch(1 << 20, 'none', 0);
    const records = [record(key, value, 5), record(key, value, 9)];
    for (const r of records) b.tryAppend(r, 9);
    b.setProducerState({ producerId: 42, epoch: 3 }, 0, false);
    b.close();
    expect(b.toWire()).toEqual({
      batchId: b.id,
      partition: 1,
      recordIds: records.map((r) => r.id),
      recordCount: 2,
      sizeInBytes: 61 + 15 + 15,
      producerId: 42,
      producerEpoch: 3,
      baseSequence: 0,
      maxTimestamp: 9,
    });
  });

  it('numbers batches in creation order per context', () => {
    const ctx = createProducerBatchContext('none');
    const ids = [0, 1, 2].map(() => new ProducerBatch(ctx, 0, 100, 0).id);
    expect(ids).toEqual([0, 1, 2]);
  });
});
