/**
 * Replica assignment for a new topic, as a KRaft controller does it: a port of Kafka's
 * `org.apache.kafka.metadata.placement.StripedReplicaPlacer` for brokers without racks, all unfenced.
 * With one (unnamed) rack the algorithm reduces to: brokers sorted by id, a random start offset; partition k takes
 * RF consecutive brokers starting one further than partition k−1 ("striped"), so any N consecutive partitions have N
 * different leaders; after every N partitions (N = broker count) the broker order is shuffled so the next stripe
 * differs. Leader = first replica. Left out: racks, fenced brokers, placement relative to existing partitions.
 * Draws use the simulation's Random, not java.util.Random, so the concrete assignment differs from a real cluster's.
 */
import type { Random } from '../engine/Random';

/** Kafka's BrokerList for one rack: round-robin with a per-epoch restart one position further on. */
class BrokerList {
  private index = 0;
  private offset = 0;
  private epoch = 0;

  constructor(readonly brokers: number[]) {}

  initialize(random: Random): void {
    this.brokers.sort((a, b) => a - b);
    if (this.brokers.length > 0) this.offset = random.nextIntBelow(this.brokers.length);
  }

  /** Collections.shuffle: for i from size down to 2, swap(i−1, nextInt(i)). */
  shuffle(random: Random): void {
    const b = this.brokers;
    for (let i = b.length; i > 1; i--) {
      const j = random.nextIntBelow(i);
      const t = b[i - 1];
      b[i - 1] = b[j];
      b[j] = t;
    }
  }

  /** Next broker of this iteration epoch, or -1 when every broker was returned in this epoch. */
  next(epoch: number): number {
    const size = this.brokers.length;
    if (size === 0) return -1;
    if (this.epoch !== epoch) {
      this.epoch = epoch;
      this.index = 0;
      this.offset = (this.offset + 1) % size;
    }
    if (this.index >= size) return -1;
    const broker = this.brokers[(this.index + this.offset) % size];
    this.index++;
    return broker;
  }
}

/**
 * Assigns `numPartitions` partitions with `replicationFactor` replicas each over `brokerIds`.
 * Returns one replica list per partition; the first entry is the preferred (initial) leader.
 * @throws Error with Kafka's InvalidReplicationFactorException wording for RF ≤ 0 or RF > broker count.
 */
export function placeReplicas(
  brokerIds: readonly number[],
  numPartitions: number,
  replicationFactor: number,
  random: Random,
): number[][] {
  if (replicationFactor <= 0) {
    throw new Error(
      `Invalid replication factor ${replicationFactor}: the replication factor must be positive.`,
    );
  }
  if (brokerIds.length === 0) throw new Error('All brokers are currently fenced.');
  if (replicationFactor > brokerIds.length) {
    throw new Error(
      `The target replication factor of ${replicationFactor} cannot be reached because only ` +
        `${brokerIds.length} broker(s) are registered.`,
    );
  }
  const list = new BrokerList([...brokerIds]);
  list.initialize(random);
  // Kafka also draws the rack offset (nextInt(1) with one rack); kept so the draw order matches the original.
  random.nextIntBelow(1);
  const n = brokerIds.length;
  let epoch = 0;
  const out: number[][] = [];
  for (let p = 0; p < numPartitions; p++) {
    if (epoch === n && n > 1) {
      list.shuffle(random);
      epoch = 0;
    }
    const replicas: number[] = [];
    for (let r = 0; r < replicationFactor; r++) replicas.push(list.next(epoch));
    epoch++;
    out.push(replicas);
  }
  return out;
}
