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
  // Issue 3: each case of the seed's delivery guarantees, reproduced in a few simulated seconds at seed 1.
  {
    id: 'lost-ack-duplicate',
    name: 'Lost ack makes a duplicate',
    description:
      'Idempotence off, acks=all, 5 in flight. At 300 ms broker 0 appends a request but its response is lost; ' +
      'after request.timeout.ms (1000) the producer gives up on the connection and re-sends every batch that was ' +
      'in flight, and the broker, which cannot recognise them, appends them again. Look at accounting.duplicated ' +
      '(and records with copies 2): each record is acknowledged once, written twice.',
    query:
      'acks=all&request.timeout.ms=1000&enable.idempotence=false&throughput=2000&duration.ms=3000&keys=10&net.latency.ms=5&fault=300%3Adrop-responses%3A0%3A1',
  },
  {
    id: 'retries-reorder',
    name: 'Retries reorder with 5 in flight',
    description:
      'Idempotence off, 5 in flight over a 20 ms link. At 300 ms one batch of partition 0 gets NOT_ENOUGH_REPLICAS ' +
      '(retriable, nothing written) while the batches sent after it succeed; it is retried after retry.backoff.ms ' +
      'and lands behind them. Look at accounting.reordered: pairs of same-key records whose log order differs ' +
      'from their send order (Kafka documents this).',
    query:
      'enable.idempotence=false&throughput=5000&duration.ms=3000&keys=100&net.latency.ms=20&fault=300%3Aerror%3A0%3ANOT_ENOUGH_REPLICAS%3A1',
  },
  {
    id: 'idempotence-repairs',
    name: 'Idempotence repairs both',
    description:
      'The same two faults with the idempotent producer (the default): the broker rejects the out-of-order batches ' +
      'behind the failed one (OUT_OF_ORDER_SEQUENCE_NUMBER, retried in sequence order) and answers the re-sent ' +
      'duplicates with their original offsets. Look at accounting: duplicated 0, reordered 0, lost 0.',
    query:
      'request.timeout.ms=1000&enable.idempotence=true&throughput=5000&duration.ms=3000&keys=100&net.latency.ms=20&fault=300%3Aerror%3A0%3ANOT_ENOUGH_REPLICAS%3A1&fault=600%3Adrop-responses%3A0%3A1',
  },
  {
    id: 'acks1-failover-loss',
    name: 'acks=1 loses data on failover',
    description:
      'acks=1: the leader acknowledges once its own log has the batch. At 200 ms the followers on brokers 1 and 2 ' +
      'stop fetching (still in the ISR, replica.lag.time.max.ms is 30 s), so the high watermark stops; at 1500 ms ' +
      "broker 0 crashes and a stale follower becomes leader. Broker 0's acknowledged records above the high " +
      'watermark are gone. Look at accounting.lost and examples.lost.',
    query:
      'acks=1&throughput=2000&duration.ms=3000&keys=10&fault=200%3Astall-follower%3A1&fault=200%3Astall-follower%3A2&fault=1500%3Acrash%3A0',
  },
  {
    id: 'min-isr-refuses',
    name: 'min.insync.replicas refuses writes',
    description:
      'RF 3, min.insync.replicas=2, acks=all, 2000 records/s. At 200 ms brokers 1 and 2 crash: the ISR of every partition is down ' +
      'to broker 0, so appends are refused with NOT_ENOUGH_REPLICAS and retried until delivery.timeout.ms (2000), ' +
      'then fail. Look at accounting: failed grows, lost stays 0 — nothing acknowledged is lost.',
    query:
      'acks=all&delivery.timeout.ms=2000&request.timeout.ms=1000&min.insync.replicas=2&throughput=2000&duration.ms=4000&fault=200%3Acrash%3A1&fault=200%3Acrash%3A2',
  },
  {
    id: 'buffer-full-blocks',
    name: 'Buffer full blocks send()',
    description:
      'buffer.memory of 64 KiB (4 batches), 50,000 records/s with 100 keys, and broker 0 slowed by 20 ms per ' +
      "append from the start: batches for broker 0's partitions wait, take the whole buffer, and send() blocks " +
      '(application.blockedSends, bufferpool-wait-time-ns-total), failing after max.block.ms (1000) with ' +
      'BufferExhaustedException.',
    query:
      'buffer.memory=65536&max.block.ms=1000&throughput=50000&duration.ms=3000&keys=100&fault=0%3Aslow%3A0%3A20',
  },
];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
