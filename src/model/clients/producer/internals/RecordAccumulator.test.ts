// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sizeInBytes } from '../../../common/record/DefaultRecord';
import {
  kafkaTestCluster,
  makeAccumulator,
  record,
  TestCluster,
  utf8,
} from './AccumulatorTestUtils';
import type { ProducerBatch } from './ProducerBatch';
import type { RecordAccumulator } from './RecordAccumulator';

const key = utf8('key');
const value = utf8('value');

/** Records of key "key" / value "value" that fit in `batchSize` record bytes (Kafka's expectedNumAppends). */
function expectedNumAppends(batchSize: number): number {
  let size = 0;
  for (let offsetDelta = 0; ; offsetDelta++) {
    const recordSize = sizeInBytes(offsetDelta, 0, key, value, []);
    if (size + recordSize > batchSize) return offsetDelta;
    size += recordSize;
  }
}

function appendKV(
  acc: RecordAccumulator,
  partition: number,
  nowMs: number,
  cluster = kafkaTestCluster(),
) {
  return acc.append(record(key, value, 0), partition, 1000, false, nowMs, cluster);
}

function partitionsOf(drained: Map<number, ProducerBatch[]>): number[] {
  return [...drained.values()].flat().map((b) => b.partition);
}

describe('RecordAccumulator append and ready', () => {
  it('fills a batch, then starts a second one and makes the leader ready (testFull)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 10);
    const appends = expectedNumAppends(1025);
    expect(appends).toBe(68);
    for (let i = 0; i < appends; i++) {
      const r = appendKV(acc, 0, 0);
      expect(r.newBatchCreated).toBe(i === 0);
      expect(acc.getDeque(0)?.length).toBe(1);
      expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    }
    const r = appendKV(acc, 0, 0);
    expect(r.newBatchCreated).toBe(true);
    expect(r.batchIsFull).toBe(true);
    expect(acc.getDeque(0)?.length).toBe(2);
    expect(acc.getDeque(0)?.[0].closeReason).toBe('full');
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    const batches = acc.drain(cluster, [0], 2147483647, 0).get(0)!;
    expect(batches.length).toBe(1);
    expect(batches[0].recordCount).toBe(appends);
    expect(batches[0].readyReason).toBe('full');
  });

  it('gives a record bigger than batch.size a batch of its own, ready at once (testAppendLarge)', () => {
    for (const type of ['none', 'gzip'] as const) {
      const cluster = kafkaTestCluster();
      const { acc } = makeAccumulator(512 + 61, 10 * 1024, 0, { compressionType: type });
      const big = new Uint8Array(2 * 512);
      const r = acc.append(record(key, big, 0), 0, 1000, false, 0, cluster);
      expect(r.newBatchCreated).toBe(true);
      expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
      const dq = acc.getDeque(0)!;
      expect(dq.length).toBe(1);
      expect(dq[0].recordCount).toBe(1);
      // Allocated as the record's upper bound: 61 + 21 + (1+3) key + (2+1024) value + 1 header count.
      expect(dq[0].writeLimit).toBe(61 + 21 + 4 + 1026 + 1);
    }
  });

  it('becomes ready when linger.ms has passed since creation (testLinger)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1024 + 61, 10 * 1024, 10);
    appendKV(acc, 0, 0);
    expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    expect(acc.ready(cluster, 9).readyNodes.size).toBe(0);
    expect([...acc.ready(cluster, 10).readyNodes]).toEqual([0]);
    const batches = acc.drain(cluster, [0], 2147483647, 10).get(0)!;
    expect(batches.length).toBe(1);
    expect(batches[0].recordCount).toBe(1);
    expect(batches[0].readyReason).toBe('linger-expired');
    expect(batches[0].closeReason).toBe('linger-expired');
    expect(batches[0].drainedMs).toBe(10);
  });

  it('reports when the next lingering batch becomes sendable (testNextReadyCheckDelay)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 10);
    const appends = expectedNumAppends(1025);
    for (let i = 0; i < appends; i++) appendKV(acc, 0, 0);
    let result = acc.ready(cluster, 0);
    expect(result.readyNodes.size).toBe(0);
    expect(result.nextReadyCheckDelayMs).toBe(10);
    for (let i = 0; i < appends; i++) appendKV(acc, 2, 5);
    result = acc.ready(cluster, 5);
    expect(result.readyNodes.size).toBe(0);
    expect(result.nextReadyCheckDelayMs).toBe(5);
    for (let i = 0; i < appends + 1; i++) appendKV(acc, 1, 5);
    result = acc.ready(cluster, 5);
    expect([...result.readyNodes]).toEqual([0]);
    expect(result.nextReadyCheckDelayMs).toBeLessThanOrEqual(10);
  });

  it('reports partitions without a leader and skips them', () => {
    const cluster = new TestCluster([0, null]);
    const { acc } = makeAccumulator(1024, 10 * 1024, 0);
    appendKV(acc, 1, 0, cluster);
    const result = acc.ready(cluster, 5);
    expect(result.readyNodes.size).toBe(0);
    expect([...result.unknownLeaderTopics]).toEqual(['test']);
  });

  it('makes everything sendable while flushing, closing or short of memory', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(4 * 1024 + 61, 64 * 1024, 2147483647);
    appendKV(acc, 0, 0);
    expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    acc.beginFlush();
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    expect(acc.getDeque(0)![0].readyReason).toBe('flush');
    const closing = makeAccumulator(4 * 1024 + 61, 64 * 1024, 2147483647).acc;
    appendKV(closing, 2, 0);
    closing.close(0);
    expect([...closing.ready(cluster, 0).readyNodes]).toEqual([1]);
    expect(() => appendKV(closing, 2, 0)).toThrow('Producer closed while send in progress');
  });
});

