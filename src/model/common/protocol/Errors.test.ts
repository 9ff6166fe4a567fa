// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ERRORS,
  ERROR_NAMES,
  ERRORS,
  type ErrorName,
  errorByCode,
  errorByName,
  errorString,
} from './Errors';

// Reference §5: code, retriable, InvalidMetadataException subclass.
const TABLE: [ErrorName, number, boolean, boolean][] = [
  ['NONE', 0, false, false],
  ['CORRUPT_MESSAGE', 2, true, false],
  ['UNKNOWN_TOPIC_OR_PARTITION', 3, true, true],
  ['LEADER_NOT_AVAILABLE', 5, true, true],
  ['NOT_LEADER_OR_FOLLOWER', 6, true, true],
  ['REQUEST_TIMED_OUT', 7, true, false],
  ['MESSAGE_TOO_LARGE', 10, false, false],
  ['NETWORK_EXCEPTION', 13, true, true],
  ['RECORD_LIST_TOO_LARGE', 18, false, false],
  ['NOT_ENOUGH_REPLICAS', 19, true, false],
  ['NOT_ENOUGH_REPLICAS_AFTER_APPEND', 20, true, false],
  ['INVALID_REQUIRED_ACKS', 21, false, false],
  ['TOPIC_AUTHORIZATION_FAILED', 29, false, false],
  ['CLUSTER_AUTHORIZATION_FAILED', 31, false, false],
  ['INVALID_TIMESTAMP', 32, false, false],
  ['UNSUPPORTED_VERSION', 35, false, false],
  ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false, false],
  ['DUPLICATE_SEQUENCE_NUMBER', 46, false, false],
  ['INVALID_PRODUCER_EPOCH', 47, false, false],
  ['INVALID_TXN_STATE', 48, false, false],
  ['KAFKA_STORAGE_ERROR', 56, true, true],
  ['UNKNOWN_PRODUCER_ID', 59, false, false],
  ['FENCED_LEADER_EPOCH', 74, true, true],
  ['UNKNOWN_LEADER_EPOCH', 75, true, false],
  ['INVALID_RECORD', 87, false, false],
  ['THROTTLING_QUOTA_EXCEEDED', 89, true, false],
  ['PRODUCER_FENCED', 90, false, false],
  ['TRANSACTION_ABORTABLE', 120, false, false],
  ['COORDINATOR_LOAD_IN_PROGRESS', 14, true, false],
  ['COORDINATOR_NOT_AVAILABLE', 15, true, false],
  ['NOT_COORDINATOR', 16, true, false],
  ['CONCURRENT_TRANSACTIONS', 51, true, false],
];

describe('Errors', () => {
  it('matches the code, retriable and invalid-metadata columns of reference §5', () => {
    for (const [name, code, retriable, invalidMetadata] of TABLE) {
      expect(errorByName(name), name).toMatchObject({ name, code, retriable, invalidMetadata });
    }
  });

  it('has unique codes, and lists every error in code order (ErrorsTest.testUniqueErrorCodes)', () => {
    const codes = ERROR_NAMES.map((n) => ERRORS[n].code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort((a, b) => a - b)).toEqual(codes);
    expect(ERROR_NAMES.length).toBe(Object.keys(ERRORS).length);
  });

  it('every InvalidMetadataException is retriable (it extends RetriableException)', () => {
    for (const n of ERROR_NAMES)
      if (ERRORS[n].invalidMetadata) expect(ERRORS[n].retriable, n).toBe(true);
  });

  it('maps codes back, unknown codes to UNKNOWN_SERVER_ERROR (ErrorsTest.testForCodeUnknown)', () => {
    expect(errorByCode(6).name).toBe('NOT_LEADER_OR_FOLLOWER');
    expect(errorByCode(0).name).toBe('NONE');
    expect(errorByCode(10000).name).toBe('UNKNOWN_SERVER_ERROR');
    expect(errorByCode(-1).name).toBe('UNKNOWN_SERVER_ERROR');
  });

  it("keeps Kafka's exception classes and default messages", () => {
    const e = ERRORS.NOT_LEADER_OR_FOLLOWER;
    expect(e.exceptionName).toBe('NotLeaderOrFollowerException');
    expect(e.exceptionClass).toBe('org.apache.kafka.common.errors.NotLeaderOrFollowerException');
    expect(e.message).toBe(
      'For requests intended only for the leader, this error indicates that the broker is not the current ' +
        'leader. For requests intended for any replica, this error indicates that the broker is not a replica ' +
        'of the topic partition.',
    );
    expect(ERRORS.REQUEST_TIMED_OUT.exceptionName).toBe('TimeoutException');
    expect(ERRORS.MESSAGE_TOO_LARGE.exceptionName).toBe('RecordTooLargeException');
    expect(ERRORS.RECORD_LIST_TOO_LARGE.exceptionName).toBe('RecordBatchTooLargeException');
    expect(ERRORS.INVALID_RECORD.exceptionClass).toBe(
      'org.apache.kafka.common.InvalidRecordException',
    );
    expect(ERRORS.NONE.exceptionName).toBeNull();
    expect(ERRORS.NONE.message).toBeNull();
  });

  it('every error but NONE has a message and every error a producer action', () => {
    for (const n of ERROR_NAMES) {
      if (n !== 'NONE') expect(ERRORS[n].message, n).toMatch(/\S/);
      expect(ERRORS[n].producerAction, n).toMatch(/\S/);
    }
  });

  it('formats `Exception: message` like RecordState.error expects', () => {
    expect(errorString('NOT_ENOUGH_REPLICAS')).toBe(
      'NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.',
    );
    expect(errorString('REQUEST_TIMED_OUT', 'Disconnected')).toBe('TimeoutException: Disconnected');
    expect(errorString('NONE')).toBe('');
  });

  it('builds the client-side messages with Kafka wording', () => {
    expect(CLIENT_ERRORS.deliveryTimeout(16, 'my-topic-0', 120018)).toBe(
      'TimeoutException: Expiring 16 record(s) for my-topic-0:120018 ms has passed since batch creation',
    );
    expect(CLIENT_ERRORS.bufferExhausted(16384, 60000, 33554432, 0, 16384)).toBe(
      'BufferExhaustedException: Failed to allocate 16384 bytes within the configured max blocking time ' +
        '60000 ms. Total memory: 33554432 bytes. Available memory: 0 bytes. Poolable size: 16384 bytes',
    );
    expect(CLIENT_ERRORS.recordTooLargeForRequest(1048660, 1048576)).toBe(
      'RecordTooLargeException: The message is 1048660 bytes when serialized which is larger than 1048576, ' +
        'which is the value of the max.request.size configuration.',
    );
    expect(CLIENT_ERRORS.topicNotInMetadata('t', 60000)).toBe(
      'TimeoutException: Topic t not present in metadata after 60000 ms.',
    );
    expect(CLIENT_ERRORS.partitionNotInMetadata(7, 't', 6, 60000)).toBe(
      'TimeoutException: Partition 7 of topic t with partition count 6 is not present in metadata after 60000 ms.',
    );
  });
});
