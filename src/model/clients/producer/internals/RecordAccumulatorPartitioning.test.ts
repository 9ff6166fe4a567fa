// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sizeInBytes } from '../../../common/record/DefaultRecord';
import { Random } from '../../../engine/Random';
import {
  kafkaTestCluster,
  makeAccumulator,
  record,
  SequentialRandom,
  utf8,
} from './AccumulatorTestUtils';
import { BuiltInPartitioner } from './BuiltInPartitioner';
import { UNKNOWN_PARTITION } from './RecordAccumulator';

const value = utf8('value');

describe('RecordAccumulator with the built-in partitioner', () => {
  it('switches after batch.size bytes once the batch is full (testUniformBuiltInPartitioner)', () => {
    const cluster = kafkaTestCluster();
    const random = new SequentialRandom();
    const { acc } = makeAccumulator(1024, 1024 * 1024, 0, {
      builtInPartitioner: new BuiltInPartitioner('test', 1024, random),
    });
    const send = (v: Uint8Array) => {
      const r = record(null, v, 0);
      acc.append(r, UNKNOWN_PARTITION, 1000, false, 0, cluster);
      return r.partition;
    };
    expect(send(value)).toBe(0);
    expect(random.draws).toBe(1);
    const large = new Uint8Array(1024);
    // Past the sticky limit, but the switch waits: the partition's last batch is not full.
    expect(send(large)).toBe(0);
    expect(random.draws).toBe(1);
    // This one does not fit, closes the batch, completes the switch and lands on the new partition.
    expect(send(large)).toBe(1);
    expect(random.draws).toBe(2);
    expect(send(large)).toBe(2);
    expect(send(large)).toBe(0);
    expect(random.draws).toBe(4);
  });

  it('weights partitions by inverse queue length, avoiding slow nodes (testAdaptiveBuiltInPartitioner)', () => {
    const cluster = kafkaTestCluster();
    const random = new SequentialRandom();
    const batchSize = 128;
    const { acc } = makeAccumulator(batchSize, 1024 * 1024, 0, {
      enableAdaptivePartitioning: true,
      partitionAvailabilityTimeoutMs: 100,
      retryBackoffMs: 0,
      retryBackoffMaxMs: 0,
      builtInPartitioner: new BuiltInPartitioner('test', batchSize, random),
    });
    const large = new Uint8Array(batchSize);
    const queueSizes = [1, 7, 2];
    queueSizes.forEach((n, p) => {
      for (let i = 0; i < n; i++) acc.append(record(null, large, 0), p, 1000, false, 1000, cluster);
      expect(acc.getDeque(p)?.length).toBe(n);
    });
    acc.ready(cluster, 1000);
    const send = () => {
      const r = record(null, large, 1000);
      acc.append(r, UNKNOWN_PARTITION, 1000, false, 1000, cluster);
      return r.partition;
    };
    send(); // prime: from now on every record switches
    const iterations = acc.builtInPartitioner.loadStatsRangeEnd() * 2;
    expect(iterations).toBe(28);
    const frequencies = [0, 0, 0];
    for (let i = 0; i < iterations; i++) frequencies[send()]++;
    // weights = (max + 1) − queue = 7, 1, 6; two cycles.
    expect(frequencies).toEqual([14, 2, 12]);

    // Node 0 had ready data but no drain for 200 ms > partitioner.availability.timeout.ms.
    acc.updateNodeLatencyStats(0, 800, true);
    acc.updateNodeLatencyStats(0, 1000, false);
    expect(acc.getNodeLatencyStats(0)).toEqual({ readyTimeMs: 1000, drainTimeMs: 800 });
    acc.ready(cluster, 1000);
    send();
    for (let i = 0; i < 10; i++) expect(send()).toBe(2);
  });

  it('leaves node latency stats alone when the availability timeout is off', () => {
    const { acc } = makeAccumulator(128, 1024, 0);
    acc.updateNodeLatencyStats(0, 5, true);
    expect(acc.getNodeLatencyStats(0)).toBeUndefined();
  });

  it('does not leave fractional batches with a long linger (testBuiltInPartitionerFractionalBatches)', () => {
    const cluster = kafkaTestCluster();
    const batchSize = 512;
    const { acc } = makeAccumulator(batchSize, 1024 * 1024, 10, { random: new Random(11) });
    const v = new Uint8Array(32);
    let now = 0;
    for (let c = 0; c < 10; c++) {
      for (let n = Math.floor((batchSize * 2) / 3 / 32); n > 0; n--) {
        acc.append(record(null, v, now), UNKNOWN_PARTITION, 1000, false, now, cluster);
      }
      now += 10;
      const nodes = acc.ready(cluster, now).readyNodes;
      expect(nodes.size).toBe(1);
      const batches = [...acc.drain(cluster, nodes, 2147483647, now).values()][0];
      expect(batches.length).toBe(1);
      const size = batches[0].compressedSizeInBytes;
      expect(size).toBeGreaterThan(batchSize / 2);
      expect(size).toBeLessThan(batchSize);
    }
  });

  it('asks a custom partitioner to pick again instead of opening a new batch (testStickyBatches)', () => {
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025 + 61, 10 * 1025, 10);
    let expected = 0;
    for (let size = 0; size + sizeInBytes(expected, 0, null, value, []) <= 1025; expected++) {
      size += sizeInBytes(expected, 0, null, value, []);
    }
    // First record of partition 0 may open a batch (the producer's second call after onNewBatch).
    acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    let appends = 1;
    for (;;) {
      const r = acc.append(record(null, value, 0), 0, 1000, true, 0, cluster);
      expect(acc.getDeque(0)?.length).toBe(1);
      if (r.abortForNewBatch) {
        expect(r.batch).toBeNull();
        break;
      }
      appends++;
    }
    expect(appends).toBe(expected);
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    // onNewBatch moved the partitioner to partition 1: only now may a batch be created there.
    const r = acc.append(record(null, value, 0), 1, 1000, true, 0, cluster);
    expect(r.abortForNewBatch).toBe(true);
    expect(acc.append(record(null, value, 0), 1, 1000, false, 0, cluster).newBatchCreated).toBe(
      true,
    );
  });
});
