/**
 * The error codes a produce response can carry (reference §5), as data: code, exception class, whether it is
 * retriable (extends RetriableException) or an InvalidMetadataException (→ metadata refresh), Kafka's default message
 * (org.apache.kafka.common.protocol.Errors) and what the producer does with it (Sender.completeBatch,
 * TransactionManager). Leaves out the ~100 codes that only other APIs return.
 */

export type ErrorName =
  | 'UNKNOWN_SERVER_ERROR'
  | 'NONE'
  | 'CORRUPT_MESSAGE'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'LEADER_NOT_AVAILABLE'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'REQUEST_TIMED_OUT'
  | 'MESSAGE_TOO_LARGE'
  | 'NETWORK_EXCEPTION'
  | 'COORDINATOR_LOAD_IN_PROGRESS'
  | 'COORDINATOR_NOT_AVAILABLE'
  | 'NOT_COORDINATOR'
  | 'RECORD_LIST_TOO_LARGE'
  | 'NOT_ENOUGH_REPLICAS'
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  | 'INVALID_REQUIRED_ACKS'
  | 'TOPIC_AUTHORIZATION_FAILED'
  | 'CLUSTER_AUTHORIZATION_FAILED'
  | 'INVALID_TIMESTAMP'
  | 'UNSUPPORTED_VERSION'
  | 'OUT_OF_ORDER_SEQUENCE_NUMBER'
  | 'DUPLICATE_SEQUENCE_NUMBER'
  | 'INVALID_PRODUCER_EPOCH'
  | 'INVALID_TXN_STATE'
  | 'CONCURRENT_TRANSACTIONS'
  | 'KAFKA_STORAGE_ERROR'
  | 'UNKNOWN_PRODUCER_ID'
  | 'FENCED_LEADER_EPOCH'
  | 'UNKNOWN_LEADER_EPOCH'
  | 'INVALID_RECORD'
  | 'THROTTLING_QUOTA_EXCEEDED'
  | 'PRODUCER_FENCED'
  | 'TRANSACTION_ABORTABLE';

export interface ErrorInfo {
  readonly name: ErrorName;
  readonly code: number;
  /** The exception extends RetriableException: the producer may re-send the batch. */
  readonly retriable: boolean;
  /** The exception extends InvalidMetadataException: the producer also requests a metadata update. */
  readonly invalidMetadata: boolean;
  /** Simple Java class name (`NotLeaderOrFollowerException`); null for NONE. */
  readonly exceptionName: string | null;
  /** Fully qualified class name, as Errors.exceptionName() returns it; null for NONE. */
  readonly exceptionClass: string | null;
  /** Kafka's default message for the code; null for NONE. */
  readonly message: string | null;
  /** What the Java producer does when a batch gets this error, in a sentence. */
  readonly producerAction: string;
}

const ERRORS_PKG = 'org.apache.kafka.common.errors.';

