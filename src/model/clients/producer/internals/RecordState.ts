/**
 * The journey of one record through the simulated producer: what the explorer and the runner report per record.
 * Simulation-only (Kafka keeps this spread over ProducerRecord, FutureRecordMetadata and the batch's thunks).
 * Plain data apart from the byte arrays and the pending callback (reports copy the fields they show).
 */
export type RecordStatus = 'pending' | 'acked' | 'failed';

export interface Header {
  readonly key: string;
  readonly value: Uint8Array | null;
}

/** The application's callback for one send (Kafka's Callback.onCompletion); runs once, then is dropped. */
export type SendCallback = (record: RecordState, nowMs: number) => void;

export type PartitionReason = '' | 'explicit' | 'custom-partitioner' | 'key-hash' | 'sticky';

export interface RecordState {
  /** Send order, from 0; shown as `rec-<id>`. */
  readonly id: number;
  readonly topic: string;
  /** The partition the application asked for, or null. */
  readonly requestedPartition: number | null;
  /** Display form of the key (the string given, or hex for bytes); null for a null key. */
  readonly key: string | null;
  /** Serialized key (StringSerializer: UTF-8); null for a null key. Shared, never mutated. */
  keyBytes: Uint8Array | null;
  /** Serialized value; null for a null value. May be a view into a shared corpus: never mutate. */
  valueBytes: Uint8Array | null;
  headers: Header[];
  /** CreateTime in simulated ms. */
  timestamp: number;
  /** Chosen partition, -1 until partitioned. */
  partition: number;
  /**
   * How the partition was chosen: given in the record, by a custom partitioner, by murmur2 of the key, or by the
   * built-in sticky partitioner (null key, or partitioner.ignore.keys). '' until partitioned. The full explanation
   * (`murmur2("user-1") = … % 6 = 4`, the sticky partitioner's switch reason) is built on demand from this.
   */
  partitionReason: PartitionReason;
  /** Simulated ms when send() was called. */
  readonly sendMs: number;
  /** Simulated ms when the callback ran; -1 while pending. */
  ackMs: number;
  status: RecordStatus;
  /** `ExceptionName: message` when failed. */
  error: string | null;
  /** Id of the batch that holds it (last one, after a split); -1 before append. */
  batchId: number;
  /** Offset in the partition log from the broker's response; -1 while unknown (and always for acks=0). */
  offset: number;
  /** The send's callback until it has run (null for fire-and-forget, and after completion). */
  callback: SendCallback | null;
}
