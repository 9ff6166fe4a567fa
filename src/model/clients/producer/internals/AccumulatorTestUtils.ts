/**
 * Test helpers for ProducerBatch/RecordAccumulator tests: records, a hand-built one-topic cluster (Kafka's
 * RecordAccumulatorTest layout: partitions 0 and 1 on node 0, partition 2 on node 1), byte helpers and a
 * deterministic random source. Test-only; not used by the simulation.
 */
import type { ClusterView, PartitionInfo } from '../../../cluster/ClusterView';
import { Random } from '../../../engine/Random';
import { BufferPool } from './BufferPool';
import { RecordAccumulator, type RecordAccumulatorConfig } from './RecordAccumulator';
import type { Header, RecordState } from './RecordState';

export function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0x7f;
  return out;
}

let nextRecordId = 0;

/** A pending record with serialized key/value bytes (null = null key/value). */
export function record(
  key: Uint8Array | null,
  value: Uint8Array | null,
  timestamp = 0,
  headers: Header[] = [],
): RecordState {
  return {
    id: nextRecordId++,
    topic: 'test',
    requestedPartition: null,
    key: key === null ? null : String.fromCharCode(...key),
    keyBytes: key,
    valueBytes: value,
    headers,
    timestamp,
    partition: -1,
    partitionReason: '',
    sendMs: timestamp,
    ackMs: -1,
    status: 'pending',
    error: null,
    batchId: -1,
    offset: -1,
    callback: null,
  };
}

/** A cluster for one topic: `leaders[p]` is the leader node of partition p (null = none). */
export class TestCluster implements ClusterView {
  readonly topic = 'test';
  readonly nodes: readonly number[];
  leaders: (number | null)[];
  leaderEpochs: number[];
  /** Drain order per node, when a test needs one other than ascending. */
  partitionOrder: Map<number, number[]> | null = null;

  constructor(leaders: (number | null)[], nodes: number[] = [0, 1]) {
    this.leaders = leaders;
    this.nodes = nodes;
    this.leaderEpochs = leaders.map(() => 0);
  }

  partitionCount(): number {
    return this.leaders.length;
  }

  leaderOf(partition: number): number | null {
    return this.leaders[partition] ?? null;
  }

  availablePartitions(): readonly number[] {
    return this.leaders.flatMap((l, p) => (l === null ? [] : [p]));
  }

  partitionsForNode(node: number): readonly number[] {
    const order = this.partitionOrder?.get(node);
    if (order !== undefined) return order;
    return this.leaders.flatMap((l, p) => (l === node ? [p] : []));
  }

  partitionInfo(partition: number): PartitionInfo {
    return {
      partition,
      leader: this.leaders[partition],
      leaderEpoch: this.leaderEpochs[partition],
      replicas: [],
      isr: [],
    };
  }
}

/** Kafka's RecordAccumulatorTest cluster: tp0, tp1 on node 0; tp2 on node 1. */
export function kafkaTestCluster(): TestCluster {
  return new TestCluster([0, 0, 1]);
}

/** Kafka's BuiltInPartitioner.mockRandom: nextInt() = 0, 1, 2, … */
export class SequentialRandom extends Random {
  private n = 0;
  constructor() {
    super(0);
  }
  override nextInt(): number {
    return this.n++;
  }
  get draws(): number {
    return this.n;
  }
}

/** Bytes that compress badly (random), from a seeded stream. */
export function randomBytes(n: number, random: Random): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = random.nextInt() & 0xff;
  return out;
}

/** Bytes that compress well: ints below 1000, as Kafka's bytesWithGoodCompression. */
export function compressibleBytes(n: number, random: Random): Uint8Array {
  const out = new Uint8Array(n);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= n; i += 4) view.setInt32(i, random.nextIntBelow(1000));
  return out;
}

/** Kafka's createTestRecordAccumulator: retry backoff 100..1000 ms, delivery timeout 3200 ms, no codec. */
export function makeAccumulator(
  batchSize: number,
  totalSize: number,
  lingerMs: number,
  extra: Partial<RecordAccumulatorConfig> = {},
): { acc: RecordAccumulator; pool: BufferPool } {
  const pool = new BufferPool(totalSize, batchSize);
  const acc = new RecordAccumulator(
    {
      topic: 'test',
      batchSize,
      compressionType: 'none',
      lingerMs,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      deliveryTimeoutMs: 3200,
      random: new Random(1),
      ...extra,
    },
    pool,
  );
  return { acc, pool };
}