// [code, retriable (extends RetriableException), invalidMetadata (extends InvalidMetadataException), exception]
const CODES: Readonly<Record<ErrorName, readonly [number, boolean, boolean, string | null]>> = {
  UNKNOWN_SERVER_ERROR: [-1, false, false, 'UnknownServerException'],
  NONE: [0, false, false, null],
  CORRUPT_MESSAGE: [2, true, false, 'CorruptRecordException'],
  UNKNOWN_TOPIC_OR_PARTITION: [3, true, true, 'UnknownTopicOrPartitionException'],
  LEADER_NOT_AVAILABLE: [5, true, true, 'LeaderNotAvailableException'],
  NOT_LEADER_OR_FOLLOWER: [6, true, true, 'NotLeaderOrFollowerException'],
  REQUEST_TIMED_OUT: [7, true, false, 'TimeoutException'],
  MESSAGE_TOO_LARGE: [10, false, false, 'RecordTooLargeException'],
  NETWORK_EXCEPTION: [13, true, true, 'NetworkException'],
  COORDINATOR_LOAD_IN_PROGRESS: [14, true, false, 'CoordinatorLoadInProgressException'],
  COORDINATOR_NOT_AVAILABLE: [15, true, false, 'CoordinatorNotAvailableException'],
  NOT_COORDINATOR: [16, true, false, 'NotCoordinatorException'],
  RECORD_LIST_TOO_LARGE: [18, false, false, 'RecordBatchTooLargeException'],
  NOT_ENOUGH_REPLICAS: [19, true, false, 'NotEnoughReplicasException'],
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: [20, true, false, 'NotEnoughReplicasAfterAppendException'],
  INVALID_REQUIRED_ACKS: [21, false, false, 'InvalidRequiredAcksException'],
  TOPIC_AUTHORIZATION_FAILED: [29, false, false, 'TopicAuthorizationException'],
  CLUSTER_AUTHORIZATION_FAILED: [31, false, false, 'ClusterAuthorizationException'],
  INVALID_TIMESTAMP: [32, false, false, 'InvalidTimestampException'],
  UNSUPPORTED_VERSION: [35, false, false, 'UnsupportedVersionException'],
  OUT_OF_ORDER_SEQUENCE_NUMBER: [45, false, false, 'OutOfOrderSequenceException'],
  DUPLICATE_SEQUENCE_NUMBER: [46, false, false, 'DuplicateSequenceException'],
  INVALID_PRODUCER_EPOCH: [47, false, false, 'InvalidProducerEpochException'],
  INVALID_TXN_STATE: [48, false, false, 'InvalidTxnStateException'],
  CONCURRENT_TRANSACTIONS: [51, true, false, 'ConcurrentTransactionsException'],
  KAFKA_STORAGE_ERROR: [56, true, true, 'KafkaStorageException'],
  UNKNOWN_PRODUCER_ID: [59, false, false, 'UnknownProducerIdException'],
  FENCED_LEADER_EPOCH: [74, true, true, 'FencedLeaderEpochException'],
  UNKNOWN_LEADER_EPOCH: [75, true, false, 'UnknownLeaderEpochException'],
  INVALID_RECORD: [87, false, false, 'InvalidRecordException'],
  THROTTLING_QUOTA_EXCEEDED: [89, true, false, 'ThrottlingQuotaExceededException'],
  PRODUCER_FENCED: [90, false, false, 'ProducerFencedException'],
  TRANSACTION_ABORTABLE: [120, false, false, 'TransactionAbortableException'],
};

// Errors.java's default messages.
const MESSAGES: Readonly<Record<ErrorName, string | null>> = {
  UNKNOWN_SERVER_ERROR: 'The server experienced an unexpected error when processing the request.',
  NONE: null,
  CORRUPT_MESSAGE:
    'This message has failed its CRC checksum, exceeds the valid size, has a null key for a compacted topic, or is otherwise corrupt.',
  UNKNOWN_TOPIC_OR_PARTITION: 'This server does not host this topic-partition.',
  LEADER_NOT_AVAILABLE:
    'There is no leader for this topic-partition as we are in the middle of a leadership election.',
  NOT_LEADER_OR_FOLLOWER:
    'For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.',
  REQUEST_TIMED_OUT: 'The request timed out.',
  MESSAGE_TOO_LARGE:
    'The request included a message larger than the max message size the server will accept.',
  NETWORK_EXCEPTION: 'The server disconnected before a response was received.',
  COORDINATOR_LOAD_IN_PROGRESS: "The coordinator is loading and hence can't process requests.",
  COORDINATOR_NOT_AVAILABLE: 'The coordinator is not available.',
  NOT_COORDINATOR: 'This is not the correct coordinator.',
  RECORD_LIST_TOO_LARGE:
    'The request included message batch larger than the configured segment size on the server.',
  NOT_ENOUGH_REPLICAS:
    'Messages are rejected since there are fewer in-sync replicas than required.',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    'Messages are written to the log, but to fewer in-sync replicas than required.',
  INVALID_REQUIRED_ACKS: 'Produce request specified an invalid value for required acks.',
  TOPIC_AUTHORIZATION_FAILED: 'Topic authorization failed.',
  CLUSTER_AUTHORIZATION_FAILED: 'Cluster authorization failed.',
  INVALID_TIMESTAMP: 'The timestamp of the message is out of acceptable range.',
  UNSUPPORTED_VERSION: 'The version of API is not supported.',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'The broker received an out of order sequence number.',
  DUPLICATE_SEQUENCE_NUMBER: 'The broker received a duplicate sequence number.',
  INVALID_PRODUCER_EPOCH: 'Producer attempted to produce with an old epoch.',
  INVALID_TXN_STATE: 'The producer attempted a transactional operation in an invalid state.',
  CONCURRENT_TRANSACTIONS:
    'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing.',
  KAFKA_STORAGE_ERROR: 'Disk error when trying to access log file on the disk.',
  UNKNOWN_PRODUCER_ID:
    "This exception is raised by the broker if it could not locate the producer metadata associated with the producerId in question. This could happen if, for instance, the producer's records were deleted because their retention time had elapsed. Once the last records of the producerId are removed, the producer's metadata is removed from the broker, and future appends by the producer will return this exception.",
  FENCED_LEADER_EPOCH: 'The leader epoch in the request is older than the epoch on the broker.',
  UNKNOWN_LEADER_EPOCH: 'The leader epoch in the request is newer than the epoch on the broker.',
  INVALID_RECORD: 'This record has failed the validation on broker and hence will be rejected.',
  THROTTLING_QUOTA_EXCEEDED: 'The throttling quota has been exceeded.',
  PRODUCER_FENCED:
    'There is a newer producer with the same transactionalId which fences the current one.',
  TRANSACTION_ABORTABLE:
    'The server encountered an error with the transaction. The client can abort the transaction to continue using this transactional ID.',
};

