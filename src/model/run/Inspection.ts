/**
 * What the explorer's inspectors show about one record, batch or produce request: plain JSON-safe data with the
 * model's own explanations (texts computed and tested once, here in the model, never in the view). Built by
 * run/Inspector from what run/JourneyRecorder saw, and carried by RunSnapshot.selection. Simulation-only: Kafka
 * keeps none of this. Times are simulated ms (fractions are µs costs); sizes are bytes; -1 means "not (yet) known".
 */
import type {
  BatchCloseReason,
  BatchReadyReason,
} from '../clients/producer/internals/ProducerBatch';
import type { PartitionReason, RecordStatus } from '../clients/producer/internals/RecordState';
import type { BatchOutcome } from '../clients/producer/internals/SenderEvents';

export type { BatchCloseReason, BatchOutcome, BatchReadyReason, PartitionReason, RecordStatus };

/** What the page asks to inspect: `rec-<id>`, `batch-<id>` or `req-<id>`. */
export interface InspectTarget {
  readonly kind: 'record' | 'batch' | 'request';
  readonly id: number;
}

/**
 * One stage of a record's (or batch's) journey, in pipeline order. The main path is JOURNEY_PATH; 'blocked',
 * 'retry', 'split', 'truncated' and 'failed' happen only when something goes that way.
 */
export type JourneyStage =
  /** The application called KafkaProducer.send(). */
  | 'send'
  /** A batch was created (in batch timelines only): by append() for its first record, or by a split. */
  | 'created'
  /** ProducerInterceptors.onSend ran (only with interceptor.classes). */
  | 'onSend'
  /** The key and value serializers turned them into bytes. */
  | 'serialize'
  /** The partition was chosen (explicit, custom partitioner, murmur2 of the key, or sticky). */
  | 'partition'
  /** send() waited for buffer.memory (BufferPool exhausted) before it could append. */
  | 'blocked'
  /** RecordAccumulator.append put the record into a batch (a new one, or the deque's last). */
  | 'append'
  /** The batch stopped taking records (why: full, linger.ms expired, flush, …). */
  | 'closed'
  /** The Sender's ready() found the batch sendable (why: full, linger expired, retry backoff elapsed, …). */
  | 'ready'
  /** drain() put the batch into a produce request for its leader. */
  | 'drained'
  /** The request's last byte left the producer. */
  | 'written'
  /** The partition leader appended the batch to its log (broker, offsets). */
  | 'leader-append'
  /** The high watermark passed the batch's last offset: every in-sync replica has it (acks=all waits for this). */
  | 'replicated'
  /** The producer heard back: the response arrived (or, with acks=0, the request was written). */
  | 'acknowledged'
  /** The send's callback ran (RecordMetadata, or the exception). */
  | 'callback'
  /** A retriable error sent the batch back to the accumulator. */
  | 'retry'
  /** MESSAGE_TOO_LARGE: the batch was split into smaller ones. */
  | 'split'
  /** A leader change cut the log: an appended batch was lost from it. */
  | 'truncated'
  /** The send failed (error, delivery.timeout.ms, abort); the callback gets the exception. */
  | 'failed';

/**
 * The main path of a record, in order: what the view shows, with the stages not yet in `journey` as pending.
 * 'onSend' applies only when interceptors are configured (RecordDetail.path says which stages apply).
 */
export const JOURNEY_PATH: readonly JourneyStage[] = [
  'send',
  'onSend',
  'serialize',
  'partition',
  'append',
  'closed',
  'ready',
  'drained',
  'written',
  'leader-append',
  'replicated',
  'acknowledged',
  'callback',
];

export interface JourneyStep {
  /** Simulated ms when it happened. */
  readonly atMs: number;
  readonly stage: JourneyStage;
  /** The model's explanation, e.g. `murmur2("user-3") = … → % 6 = 4` or `linger.ms (5 ms) expired`. */
  readonly text: string;
  /** The send attempt it belongs to (0 = first send, n = n-th retry), null for steps before the first drain. */
  readonly attempt: number | null;
}

/** A header of the ProducerRecord. */
export interface HeaderDetail {
  readonly key: string;
  /** The value decoded as UTF-8 (malformed bytes as U+FFFD), null for a null value. */
  readonly valueText: string | null;
  /** Lowercase hex pairs separated by spaces (first 256 bytes), null for a null value. */
  readonly valueHex: string | null;
  /** -1 for a null value. */
  readonly valueSizeInBytes: number;
}

