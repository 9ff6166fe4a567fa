/**
 * The front of the pipeline for the explorer's snapshot: interceptors, serializers, the partitioner in use and the
 * last record through send(), with the model's own explanation of its partition (murmur2 arithmetic, the sticky
 * partitioner's pick and switch, the custom partitioner's reason). Simulation-only: Kafka explains nothing.
 */
import type { RecordState } from '../clients/producer/internals/RecordState';
import type { KafkaProducer } from '../clients/producer/KafkaProducer';
import { explainKeyPartition } from '../clients/producer/KeyPartitioning';
import type { LastRecordView, PipelineView } from './RunSnapshot';

/** `org.apache.kafka.common.serialization.StringSerializer` → `StringSerializer`. */
export function shortClassName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The partitioner the producer uses: the partitioner.class's short name, else Kafka's BuiltInPartitioner. */
export function partitionerName(producer: KafkaProducer): string {
  const cls = producer.config.partitionerClass;
  return producer.partitioner === null || cls === null ? 'BuiltInPartitioner' : shortClassName(cls);
}

export function pipelineView(producer: KafkaProducer, last: RecordState | null): PipelineView {
  const builtIn = producer.partitioner === null ? producer.accumulator.builtInPartitioner : null;
  return {
    interceptors: producer.interceptors.interceptors.map((i) => i.name),
    keySerializer: shortClassName(producer.config.keySerializer),
    valueSerializer: shortClassName(producer.config.valueSerializer),
    partitioner: partitionerName(producer),
    stickyPartition: builtIn === null ? -1 : builtIn.currentPartition,
    stickySwitchReason: builtIn === null ? '' : builtIn.lastSwitchReason,
    lastRecord: last === null ? null : lastRecordView(producer, last),
  };
}

function lastRecordView(producer: KafkaProducer, r: RecordState): LastRecordView {
  return {
    id: r.id,
    key: r.key,
    // Kafka's RecordMetadata reports -1 for a null key or value.
    keySizeInBytes: r.keyBytes === null ? -1 : r.keyBytes.length,
    valueSizeInBytes: r.valueBytes === null ? -1 : r.valueBytes.length,
    headerCount: r.headers.length,
    partition: r.partition,
    partitionReason: r.partitionReason,
    partitionExplanation: explainPartition(producer, r),
  };
}

/**
 * Why `r` went to its partition. For the sticky and custom partitioners this reads the partitioner's state, which
 * describes its latest choice: meant for the latest record through send().
 */
export function explainPartition(producer: KafkaProducer, r: RecordState): string {
  const p = r.partition;
  switch (r.partitionReason) {
    case '':
      return r.status === 'failed' && r.error !== null
        ? `not partitioned: ${r.error}`
        : 'not partitioned yet (send() is waiting for metadata)';
    case 'explicit':
      return `partition ${p} given in the ProducerRecord`;
    case 'key-hash':
      return explainKeyPartition(r.key, r.keyBytes, producer.metadata.partitionCount());
    case 'custom-partitioner': {
      const partitioner = producer.partitioner;
      const name = partitionerName(producer);
      const why = partitioner?.explain?.(r.topic, r.key, r.keyBytes, producer.metadata, p);
      return why === undefined ? `${name}.partition() returned ${p}` : `${name}: ${why}`;
    }
    case 'sticky':
      return explainSticky(producer, r);
  }
}

function explainSticky(producer: KafkaProducer, r: RecordState): string {
  const bip = producer.accumulator.builtInPartitioner;
  const why =
    r.keyBytes === null ? 'null key' : 'partitioner.ignore.keys=true, so the key is not hashed';
  const current = bip.currentPartition;
  const p = r.partition;
  if (p === current) {
    return (
      `${why} → the sticky partition ${p} (BuiltInPartitioner). Picked by ${bip.lastPickExplanation}; ` +
      `last switch: ${bip.lastSwitchReason}`
    );
  }
  return (
    `${why} → the sticky partition ${p} (BuiltInPartitioner), then in use; it has since switched to ` +
    `${current} (${bip.lastSwitchReason}), picked by ${bip.lastPickExplanation}`
  );
}