// What Sender.completeBatch / TransactionManager do with a batch that gets the error.
const ACTIONS: Readonly<Record<ErrorName, string>> = {
  UNKNOWN_SERVER_ERROR: 'Fail the batch (also what an unknown error code maps to).',
  NONE: 'Complete the batch: record offsets are baseOffset + index.',
  CORRUPT_MESSAGE: 'Retry after backoff.',
  UNKNOWN_TOPIC_OR_PARTITION: 'Retry after backoff and refresh metadata.',
  LEADER_NOT_AVAILABLE: 'Retry after backoff and refresh metadata.',
  NOT_LEADER_OR_FOLLOWER:
    'Retry and refresh metadata; the new leader in the response is applied at once and the backoff is skipped if the leader changed (KIP-951).',
  REQUEST_TIMED_OUT:
    'Retry after backoff; the records may or may not have been written (also raised locally when request.timeout.ms expires).',
  MESSAGE_TOO_LARGE:
    'Split a batch of several records into batch.size batches and re-send (not counted as a retry); fail a single-record batch.',
  NETWORK_EXCEPTION:
    'Retry after backoff and refresh metadata (also raised locally on disconnect).',
  COORDINATOR_LOAD_IN_PROGRESS: 'Retry the transactional request (not returned for produce).',
  COORDINATOR_NOT_AVAILABLE: 'Find the coordinator again and retry (not returned for produce).',
  NOT_COORDINATOR: 'Find the coordinator again and retry (not returned for produce).',
  RECORD_LIST_TOO_LARGE: 'Fail the batch.',
  NOT_ENOUGH_REPLICAS: 'Retry after backoff; nothing was written.',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    'Retry after backoff; the data was written, so a retry duplicates it unless idempotent.',
  INVALID_REQUIRED_ACKS: 'Fail the batch.',
  TOPIC_AUTHORIZATION_FAILED: 'Fail the batch.',
  CLUSTER_AUTHORIZATION_FAILED:
    'Fail the batch; fatal for an idempotent or transactional producer.',
  INVALID_TIMESTAMP: 'Fail the batch.',
  UNSUPPORTED_VERSION: 'Fail the batch; fatal for the transaction state.',
  OUT_OF_ORDER_SEQUENCE_NUMBER:
    'Idempotent: retried anyway — plainly if this is not the next expected batch, else after a local epoch bump and sequence reset; transactional: abortable error.',
  DUPLICATE_SEQUENCE_NUMBER: 'Treated as success with offset -1 (only old brokers send it).',
  INVALID_PRODUCER_EPOCH:
    'Fail the batch; transactional: abortable error (epoch bumped on abort); idempotent: bump the epoch.',
  INVALID_TXN_STATE: 'Fail the batch; abortable transactional error.',
  CONCURRENT_TRANSACTIONS: 'Retry the transactional request (not returned for produce).',
  KAFKA_STORAGE_ERROR: 'Retry after backoff and refresh metadata.',
  UNKNOWN_PRODUCER_ID:
    'Idempotent: retried (epoch bump if needed); transactional: abortable. Current brokers no longer return it on append.',
  FENCED_LEADER_EPOCH:
    'Retry and refresh metadata; a leader hint in the response is applied at once.',
  UNKNOWN_LEADER_EPOCH: 'Retry after backoff.',
  INVALID_RECORD:
    'Fail the batch; records listed in the response get their own error, the others a generic KafkaException.',
  THROTTLING_QUOTA_EXCEEDED: 'Retry after backoff.',
  PRODUCER_FENCED: 'Fatal: the producer can only be closed.',
  TRANSACTION_ABORTABLE: 'Abortable transactional error (Kafka 4.0, KIP-890).',
};

