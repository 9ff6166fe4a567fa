/**
 * The two KIP-480 sticky partitioner classes, for comparison with the 4.x built-in one. Both were deprecated in
 * 3.3 (KIP-794) and removed in 4.0.
 * - UniformStickyPartitioner mirrors org.apache.kafka.clients.producer.UniformStickyPartitioner: every record,
 *   keyed or not, goes to the topic's sticky partition.
 * - DefaultPartitioner mirrors org.apache.kafka.clients.producer.internals.DefaultPartitioner (the 2.4–3.2 default):
 *   keyed records hash with murmur2 over all partitions, null keys use the sticky partition.
 * Both change partition only through onNewBatch, so they need the producer's 3.x abortOnNewBatch flow (see
 * Partitioner.ts). Leaves out configure() and the explicit-partition check (the producer does that first).
 */
import type { ClusterView } from '../../cluster/ClusterView';
import type { Random } from '../../engine/Random';
import { StickyPartitionCache } from './internals/StickyPartitionCache';
import { explainKeyPartition, partitionForKey } from './KeyPartitioning';
import type { Partitioner } from './Partitioner';

const STICKY_REASON =
  'changes only when a new batch is needed for it (KIP-480), to a different random available partition';

export class UniformStickyPartitioner implements Partitioner {
  readonly stickyPartitionCache: StickyPartitionCache;

  constructor(random: Random) {
    this.stickyPartitionCache = new StickyPartitionCache(random);
  }

  partition(
    topic: string,
    _key: unknown,
    _keyBytes: Uint8Array | null,
    _value: unknown,
    _valueBytes: Uint8Array | null,
    cluster: ClusterView,
  ): number {
    return this.stickyPartitionCache.partition(topic, cluster);
  }

  /** If a batch completed for the current sticky partition, change the sticky partition. */
  onNewBatch(topic: string, cluster: ClusterView, prevPartition: number): void {
    this.stickyPartitionCache.nextPartition(topic, cluster, prevPartition);
  }

  close(): void {}

  explain(
    _topic: string,
    key: unknown,
    _keyBytes: Uint8Array | null,
    _cluster: ClusterView,
    partition: number,
  ): string {
    const keyNote = key === null || key === undefined ? '' : 'key ignored; ';
    return `UniformStickyPartitioner: ${keyNote}sticky partition ${partition}, ${STICKY_REASON}`;
  }
}

export class DefaultPartitioner implements Partitioner {
  readonly stickyPartitionCache: StickyPartitionCache;

  constructor(random: Random) {
    this.stickyPartitionCache = new StickyPartitionCache(random);
  }

  partition(
    topic: string,
    _key: unknown,
    keyBytes: Uint8Array | null,
    _value: unknown,
    _valueBytes: Uint8Array | null,
    cluster: ClusterView,
  ): number {
    if (keyBytes === null) return this.stickyPartitionCache.partition(topic, cluster);
    return partitionForKey(keyBytes, cluster.partitionCount());
  }

  /**
   * Also called after keyed records start a batch; it only moves the sticky partition when `prevPartition` is the
   * sticky one (KIP-480 accepted this extra switching for keyed traffic).
   */
  onNewBatch(topic: string, cluster: ClusterView, prevPartition: number): void {
    this.stickyPartitionCache.nextPartition(topic, cluster, prevPartition);
  }

  close(): void {}

  explain(
    _topic: string,
    key: unknown,
    keyBytes: Uint8Array | null,
    cluster: ClusterView,
    partition: number,
  ): string {
    if (keyBytes !== null) {
      return explainKeyPartition(
        typeof key === 'string' ? key : null,
        keyBytes,
        cluster.partitionCount(),
      );
    }
    return `DefaultPartitioner: null key → sticky partition ${partition}, ${STICKY_REASON}`;
  }
}
