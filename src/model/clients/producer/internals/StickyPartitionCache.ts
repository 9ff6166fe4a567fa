/**
 * The KIP-480 sticky partition per topic (Kafka 2.4–3.2 default for null keys): it changes only when the producer
 * reports a new batch for the current sticky partition, and then to a random available partition that is
 * guaranteed to differ from the old one when at least two are available. Mirrors
 * org.apache.kafka.clients.producer.internals.StickyPartitionCache, with the RNG injected instead of
 * ThreadLocalRandom. Leaves out the concurrent-map races (the simulation has one producer thread).
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import { toPositive } from '../../../common/utils/Utils';
import type { Random } from '../../../engine/Random';

export class StickyPartitionCache {
  private readonly indexCache = new Map<string, number>();
  private readonly random: Random;
  /** How many times a sticky partition was chosen (first use included), for the explorer. */
  switchCount = 0;

  constructor(random: Random) {
    this.random = random;
  }

  /** The current sticky partition of the topic, choosing one on first use. */
  partition(topic: string, cluster: ClusterView): number {
    const part = this.indexCache.get(topic);
    if (part === undefined) return this.nextPartition(topic, cluster, -1);
    return part;
  }

  /**
   * Moves the topic to a new sticky partition if `prevPartition` (the partition that needed a new batch) is the
   * current one, or if none is set; otherwise a stale notification, and the current partition stays.
   */
  nextPartition(topic: string, cluster: ClusterView, prevPartition: number): number {
    const oldPart = this.indexCache.get(topic);
    if (oldPart !== undefined && oldPart !== prevPartition) return oldPart;
    const available = cluster.availablePartitions();
    let newPart: number;
    if (available.length < 1) {
      // No leader known anywhere: any partition, possibly the same one again.
      newPart = toPositive(this.random.nextInt()) % cluster.partitionCount();
    } else if (available.length === 1) {
      newPart = available[0];
    } else {
      do {
        newPart = available[toPositive(this.random.nextInt()) % available.length];
      } while (newPart === oldPart);
    }
    this.indexCache.set(topic, newPart);
    this.switchCount++;
    return newPart;
  }
}