describe('RecordAccumulator drain', () => {
  it('round-robins over a node’s partitions, one batch each, within the size cap (testDrainBatches)', () => {
    const cluster = new TestCluster([0, 0, 1, 1]);
    // Drain order node 0: tp0, tp1; node 1: tp2, tp3.
    const batchSize = value.length + 61;
    const { acc } = makeAccumulator(batchSize, 2147483647, 10);
    for (const p of [0, 1, 2, 3]) appendKV(acc, p, 0, cluster);
    const drain = () => partitionsOf(acc.drain(cluster, [0, 1], batchSize, 0));
    // The first batch always goes even though it exceeds the cap; the next would not fit.
    expect(drain()).toEqual([0, 2]);
    appendKV(acc, 0, 0, cluster);
    appendKV(acc, 2, 0, cluster);
    // The drain index resumes at the partition where the last drain stopped.
    expect(drain()).toEqual([1, 3]);
    expect(drain()).toEqual([0, 2]);
    for (const p of [1, 2, 3]) appendKV(acc, p, 0, cluster);
    acc.mutePartition(3);
    expect(drain()).toEqual([1, 2]);
    for (const p of [0, 1, 2]) appendKV(acc, p, 0, cluster);
    acc.unmutePartition(3);
    expect(partitionsOf(acc.drain(cluster, [0, 1], 2147483647, 0))).toEqual([0, 1, 2, 3]);
  });

  it('stops at max.request.size, the first batch always going (testPartialDrain)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1024 + 61, 10 * 1024, 10);
    const appends = Math.floor(1024 / 15) + 1;
    for (const p of [0, 1]) for (let i = 0; i < appends; i++) appendKV(acc, p, 0);
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    const batches = acc.drain(cluster, [0], 1024, 0).get(0)!;
    expect(batches.length).toBe(1);
  });

  it('piggybacks lingering partitions on a ready node, at most one batch per partition', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 1000);
    for (let i = 0; i < 70; i++) appendKV(acc, 0, 0); // two batches: the first is full
    appendKV(acc, 1, 0); // lingering
    const ready = acc.ready(cluster, 1).readyNodes;
    expect([...ready]).toEqual([0]);
    const batches = acc.drain(cluster, ready, 2147483647, 1).get(0)!;
    expect(batches.map((b) => b.partition)).toEqual([0, 1]);
    expect(batches.map((b) => b.readyReason)).toEqual(['full', 'piggybacked']);
    expect(batches[1].closeReason).toBe('drained');
    expect(acc.getDeque(0)!.length).toBe(1);
  });

  it('drains nothing from a muted partition or a node without partitions', () => {
    // testMutedPartitions / testDrainWithANodeThatDoesntHostAnyPartitions
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 10);
    for (let i = 0; i < 10; i++) appendKV(acc, 0, 0);
    acc.mutePartition(0);
    expect(acc.ready(cluster, 2000).readyNodes.size).toBe(0);
    acc.unmutePartition(0);
    const ready = acc.ready(cluster, 2000).readyNodes;
    expect(ready.size).toBe(1);
    acc.mutePartition(0);
    expect(acc.drain(cluster, ready, 2147483647, 2000).get(0)).toEqual([]);
    acc.unmutePartition(0);
    expect(acc.drain(cluster, ready, 2147483647, 2000).get(0)?.length).toBe(1);
    expect(acc.drain(new TestCluster([0]), [1], 999999, 0).get(1)).toEqual([]);
    expect(acc.drain(cluster, [], 999999, 0).size).toBe(0);
  });
});

