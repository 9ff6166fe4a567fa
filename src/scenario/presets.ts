/**
 * Named starting points for the explorer and the CLI (`--preset`), each a canonical scenario query (what
 * encodeScenario writes for it, so presets round-trip). Settings follow the seed's §12 "best practices" tables.
 */

export interface Preset {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Canonical scenario query (no leading '?'). */
  readonly query: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    name: 'Kafka 4.x defaults',
    description:
      'Every setting at its default: acks=all with idempotence, linger.ms=5, batch.size=16384, 3 brokers, ' +
      '6 partitions, 1000 records/s of 100 bytes with null keys.',
    query: '',
  },
  {
    id: 'high-throughput',
    name: 'High throughput',
    description:
      'Bigger batches that wait longer and are compressed, and only the leader acknowledges (seed §12): ' +
      'batch.size=65536, linger.ms=20, compression.type=lz4, acks=1, buffer.memory=64 MiB. ' +
      'acks=1 turns the default idempotence off.',
    query: 'batch.size=65536&linger.ms=20&buffer.memory=67108864&compression.type=lz4&acks=1',
  },
  {
    id: 'high-durability',
    name: 'High durability',
    description:
      'Every in-sync replica acknowledges, idempotence set explicitly, retries until delivery.timeout.ms, ' +
      'and at least 2 in-sync replicas required (seed §12).',
    query:
      'acks=all&retries=2147483647&enable.idempotence=true&max.in.flight.requests.per.connection=5&min.insync.replicas=2',
  },
  {
    id: 'low-latency',
    name: 'Low latency',
    description:
      'Send as soon as possible (linger.ms=0, the 3.x default) with default-sized batches, and only the leader ' +
      'acknowledges (seed §12).',
    query: 'batch.size=16384&linger.ms=0&acks=1',
  },
  {
    id: 'keyed-hot-key',
    name: 'Keyed, one hot key',
    description:
      '1000 keys where 80% of the sends carry user-0: murmur2 puts them all on one partition, which gets ' +
      'most of the load while the others idle.',
    query: 'keys=1000&key.distribution=hot',
  },
  {
    id: 'round-robin-even',
    name: 'RoundRobinPartitioner, 6 partitions',
    description:
      'RoundRobinPartitioner with an even partition count: in 3.x (KAFKA-16283) the double partition() call on ' +
      'a new batch sent records to only half the partitions.',
    query: 'partitioner.class=RoundRobinPartitioner&keys=100',
  },
  {
    id: 'rule-based',
    name: 'Custom partitioner by key prefix',
    description:
      'RuleBasedPartitioner, configured without code: keys starting with US- go to partition 0, EU- to 1, ' +
      'everything else to 2.',
    query:
      'partitioner.class=RuleBasedPartitioner&partitioner.rules=US-%3A0%2CEU-%3A1%2C*%3A2&key.list=US-1%2CUS-2%2CEU-1%2CAPAC-1',
  },
];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
