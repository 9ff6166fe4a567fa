// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../../../engine/Random';
import {
  kafkaTestCluster,
  makeAccumulator,
  randomBytes,
  record,
  utf8,
} from './AccumulatorTestUtils';
import { KafkaException } from './BufferPool';
import { ProducerBatch } from './ProducerBatch';
import type { PendingAppend } from './RecordAccumulator';
import type { RecordState } from './RecordState';

const key = utf8('key');
const value = utf8('value');
const MAX = 2147483647;

describe('RecordAccumulator flush and abort', () => {
  it('flushes: every batch sendable, completion once all incomplete batches are done (testFlush)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(4 * 1024 + 61, 64 * 1024, MAX);
    for (let i = 0; i < 100; i++) {
      acc.append(record(key, value, 0), i % 3, 1000, false, 0, cluster);
      expect(acc.hasIncomplete()).toBe(true);
    }
    expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    acc.beginFlush();
    expect(acc.flushInProgress()).toBe(true);
    const ready = acc.ready(cluster, 0).readyNodes;
    const batches = [...acc.drain(cluster, ready, MAX, 0).values()].flat();
    expect(batches.length).toBe(3);
    const flushed: number[] = [];
    acc.awaitFlushCompletion(0, (t) => flushed.push(t));
    batches[0].complete(0, -1, 5);
    batches[1].complete(0, -1, 6);
    expect(flushed).toEqual([]);
    batches[2].complete(0, -1, 7);
    expect(flushed).toEqual([7]);
    expect(acc.flushInProgress()).toBe(false);
    for (const b of batches) acc.deallocate(b, 7);
    expect(acc.hasUndrained()).toBe(false);
    expect(acc.hasIncomplete()).toBe(false);
    // Nothing incomplete: the flush completes at once.
    acc.beginFlush();
    acc.awaitFlushCompletion(8, (t) => flushed.push(t));
    expect(flushed).toEqual([7, 8]);
    expect(acc.flushInProgress()).toBe(false);
  });

  it('fails every incomplete batch, drained or not, on a forced close (testAbortIncompleteBatches)', () => {
    const cluster = kafkaTestCluster();
    const { acc, pool } = makeAccumulator(128 + 61, 64 * 1024, MAX);
    const records: RecordState[] = [];
    for (let i = 0; i < 100; i++) {
      const r = record(key, value, 0);
      records.push(r);
      acc.append(r, i % 3, 1000, false, 0, cluster);
    }
    const drained = [
      ...acc.drain(cluster, acc.ready(cluster, 0).readyNodes, MAX, 0).values(),
    ].flat();
    const drainedRecords = drained.reduce((n, b) => n + b.recordCount, 0);
    expect(drainedRecords).toBeGreaterThan(0);
    expect(drainedRecords).toBeLessThan(100);
    expect(drained.every((b) => b.isClosed() && !b.isDone())).toBe(true);
    const aborted = acc.abortIncompleteBatches(1);
    expect(aborted.reduce((n, b) => n + b.recordCount, 0)).toBe(100);
    expect(records.every((r) => r.status === 'failed')).toBe(true);
    expect(records[0].error).toBe('KafkaException: Producer is closed forcefully.');
    expect(acc.hasUndrained()).toBe(false);
    expect(acc.hasIncomplete()).toBe(false);
    expect(pool.availableMemory()).toBe(64 * 1024);
  });

  it('aborts only the batches not yet drained (testAbortUnsentBatches)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(128 + 61, 64 * 1024, MAX);
    const records: RecordState[] = [];
    for (let i = 0; i < 100; i++) {
      const r = record(key, value, 0);
      records.push(r);
      acc.append(r, i % 3, 1000, false, 0, cluster);
    }
    const drained = [
      ...acc.drain(cluster, acc.ready(cluster, 0).readyNodes, MAX, 0).values(),
    ].flat();
    acc.abortUndrainedBatches('KafkaException: cause', 1);
    const drainedRecords = drained.reduce((n, b) => n + b.recordCount, 0);
    const failed = records.filter((r) => r.status === 'failed').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed + drainedRecords).toBe(100);
    expect(drained.every((b) => !b.isDone())).toBe(true);
    expect(acc.hasUndrained()).toBe(false);
    expect(acc.hasIncomplete()).toBe(true);
  });
});

