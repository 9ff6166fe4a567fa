/**
 * Each stage's title (the Kafka class it shows) and the short explanation its tooltip gives on hover and focus.
 * The words of a teacher at the whiteboard: what the class does with a record, and which configs steer it.
 */
import type { StageId } from './layout';

export interface StageInfo {
  readonly title: string;
  readonly explanation: string;
}

export const STAGE_INFO: Readonly<Record<StageId, StageInfo>> = {
  application: {
    title: 'KafkaProducer',
    explanation:
      'The application thread calls KafkaProducer.send() for each record at the workload’s rate. send() returns ' +
      'at once, unless buffer.memory is used up (it blocks up to max.block.ms) or, with send.mode=sync, the ' +
      'caller waits in get() for the acknowledgement.',
  },
  interceptors: {
    title: 'ProducerInterceptors',
    explanation:
      'The classes of interceptor.classes, in order: onSend() sees (and may change) each record before it is ' +
      'serialized; onAcknowledgement() sees each completion.',
  },
  serializer: {
    title: 'Serializer',
    explanation:
      'key.serializer and value.serializer turn the key and the value into bytes. Those bytes, plus a few ' +
      'bytes of record overhead, are what fills a batch towards batch.size.',
  },
  partitioner: {
    title: 'Partitioner',
    explanation:
      'Chooses the partition: a record with a key goes to murmur2(key) % partitions; a record without a key ' +
      'sticks to one partition until about batch.size bytes went there, then another is picked (KIP-794).',
  },
  accumulator: {
    title: 'RecordAccumulator',
    explanation:
      'One deque of ProducerBatches per partition; boxes are drawn to scale against batch.size. A batch becomes ' +
      'sendable when it is full or linger.ms after its first record (the shrinking bar). Batch buffers come ' +
      'from the BufferPool of buffer.memory bytes.',
  },
  sender: {
    title: 'Sender',
    explanation:
      'The producer’s I/O thread: ready() finds the brokers that lead a partition with a sendable batch, ' +
      'drain() takes one batch per partition into one ProduceRequest per broker, at most ' +
      'max.in.flight.requests.per.connection unanswered per broker. A failed batch waits retry.backoff.ms.',
  },
  network: {
    title: 'NetworkClient',
    explanation:
      'Produce requests travelling to each partition leader (dots are their records), and the responses ' +
      'coming back. With acks=0 a request counts as done once written.',
  },
  brokers: {
    title: 'ReplicaManager',
    explanation:
      'Each broker with the partitions it holds: L marks the leader, which appends and whose followers fetch. ' +
      'LEO is a replica’s log end offset, HW the high watermark (replicated to the whole ISR). acks=all waits ' +
      'for the ISR; acks=1 for the leader only.',
  },
  callbacks: {
    title: 'Callback',
    explanation:
      'onCompletion() runs for each record, in order, once its batch is acknowledged (a dot) or has failed ' +
      '(a cross): the end of the record’s journey.',
  },
};