describe('RecordAccumulator retries and expiry', () => {
  it('holds a retried batch back for its backoff while others go (testRetryBackoff)', () => {
    const cluster = kafkaTestCluster();
    const lingerMs = Math.floor(2147483647 / 16);
    const retryBackoffMs = Math.floor(2147483647 / 8);
    const { acc } = makeAccumulator(1024 + 61, 10 * 1024, lingerMs, {
      retryBackoffMs,
      retryBackoffMaxMs: retryBackoffMs * 10,
      deliveryTimeoutMs: 2147483647,
    });
    appendKV(acc, 0, 0);
    let result = acc.ready(cluster, lingerMs + 1);
    expect([...result.readyNodes]).toEqual([0]);
    let batches = acc.drain(cluster, result.readyNodes, 2147483647, lingerMs + 1);
    expect(partitionsOf(batches)).toEqual([0]);
    acc.reenqueue(batches.get(0)![0], 0);
    appendKV(acc, 1, 0);
    result = acc.ready(cluster, lingerMs + 1);
    expect([...result.readyNodes]).toEqual([0]);
    batches = acc.drain(cluster, result.readyNodes, 2147483647, lingerMs + 1);
    expect(partitionsOf(batches)).toEqual([1]);
    const upperBound = Math.floor(retryBackoffMs * 1.2);
    result = acc.ready(cluster, upperBound + 1);
    expect([...result.readyNodes]).toEqual([0]);
    batches = acc.drain(cluster, result.readyNodes, 2147483647, upperBound + 1);
    expect(partitionsOf(batches)).toEqual([0]);
    expect(batches.get(0)![0].readyReason).toBe('retry-backoff-elapsed');
  });

  it('backs off exponentially with ±20% jitter up to retry.backoff.max.ms (testExponentialRetryBackoff)', () => {
    const cluster = kafkaTestCluster();
    const lingerMs = Math.floor(2147483647 / 16);
    const { acc } = makeAccumulator(1024 + 61, 10 * 1024, lingerMs, {
      deliveryTimeoutMs: 2147483647,
    });
    appendKV(acc, 0, 0);
    const drainAt = (nowMs: number) =>
      acc.drain(cluster, acc.ready(cluster, nowMs).readyNodes, 2147483647, nowMs);
    const batch = drainAt(lingerMs + 1).get(0)![0];
    let upper = 0;
    for (let i = 0; upper < 1000 * 0.8; i++) {
      acc.reenqueue(batch, 0);
      const lower = Math.floor(100 * 2 ** i * 0.8);
      upper = Math.min(Math.floor(100 * 2 ** i * 1.2), 1000);
      expect(drainAt(lower - 1).size).toBe(0);
      expect(partitionsOf(drainAt(upper + 1))).toEqual([0]);
    }
  });

  it('skips the backoff when the leader epoch moved since the last attempt', () => {
    // testReadyAndDrainWhenABatchIsBeingRetried
    const cluster = new TestCluster([0]);
    cluster.leaderEpochs[0] = 100;
    const { acc } = makeAccumulator(10, 10 * 1024, 10, { deliveryTimeoutMs: 2147483647 });
    let now = 0;
    appendKV(acc, 0, now, cluster);
    now += 11;
    let batch = acc.drain(cluster, acc.ready(cluster, now).readyNodes, 999999, now).get(0)![0];
    expect(batch.currentLeaderEpoch).toBe(100);
    expect(batch.attemptsWhenLeaderLastChanged).toBe(0);
    acc.reenqueue(batch, now);
    now += 1;
    expect(acc.ready(cluster, now).readyNodes.size).toBe(0);
    expect(acc.drain(cluster, [0], 999999, now).get(0)).toEqual([]);
    now += 1;
    cluster.leaderEpochs[0] = 101;
    expect([...acc.ready(cluster, now).readyNodes]).toEqual([0]);
    batch = acc.drain(cluster, [0], 999999, now).get(0)![0];
    expect(batch.currentLeaderEpoch).toBe(101);
    expect(batch.attemptsWhenLeaderLastChanged).toBe(1);
    expect(batch.readyReason).toBe('leader-changed');
    acc.reenqueue(batch, now);
    now += 2000;
    batch = acc.drain(cluster, acc.ready(cluster, now).readyNodes, 999999, now).get(0)![0];
    expect(batch.attemptsWhenLeaderLastChanged).toBe(1);
    acc.reenqueue(batch, now);
    now += 2000;
    cluster.leaderEpochs[0] = 102;
    batch = acc.drain(cluster, acc.ready(cluster, now).readyNodes, 999999, now).get(0)![0];
    expect(batch.attemptsWhenLeaderLastChanged).toBe(3);
  });

  it('expires head batches by creation time, muted or not (testExpiredBatches)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 30);
    const appends = expectedNumAppends(1025);
    for (let i = 0; i < appends + 1; i++) appendKV(acc, 0, 0);
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    acc.mutePartition(0);
    expect(acc.expiredBatches(3199).length).toBe(0);
    const expired = acc.expiredBatches(3201);
    expect(expired.length).toBe(2);
    expect(expired.every((b) => b.closeReason !== null && b.isFull())).toBe(true);
    acc.unmutePartition(0);
    expect(acc.expiredBatches(3201).length).toBe(0);
    expect(acc.ready(cluster, 3201).readyNodes.size).toBe(0);
    // A younger batch behind an old one: the scan stops at the first that has time left.
    appendKV(acc, 1, 4000);
    acc.resetNextBatchExpiryTime();
    expect(acc.expiredBatches(5000).length).toBe(0);
    expect(acc.nextExpiryTimeMs()).toBe(4000 + 3200);
  });

  it('expires a retried batch waiting in the deque but not one that was drained (testExpiredBatchesRetry)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 3000);
    for (const mute of [false, true]) {
      const start = mute ? 10_000 : 0;
      appendKV(acc, 0, start);
      const drained = acc.drain(
        cluster,
        acc.ready(cluster, start + 3000).readyNodes,
        2147483647,
        start + 3000,
      );
      acc.reenqueue(drained.get(0)![0], start + 4000);
      if (mute) acc.mutePartition(0);
      else acc.unmutePartition(0);
      acc.drain(cluster, [0], 2147483647, start + 6200);
      expect(acc.expiredBatches(start + 6200).length).toBe(mute ? 1 : 0);
    }
  });
});