// InvalidRecordException lives in org.apache.kafka.common, not in .errors.
function exceptionClassOf(simpleName: string | null): string | null {
  if (simpleName === null) return null;
  return simpleName === 'InvalidRecordException'
    ? `org.apache.kafka.common.${simpleName}`
    : ERRORS_PKG + simpleName;
}

function info(name: ErrorName): ErrorInfo {
  const [code, retriable, invalidMetadata, exceptionName] = CODES[name];
  return Object.freeze({
    name,
    code,
    retriable,
    invalidMetadata,
    exceptionName,
    exceptionClass: exceptionClassOf(exceptionName),
    message: MESSAGES[name],
    producerAction: ACTIONS[name],
  });
}

/** Every error name, in code order. */
export const ERROR_NAMES: readonly ErrorName[] = (Object.keys(CODES) as ErrorName[]).sort(
  (a, b) => CODES[a][0] - CODES[b][0],
);

export const ERRORS: Readonly<Record<ErrorName, ErrorInfo>> = Object.freeze(
  Object.fromEntries(ERROR_NAMES.map((name) => [name, info(name)])) as Record<ErrorName, ErrorInfo>,
);

const BY_CODE = new Map<number, ErrorInfo>(
  ERROR_NAMES.map((name) => [CODES[name][0], ERRORS[name]]),
);

export function errorByName(name: ErrorName): ErrorInfo {
  return ERRORS[name];
}

/** As Errors.forCode: an unknown code maps to UNKNOWN_SERVER_ERROR. */
export function errorByCode(code: number): ErrorInfo {
  return BY_CODE.get(code) ?? ERRORS.UNKNOWN_SERVER_ERROR;
}

/** `NotLeaderOrFollowerException: For requests intended…` (RecordState.error's form); '' for NONE. */
export function errorString(name: ErrorName, message?: string): string {
  const e = ERRORS[name];
  if (e.exceptionName === null) return '';
  return `${e.exceptionName}: ${message ?? e.message}`;
}

/**
 * Errors the producer raises itself (reference §5, "client" rows), with Kafka's message texts. They reach the
 * application through the send future/callback, never as response codes.
 */
export const CLIENT_ERRORS = {
  /** Sender: a batch reached delivery.timeout.ms, queued or in flight. */
  deliveryTimeout: (recordCount: number, topicPartition: string, elapsedMs: number) =>
    `TimeoutException: Expiring ${recordCount} record(s) for ${topicPartition}:${elapsedMs} ms has passed since batch creation`,
  /** BufferPool.allocate: no memory within max.block.ms (BufferExhaustedException is a TimeoutException). */
  bufferExhausted: (
    size: number,
    maxBlockMs: number,
    totalMemory: number,
    availableMemory: number,
    poolableSize: number,
  ) =>
    `BufferExhaustedException: Failed to allocate ${size} bytes within the configured max blocking time ${maxBlockMs} ms. Total memory: ${totalMemory} bytes. Available memory: ${availableMemory} bytes. Poolable size: ${poolableSize} bytes`,
  /** KafkaProducer.ensureValidRecordSize: estimate > max.request.size. */
  recordTooLargeForRequest: (size: number, maxRequestSize: number) =>
    `RecordTooLargeException: The message is ${size} bytes when serialized which is larger than ${maxRequestSize}, which is the value of the max.request.size configuration.`,
  /** KafkaProducer.ensureValidRecordSize: estimate > buffer.memory. */
  recordTooLargeForBuffer: (size: number) =>
    `RecordTooLargeException: The message is ${size} bytes when serialized which is larger than the total memory buffer you have configured with the buffer.memory configuration.`,
  /** KafkaProducer.waitOnMetadata: topic unknown after max.block.ms. */
  topicNotInMetadata: (topic: string, maxWaitMs: number) =>
    `TimeoutException: Topic ${topic} not present in metadata after ${maxWaitMs} ms.`,
  /** KafkaProducer.waitOnMetadata: an explicit partition beyond the partition count. */
  partitionNotInMetadata: (
    partition: number,
    topic: string,
    partitionCount: number,
    maxWaitMs: number,
  ) =>
    `TimeoutException: Partition ${partition} of topic ${topic} with partition count ${partitionCount} is not present in metadata after ${maxWaitMs} ms.`,
} as const;
