/**
 * Round robin over the available partitions, ignoring keys: `available[toPositive(counter++) % available.length]`
 * per topic, or over all partitions when none has a leader. Mirrors
 * org.apache.kafka.clients.producer.RoundRobinPartitioner as shipped in 4.x.
 *
 * Through 3.x the producer called partition() twice for every record that started a new batch (abortOnNewBatch),
 * so each new batch advanced the counter by two and, with an even partition count and lingering batches, only
 * every other partition received data (KAFKA-9965 / KAFKA-16283). KAFKA-17632 first patched the class with an
 * onNewBatch that remembered the aborted partition (backported to 3.9.x); 4.0 then removed onNewBatch and the
 * second call altogether (KAFKA-18295) and dropped that patch. So this class has no onNewBatch and is called once
 * per record. Leaves out configure() and the thread-safety of the counter map.
 */
import type { ClusterView } from '../../cluster/ClusterView';
import { toPositive } from '../../common/utils/Utils';
import type { Partitioner } from './Partitioner';

export class RoundRobinPartitioner implements Partitioner {
  private readonly topicCounterMap = new Map<string, number>();
  // The last call's inputs, kept in fields so explain() needs no per-record allocation.
  private lastNextValue = 0;
  private lastChoices = 0;
  private lastFromAvailable = true;

  partition(
    topic: string,
    _key: unknown,
    _keyBytes: Uint8Array | null,
    _value: unknown,
    _valueBytes: Uint8Array | null,
    cluster: ClusterView,
  ): number {
    const nextValue = this.nextValue(topic);
    this.lastNextValue = nextValue;
    const availablePartitions = cluster.availablePartitions();
    if (availablePartitions.length > 0) {
      this.lastChoices = availablePartitions.length;
      this.lastFromAvailable = true;
      return availablePartitions[toPositive(nextValue) % availablePartitions.length];
    }
    // No partition has a leader: give a non-available partition.
    const numPartitions = cluster.partitionCount();
    this.lastChoices = numPartitions;
    this.lastFromAvailable = false;
    return toPositive(nextValue) % numPartitions;
  }

  private nextValue(topic: string): number {
    const counter = this.topicCounterMap.get(topic) ?? 0;
    // AtomicInteger.getAndIncrement wraps at 2^31; toPositive takes care of the negative half.
    this.topicCounterMap.set(topic, (counter + 1) | 0);
    return counter;
  }

  close(): void {}

  explain(
    _topic: string,
    _key: unknown,
    _keyBytes: Uint8Array | null,
    _cluster: ClusterView,
    partition: number,
  ): string {
    const over = this.lastFromAvailable
      ? `${this.lastChoices} available partitions`
      : `all ${this.lastChoices} partitions (none has a leader)`;
    const index = toPositive(this.lastNextValue) % this.lastChoices;
    const via = this.lastFromAvailable ? ` → available[${index}]` : '';
    return `round robin: counter ${this.lastNextValue} → toPositive % ${this.lastChoices} = ${index}${via} = partition ${partition} (over ${over}; key ignored)`;
  }
}