export interface RecordDetail {
  /** `rec-<id>`. */
  readonly id: number;
  readonly topic: string;
  /** Display form of the key as the application gave it (hex for byte keys); null for a null key. */
  readonly key: string | null;
  /** The serialized key decoded as UTF-8; null for a null key (or before serialization). */
  readonly keyText: string | null;
  /** Serialized key as hex pairs (first 256 bytes); null for a null key. */
  readonly keyHex: string | null;
  /** -1 for a null key (Kafka's RecordMetadata.serializedKeySize). */
  readonly keySizeInBytes: number;
  /** The serialized value decoded as UTF-8, cut at 1 KiB (at a character boundary); null for a null value. */
  readonly valueText: string | null;
  /** Why valueText is not the whole value, e.g. `first 1,024 of 4,000 bytes`, or that it is not valid UTF-8. */
  readonly valueTextNote: string | null;
  /** Serialized value as hex pairs, first 256 bytes; null for a null value. */
  readonly valueHex: string | null;
  /** `first 256 of 4,000 bytes` when valueHex is cut, else null. */
  readonly valueHexNote: string | null;
  /** -1 for a null value. */
  readonly valueSizeInBytes: number;
  readonly headers: readonly HeaderDetail[];
  /** CreateTime, simulated ms. */
  readonly timestamp: number;
  /** The partition given in the ProducerRecord, or null. */
  readonly requestedPartition: number | null;
  /** The chosen partition, -1 before partitioning. */
  readonly partition: number;
  readonly partitionReason: PartitionReason;
  /**
   * The model's explanation: for key-hash exactly KeyPartitioning.explainKeyPartition
   * (`murmur2("user-123") = … → toPositive = … → % 6 = 4`); for sticky, the BuiltInPartitioner's pick and last
   * switch as recorded when the record's batch took its first sticky record; explicit / custom as the snapshot's.
   */
  readonly partitionExplanation: string;
  /** The batch that holds it now (after a split: the new one), -1 before append. */
  readonly batchId: number;
  /** The batch it was first appended to, when a split moved it (else equal to batchId). */
  readonly firstBatchId: number;
  /** Base offset of its batch in the partition log, -1 while unknown (and for acks=0 unless a leader append was seen). */
  readonly baseOffset: number;
  /** Its offset from the broker's response; -1 while unknown and always for acks=0 (Kafka's RecordMetadata). */
  readonly offset: number;
  /** Its index in the batch, -1 before append. */
  readonly indexInBatch: number;
  /** Batch baseSequence + index in the batch; -1 without idempotence or before the first drain gave a sequence. */
  readonly sequence: number;
  /** The idempotent producer id, -1 without idempotence. */
  readonly producerId: number;
  /** Produce requests that carried it, in order (`req-<id>`; ids are per producer). */
  readonly requestIds: readonly number[];
  /** Send attempts that carried it (0 before the first drain). */
  readonly attempts: number;
  readonly status: RecordStatus;
  /** `ExceptionName: message` when failed. */
  readonly error: string | null;
  readonly sendMs: number;
  /** When the callback ran, -1 while pending. */
  readonly callbackMs: number;
  /** Everything that happened to it so far, in time order (ties in pipeline order). */
  readonly journey: readonly JourneyStep[];
  /** The stages of JOURNEY_PATH this record goes through (without 'onSend' when there are no interceptors). */
  readonly path: readonly JourneyStage[];
}

/** Where a batch is now. */
export type BatchStatus =
  /** Still taking records (the deque's last batch). */
  | 'open'
  /** Closed for appends, waiting in the accumulator to be drained. */
  | 'queued'
  /** In a produce request that has not been answered. */
  | 'in-flight'
  /** Back in the accumulator after a retriable error, waiting for its backoff. */
  | 'retrying'
  /** Replaced by smaller batches after MESSAGE_TOO_LARGE (never completes itself). */
  | 'split'
  | 'succeeded'
  | 'failed'
  | 'aborted';

/** One send of a batch. */
export interface BatchAttemptDetail {
  /** 0 = first send, n = n-th retry. */
  readonly attempt: number;
  readonly requestId: number;
  /** Leader broker the request went to. */
  readonly node: number;
  /** When ready() found it sendable for this attempt, and why. */
  readonly readyMs: number;
  readonly readyReason: BatchReadyReason | null;
  /** When drain() built the request. */
  readonly builtMs: number;
  /** When the request's last byte left the producer, -1 until then (or never). */
  readonly writtenMs: number;
  /** Leader append seen by the broker for this attempt: -1 / -1 / -1 if none. */
  readonly leaderAppendMs: number;
  readonly leaderBroker: number;
  readonly leaderBaseOffset: number;
  /** When the high watermark passed its last offset, -1 if not (yet). */
  readonly replicatedMs: number;
  /** When a leader change cut its append from the log, -1 if never. */
  readonly truncatedMs: number;
  /** When the answer was handled, -1 while outstanding. */
  readonly responseMs: number;
  /** The partition's error in the response (Kafka's Errors name) or the client's (REQUEST_TIMED_OUT, …). */
  readonly error: string | null;
  readonly outcome: BatchOutcome;
}