describe('RecordAccumulator split', () => {
  it('splits a rejected batch and sends the parts in order (testSplitAndReenqueue)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1024, 10 * 1024, 10, { compressionType: 'gzip' });
    const big = new ProducerBatch(acc.batchContext, 0, 4096, 0, true);
    const records = [record(null, new Uint8Array(1024), 0), record(null, new Uint8Array(1024), 0)];
    for (const r of records) expect(big.tryAppend(r, 0)).not.toBeNull();
    big.close();
    acc.reenqueue(big, 0);
    // The re-enqueue counts as an attempt: backoff up to 100 × 1.2.
    let now = 121;
    const ready = acc.ready(cluster, now).readyNodes;
    let drained = acc.drain(cluster, ready, MAX, now);
    expect(drained.get(0)?.length).toBe(1);
    expect(acc.splitAndReenqueue(drained.get(0)![0])).toBe(2);
    expect(records.map((r) => r.batchId)).toEqual(big.splitBatchIds);
    now += 101;
    drained = acc.drain(cluster, ready, MAX, now);
    expect(drained.get(0)?.length).toBe(1);
    drained.get(0)![0].complete(0, 100, now);
    expect(records.map((r) => r.status)).toEqual(['acked', 'pending']);
    expect(records[0].offset).toBe(0);
    drained = acc.drain(cluster, ready, MAX, now);
    drained.get(0)![0].complete(1, 100, now);
    expect(records[1].offset).toBe(1);
  });

  it('allocates split batches off the pool (testSplitBatchOffAccumulator)', () => {
    const cluster = kafkaTestCluster();
    const { acc, pool } = makeAccumulator(1024, 3 * 1024, 0, { compressionType: 'gzip' });
    acc.batchContext.estimator.setEstimation('gzip', 0.1);
    const random = new Random(9);
    for (let i = 0; i < 20; i++) {
      acc.append(record(null, randomBytes(100, random), 0), 0, 0, false, 0, cluster);
    }
    const drained = [
      ...acc.drain(cluster, acc.ready(cluster, 0).readyNodes, MAX, 0).values(),
    ].flat();
    expect(drained.length).toBe(1);
    expect(drained[0].recordCount).toBe(20);
    expect(drained[0].compressedSizeInBytes).toBeGreaterThan(1024);
    const n = acc.splitAndReenqueue(drained[0]);
    acc.deallocate(drained[0], 0);
    expect(n).toBeGreaterThan(1);
    // Poorly compressing data: the estimate was reset to max(1, observed ratio).
    expect(acc.batchContext.estimator.estimation('gzip')).toBeGreaterThanOrEqual(1);
    const ready = acc.ready(cluster, 0).readyNodes;
    for (let i = 0; i < n; i++) expect(acc.drain(cluster, ready, MAX, 0).get(0)?.length).toBe(1);
    expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    expect(pool.availableMemory()).toBe(3 * 1024);
  });

  it('lets a flush wait for the parts of a split batch', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1024, 3 * 1024, 0, { compressionType: 'gzip' });
    acc.batchContext.estimator.setEstimation('gzip', 0.1);
    const random = new Random(5);
    for (let i = 0; i < 20; i++) {
      acc.append(record(null, randomBytes(100, random), 0), 0, 0, false, 0, cluster);
    }
    const [batch] = acc.drain(cluster, [0], MAX, 0).get(0)!;
    let flushedAt = -1;
    acc.beginFlush();
    acc.awaitFlushCompletion(0, (t) => {
      flushedAt = t;
    });
    const parts = acc.splitAndReenqueue(batch);
    acc.deallocate(batch, 0);
    expect(parts).toBeGreaterThan(1);
    for (let i = 0; i < parts; i++) {
      expect(flushedAt).toBe(-1);
      acc
        .drain(cluster, [0], MAX, 0)
        .get(0)![0]
        .complete(0, -1, 10 + i);
    }
    expect(flushedAt).toBe(10 + parts - 1);
  });
});

