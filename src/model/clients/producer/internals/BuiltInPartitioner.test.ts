// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../../cluster/ClusterView';
import { fakeClusterView } from '../../../cluster/FakeClusterView';
import { Random } from '../../../engine/Random';
import { IllegalArgumentException } from '../Partitioner';
import { BuiltInPartitioner, type StickyPartitionInfo } from './BuiltInPartitioner';

/** One-topic cluster; `leaders[p]` null = no leader. */
function cluster(leaders: (number | null)[]): ClusterView {
  return fakeClusterView('topicA', leaders);
}

/** Kafka's mockRandom: 0, 1, 2, … */
class SequentialRandom extends Random {
  private n = 0;
  constructor() {
    super(0);
  }
  override nextInt(): number {
    return this.n++;
  }
}

/** Peek, append `bytes`, update: what RecordAccumulator does per record; returns the partition used. */
function produce(
  bip: BuiltInPartitioner,
  c: ClusterView,
  bytes: number,
  enableSwitch = true,
): number {
  const info = bip.peekCurrentPartitionInfo(c);
  bip.updatePartitionInfo(info, bytes, c, enableSwitch);
  return info.partition();
}

describe('BuiltInPartitioner sticky switching', () => {
  it('stays until stickyBatchSize bytes were produced, then switches; one partition still works', () => {
    const three = cluster([0, 1, 2]);
    const a = new BuiltInPartitioner('topicA', 3, new SequentialRandom());
    const partA = produce(a, three, 1);
    expect(produce(a, three, 1)).toBe(partA);
    expect(produce(a, three, 1)).toBe(partA);
    expect(a.peekCurrentPartitionInfo(three).partition()).not.toBe(partA);

    const b = new BuiltInPartitioner('topicB', 1, new Random(5));
    for (let i = 0; i < 10; i++) expect(produce(b, cluster([0]), 1)).toBe(0);
  });

  it('never picks a leaderless partition; one available → always it; none → all partitions', () => {
    const a = new BuiltInPartitioner('topicA', 1, new Random(6));
    const withHole = cluster([0, null, 2]);
    const first = produce(a, withHole, 1);
    expect(first).not.toBe(1);
    let foundAnother = false;
    for (let i = 0; i < 100; i++) {
      const p = produce(a, withHole, 1);
      expect(p).not.toBe(1);
      foundAnother ||= p !== first;
    }
    expect(foundAnother).toBe(true);

    const b = new BuiltInPartitioner('topicB', 1, new Random(7));
    for (let i = 0; i < 100; i++) expect(produce(b, cluster([null, 0]), 1)).toBe(1);

    const c = new BuiltInPartitioner('topicC', 1, new Random(8));
    expect(produce(c, cluster([null]), 1)).toBe(0);
    expect(c.peekCurrentPartitionInfo(cluster([null])).partition()).toBe(0);
  });

  it('rejects stickyBatchSize < 1 with IllegalArgumentException', () => {
    expect(() => new BuiltInPartitioner('t', 0, new Random(1))).toThrow(IllegalArgumentException);
    expect(() => new BuiltInPartitioner('t', 0, new Random(1))).toThrow(
      'stickyBatchSize must be >= 1 but got 0',
    );
    expect(() => new BuiltInPartitioner('t', 1, new Random(1))).not.toThrow();
  });

  it('switches at batch.size when the batch is full, explaining why', () => {
    const six = cluster([0, 1, 2, 0, 1, 2]);
    const bip = new BuiltInPartitioner('t', 16384, new SequentialRandom());
    expect(bip.lastSwitchReason).toBe('no partition chosen yet');
    const first = produce(bip, six, 8192);
    expect(bip.lastSwitchReason).toBe('first use');
    expect(bip.lastPickExplanation).toBe(
      'random 0 % 6 available partitions = 0 → partition 0 (uniform; may repeat)',
    );
    expect(produce(bip, six, 8192)).toBe(first);
    expect(bip.currentPartition).toBe(1);
    expect(bip.previousPartition).toBe(0);
    expect(bip.lastSwitchReason).toBe('produced 16384 ≥ batch.size and batch full');
    expect(bip.switchCount).toBe(2);
  });

  it('defers the switch while the last batch is not full, forcing it at 2×batch.size', () => {
    const six = cluster([0, 1, 2, 0, 1, 2]);
    const bip = new BuiltInPartitioner('t', 16384, new SequentialRandom());
    const first = produce(bip, six, 1000, false);
    let produced = 1000;
    while (produced + 1000 < 32768) {
      expect(produce(bip, six, 1000, false)).toBe(first);
      produced += 1000;
      expect(bip.switchPending).toBe(produced >= 16384);
    }
    expect(bip.producedBytes).toBe(32000);
    expect(produce(bip, six, 1000, false)).toBe(first); // 33000 ≥ 32768: this append forces the switch
    expect(bip.currentPartition).not.toBe(first);
    expect(bip.lastSwitchReason).toBe('produced 33000 ≥ 2×batch.size');
    expect(bip.switchPending).toBe(false);
  });

  it('completes a deferred switch with a 0-byte update once the batch is full', () => {
    const six = cluster([0, 1, 2, 0, 1, 2]);
    const bip = new BuiltInPartitioner('t', 16384, new SequentialRandom());
    const info = bip.peekCurrentPartitionInfo(six);
    bip.updatePartitionInfo(info, 20000, six, false);
    expect(bip.isPartitionChanged(info)).toBe(false);
    bip.updatePartitionInfo(info, 0, six, true);
    expect(bip.isPartitionChanged(info)).toBe(true);
    expect(bip.lastSwitchReason).toBe(
      'produced 20000 ≥ batch.size and batch full (the switch waited for the last batch to fill)',
    );
  });

  it('ignores a null info (keyed records) and refuses a stale one', () => {
    const two = cluster([0, 1]);
    const bip = new BuiltInPartitioner('t', 10, new Random(9));
    expect(() => bip.updatePartitionInfo(null, 100, two, true)).not.toThrow();
    expect(bip.isPartitionChanged(null)).toBe(false);
    const stale: StickyPartitionInfo = bip.peekCurrentPartitionInfo(two);
    bip.updatePartitionInfo(stale, 10, two, true);
    expect(() => bip.updatePartitionInfo(stale, 1, two, true)).toThrow(/stale partition info/);
  });
});