export interface BatchDetail {
  /** `batch-<id>` (ids are per producer; after a restart the newest producer's batch is shown). */
  readonly id: number;
  readonly partition: number;
  readonly status: BatchStatus;
  readonly recordCount: number;
  /** -1 while empty (or unknown). */
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  /** Every record id, in offset order, when the batch holds at most 32 records; else null. */
  readonly recordIds: readonly number[] | null;
  /** Uncompressed RecordBatch v2 size: 61-byte header + records. */
  readonly sizeInBytes: number;
  /** batch.size. */
  readonly batchSize: number;
  /** The buffer it was given: max(batch.size, its first record's upper bound). */
  readonly writeLimit: number;
  /** Kafka's estimate (exact once closed): what batch.size is compared against. */
  readonly estimatedSizeInBytes: number;
  /** Size on the wire (compressed records + header) once built, -1 before. */
  readonly compressedSizeInBytes: number;
  readonly compressionType: string;
  /** Compressed / uncompressed records section; 1 without a codec; -1 until built. */
  readonly compressionRatio: number;
  /** True when the real codec measured it, false when estimated from a sampled ratio (or no codec). */
  readonly compressionMeasured: boolean;
  readonly createdMs: number;
  /** When it stopped taking records, -1 while open. */
  readonly closedMs: number;
  readonly closeReason: BatchCloseReason | null;
  /** The model's words for closeReason, e.g. `linger.ms (5 ms) expired`; null while open. */
  readonly closeText: string | null;
  /** The latest attempt's readiness: when and why ready() found it sendable; -1 / null before. */
  readonly readyMs: number;
  readonly readyReason: BatchReadyReason | null;
  readonly readyText: string | null;
  /** For batches with sticky records: BuiltInPartitioner.lastPickExplanation / lastSwitchReason at that time. */
  readonly stickyPick: string | null;
  readonly stickySwitchReason: string | null;
  readonly attempts: readonly BatchAttemptDetail[];
  /** -1 without idempotence or before the first drain. */
  readonly baseSequence: number;
  readonly producerId: number;
  /** Base offset in the partition log, -1 while unknown. */
  readonly baseOffset: number;
  /** The records' error when it failed or was aborted. */
  readonly error: string | null;
  readonly requestIds: readonly number[];
  /** When its records completed (callbacks), -1 while incomplete. */
  readonly completedMs: number;
  /** The batch it was split from, -1 if none (or unknown). */
  readonly splitFrom: number;
  /** The batches it was split into, or null. */
  readonly splitInto: readonly number[] | null;
  /** Its own timeline: created, closed, each attempt (ready, drained, written, leader append, …), completed. */
  readonly journey: readonly JourneyStep[];
}

/** One batch of a produce request. */
export interface RequestBatchDetail {
  readonly batchId: number;
  readonly partition: number;
  readonly recordCount: number;
  /** On the wire, bytes. */
  readonly sizeInBytes: number;
  /** 0 = the batch's first send. */
  readonly attempt: number;
  /** -1 without idempotence. */
  readonly baseSequence: number;
  readonly outcome: BatchOutcome;
  readonly error: string | null;
  readonly baseOffset: number;
  readonly leaderAppendMs: number;
  readonly replicatedMs: number;
}

export interface RequestDetail {
  /** `req-<id>` (ids are per producer; after a restart the newest producer's request is shown). */
  readonly id: number;
  /** The leader broker it went to. */
  readonly node: number;
  readonly acks: -1 | 0 | 1;
  /** The whole request on the wire, bytes. */
  readonly sizeInBytes: number;
  readonly createdMs: number;
  /** Last byte written, -1 until then. */
  readonly sentMs: number;
  /** Answer handled, -1 while outstanding. */
  readonly responseMs: number;
  /** responseMs − createdMs (Kafka's request-latency), -1 while outstanding. */
  readonly latencyMs: number;
  readonly clientError: 'REQUEST_TIMED_OUT' | 'NETWORK_EXCEPTION' | null;
  /** 'built' (not fully written), 'in-flight' (written, unanswered) or 'answered'. */
  readonly status: 'built' | 'in-flight' | 'answered';
  readonly recordCount: number;
  readonly batches: readonly RequestBatchDetail[];
  /** The partitions that shared the request, ascending. */
  readonly partitions: readonly number[];
}

export type Inspection =
  | { readonly kind: 'record'; readonly record: RecordDetail }
  | { readonly kind: 'batch'; readonly batch: BatchDetail }
  | { readonly kind: 'request'; readonly request: RequestDetail }
  /** Not available: `reason` says why, e.g. "rec-12 is older than the last 2,000 records the explorer keeps". */
  | { readonly kind: 'missing'; readonly target: InspectTarget; readonly reason: string };

/** A line of the inspector's pick list: one of the most recent records sent. */
export interface RecordSummary {
  readonly id: number;
  /** Display form of the key, null for a null key. */
  readonly key: string | null;
  /** -1 before partitioning. */
  readonly partition: number;
  readonly status: RecordStatus;
  readonly sendMs: number;
}