describe('RecordAccumulator blocked on buffer memory', () => {
  function blockedSetup() {
    const cluster = kafkaTestCluster();
    const { acc, pool } = makeAccumulator(100, 200, MAX);
    const unblocked: Array<[PendingAppend, number]> = [];
    acc.setAppendUnblockedListener((p, t) => unblocked.push([p, t]));
    acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    acc.append(record(null, value, 0), 1, 1000, false, 0, cluster);
    return { cluster, acc, pool, unblocked };
  }

  it('parks the append, makes everything sendable, and resumes when a batch frees memory', () => {
    const { cluster, acc, pool, unblocked } = blockedSetup();
    const r = record(null, value, 0);
    const result = acc.append(r, 2, 1000, false, 3, cluster);
    expect(result.blocked).not.toBeNull();
    expect(result.batch).toBeNull();
    expect(r.batchId).toBe(-1);
    expect(r.partition).toBe(2);
    expect(pool.queued()).toBe(1);
    const ready = acc.ready(cluster, 4);
    expect([...ready.readyNodes]).toEqual([0]);
    expect(acc.getDeque(0)![0].readyReason).toBe('buffer-exhausted');
    const [batch] = acc.drain(cluster, [0], MAX, 4).get(0)!;
    batch.complete(0, -1, 9);
    acc.deallocate(batch, 9);
    expect(unblocked.length).toBe(1);
    const [pending, t] = unblocked[0];
    expect(t).toBe(9);
    expect(pending).toBe(result.blocked);
    const resumed = acc.resumeAppend(pending, 10, cluster);
    expect(resumed.newBatchCreated).toBe(true);
    expect(r.batchId).toBe(resumed.batch?.id);
    expect(acc.getDeque(2)![0].createdMs).toBe(10);
    expect(pool.availableMemory()).toBe(0);
    expect(pool.waitTimeNsTotal()).toBe(6e6);
  });

  it('gives the buffer back when another append made the batch meanwhile', () => {
    const { cluster, acc, pool, unblocked } = blockedSetup();
    const first = acc.append(record(null, value, 0), 2, 1000, false, 1, cluster).blocked!;
    const second = acc.append(record(null, value, 0), 2, 1000, false, 2, cluster).blocked!;
    for (const b of acc.drain(cluster, [0], MAX, 3).get(0)!) {
      b.complete(0, -1, 4);
      acc.deallocate(b, 4);
    }
    expect(unblocked.map(([p]) => p)).toEqual([first, second]);
    expect(acc.resumeAppend(first, 5, cluster).newBatchCreated).toBe(true);
    const again = acc.resumeAppend(second, 5, cluster);
    expect(again.newBatchCreated).toBe(false);
    expect(acc.getDeque(2)!.length).toBe(1);
    expect(acc.getDeque(2)![0].recordCount).toBe(2);
    expect(pool.availableMemory()).toBe(100);
  });

  it('fails with BufferExhaustedException after max.block.ms', () => {
    const { cluster, acc, pool } = blockedSetup();
    const pending = acc.append(record(null, value, 0), 2, 1000, false, 3, cluster).blocked!;
    expect(pending.waiter.deadlineMs).toBe(1003);
    const error = acc.abortPendingAppend(pending, 1003);
    expect(error?.name).toBe('BufferExhaustedException');
    expect(error?.message).toBe(
      'Failed to allocate 100 bytes within the configured max blocking time 1000 ms. Total memory: 200 bytes. ' +
        'Available memory: 0 bytes. Poolable size: 100 bytes',
    );
    expect(pool.queued()).toBe(0);
    expect(acc.ready(cluster, 1003).readyNodes.size).toBe(0);
    expect(() => acc.append(record(null, value, 0), 2, 0, false, 4, cluster)).toThrow(
      'Failed to allocate 100 bytes within the configured max blocking time 0 ms.',
    );
  });

  it('ends waiting appends when the accumulator closes', () => {
    const { cluster, acc, unblocked } = blockedSetup();
    acc.append(record(null, value, 0), 2, 1000, false, 3, cluster);
    acc.close(5);
    expect(unblocked.length).toBe(1);
    expect(unblocked[0][0].waiter.state).toBe('closed');
    expect(() => acc.resumeAppend(unblocked[0][0], 5, cluster)).toThrow(KafkaException);
    expect(() => acc.resumeAppend(unblocked[0][0], 5, cluster)).toThrow(
      'Producer closed while allocating memory',
    );
  });

  it('rejects a record bigger than buffer.memory', () => {
    const { cluster, acc } = blockedSetup();
    expect(() =>
      acc.append(record(null, new Uint8Array(500), 0), 2, 1000, false, 3, cluster),
    ).toThrow(
      'Attempt to allocate 586 bytes, but there is a hard limit of 200 on memory allocations.',
    );
  });
});