/**
 * A tiny accumulator following RecordAccumulator.append's protocol, with batches never drained (a long linger):
 * shows KAFKA-14156, the record that finds the batch full is the one that moves to the new partition.
 */
function appendLikeAccumulator(
  bip: BuiltInPartitioner,
  c: ClusterView,
  deques: { size: number; closed: boolean }[][],
  recordBytes: number,
  batchSize: number,
): number {
  const allBatchesFull = (dq: { size: number; closed: boolean }[]) =>
    dq.length === 0 || dq[dq.length - 1].closed || dq[dq.length - 1].size >= batchSize;
  const partitionChanged = (info: StickyPartitionInfo, dq: { size: number; closed: boolean }[]) => {
    if (bip.isPartitionChanged(info)) return true;
    if (allBatchesFull(dq)) {
      bip.updatePartitionInfo(info, 0, c, true);
      if (bip.isPartitionChanged(info)) return true;
    }
    return false;
  };
  for (;;) {
    const info = bip.peekCurrentPartitionInfo(c);
    const dq = deques[info.partition()];
    if (partitionChanged(info, dq)) continue;
    const last = dq[dq.length - 1];
    if (last && !last.closed && last.size + recordBytes <= batchSize) {
      last.size += recordBytes;
      bip.updatePartitionInfo(info, recordBytes, c, allBatchesFull(dq));
      return info.partition();
    }
    if (last) last.closed = true; // tryAppend failed: closeForRecordAppends
    // (buffer allocated outside the lock) then the lock again:
    if (partitionChanged(info, dq)) continue;
    dq.push({ size: 61 + recordBytes, closed: false });
    bip.updatePartitionInfo(info, 61 + recordBytes, c, allBatchesFull(dq));
    return info.partition();
  }
}

describe('BuiltInPartitioner with the accumulator protocol', () => {
  it('fills whole batches and moves the record that did not fit (no fractional batches)', () => {
    const three = cluster([0, 1, 2]);
    const bip = new BuiltInPartitioner('t', 1000, new SequentialRandom());
    const deques: { size: number; closed: boolean }[][] = [[], [], []];
    const partitions = Array.from({ length: 7 }, () =>
      appendLikeAccumulator(bip, three, deques, 300, 1000),
    );
    // 361, 661, 961 | 4th does not fit: 961 < 1000 produced, no switch; new batch → 1322 ≥ 1000 but not full.
    // 5th, 6th fill it to 961; the 7th closes it, the deferred switch fires, and the 7th goes to partition 1.
    expect(partitions).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(deques[0].map((b) => b.size)).toEqual([961, 961]);
    expect(bip.lastSwitchReason).toBe(
      'produced 1922 ≥ batch.size and batch full (the switch waited for the last batch to fill)',
    );
  });
});

describe('BuiltInPartitioner adaptive load stats (KIP-794)', () => {
  it('turns queue sizes [0,3,1] into the CFT [4,5,8] in place; draws 0–3→p0, 4→p1, 5–7→p2', () => {
    const bip = new BuiltInPartitioner('t', 1, new SequentialRandom());
    const queueSizes = [0, 3, 1];
    bip.updatePartitionLoadStats(queueSizes, [0, 1, 2], 3);
    expect(queueSizes).toEqual([4, 5, 8]);
    expect(bip.loadStatsRangeEnd()).toBe(8);
    expect(bip.partitionLoadStats()).toEqual({
      partitionIds: [0, 1, 2],
      weights: [4, 1, 3],
      cumulativeFrequencyTable: [4, 5, 8],
    });
    const c = cluster([0, 1, 2]);
    expect(Array.from({ length: 8 }, () => produce(bip, c, 1))).toEqual([0, 0, 0, 0, 1, 2, 2, 2]);
    // Each 1-byte append reached stickyBatchSize, so the 9th draw already chose the next partition.
    expect(bip.lastPickExplanation).toBe(
      'random 8 % 8 = 0 → first CFT entry above it → partition 0 (adaptive: weight 4 of 8)',
    );
  });

  it('picks partitions with frequencies reciprocal to queue sizes (BuiltInPartitionerTest)', () => {
    const bip = new BuiltInPartitioner('t', 1, new SequentialRandom());
    const queueSizes = [5, 0, 3, 0, 1];
    bip.updatePartitionLoadStats(queueSizes, [0, 1, 2, 3, 4], 5);
    const c = cluster([0, 1, 2, 0, 1]);
    const frequencies = [0, 0, 0, 0, 0];
    for (let i = 0; i < bip.loadStatsRangeEnd() * 2; i++) frequencies[produce(bip, c, 1)]++;
    expect(frequencies).toEqual([1, 6, 3, 6, 5].map((f) => f * 2));
  });

  it('queues [1,7,2] give frequencies 7:1:6, exactly per cycle and about so with a seeded random', () => {
    const exact = new BuiltInPartitioner('t', 1, new SequentialRandom());
    exact.updatePartitionLoadStats([1, 7, 2], [0, 1, 2], 3);
    const c = cluster([0, 1, 2]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 14 * 100; i++) counts[produce(exact, c, 1)]++;
    expect(counts).toEqual([700, 100, 600]);

    const seeded = new BuiltInPartitioner('t', 1, new Random(42));
    seeded.updatePartitionLoadStats([1, 7, 2], [0, 1, 2], 3);
    const drawn = [0, 0, 0];
    const n = 140_000;
    for (let i = 0; i < n; i++) drawn[produce(seeded, c, 1)]++;
    expect(drawn[0] / n).toBeCloseTo(7 / 14, 2);
    expect(drawn[1] / n).toBeCloseTo(1 / 14, 2);
    expect(drawn[2] / n).toBeCloseTo(6 / 14, 2);
  });

  it('goes uniform when all queues are equal, when stats are null, or with fewer than 2 partitions', () => {
    const bip = new BuiltInPartitioner('t', 1, new Random(1));
    bip.updatePartitionLoadStats([2, 2, 2], [0, 1, 2], 3);
    expect(bip.partitionLoadStats()).toBeNull();
    expect(() => bip.loadStatsRangeEnd()).toThrow();
    bip.updatePartitionLoadStats([0, 3, 1], [0, 1, 2], 3);
    expect(bip.partitionLoadStats()).not.toBeNull();
    bip.updatePartitionLoadStats(null, null, 0);
    expect(bip.partitionLoadStats()).toBeNull();
    bip.updatePartitionLoadStats([4], [0], 1);
    expect(bip.partitionLoadStats()).toBeNull();
    const c = cluster([0, 1, 2]);
    const seen = new Set(Array.from({ length: 300 }, () => produce(bip, c, 1)));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('never picks partitions left out of the stats (no leader, or excluded by availability timeout)', () => {
    const bip = new BuiltInPartitioner('t', 1, new Random(11));
    // Three deques; partition 1 has no leader, so the accumulator lists only 0 and 2 (length 2 of 3). Equal
    // sizes still go adaptive because a partition was left out.
    bip.updatePartitionLoadStats([3, 3, 0], [0, 2, 0], 2);
    expect(bip.partitionLoadStats()).toEqual({
      partitionIds: [0, 2],
      weights: [1, 1],
      cumulativeFrequencyTable: [1, 2],
    });
    const c = cluster([0, 1, 2]);
    for (let i = 0; i < 200; i++) expect(produce(bip, c, 1)).not.toBe(1);
  });
});
