/**
 * RecordBatch v2 (magic 2) layout, as org.apache.kafka.common.record.DefaultRecordBatch: the 61-byte header with its
 * CRC-32C over attributes..end, the size estimates the producer allocates with, and encoders for the records section
 * (what gets compressed) and for a whole batch (for tests and inspectors; the simulation only needs sizes).
 * Leaves out reading/iterating batches and control/delete-horizon handling beyond the attribute bits.
 */
import type { Header } from '../../clients/producer/internals/RecordState';
import { type CompressionType, compressionTypeId } from '../compress/CompressionType';
import { crc32c } from '../utils/Crc32C';
import { recordSizeUpperBound, sizeInBytes, writeTo } from './DefaultRecord';

export const MAGIC_VALUE_V2 = 2;
export const RECORD_BATCH_OVERHEAD = 61;
export const NO_PRODUCER_ID = -1;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
export const NO_PARTITION_LEADER_EPOCH = -1;

// Header field offsets (DefaultRecordBatch's *_OFFSET constants).
export const BASE_OFFSET_OFFSET = 0;
export const LENGTH_OFFSET = 8;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORDS_COUNT_OFFSET = 57;
/** The length field counts everything after baseOffset and itself. */
export const LOG_OVERHEAD = 12;

const TIMESTAMP_TYPE_MASK = 0x08;
const TRANSACTIONAL_FLAG_MASK = 0x10;
const CONTROL_FLAG_MASK = 0x20;
const INT32_MAX = 0x7fffffff;

/** One record to encode; `timestamp` in integer ms (Kafka's long CreateTime). */
export interface EncodableRecord {
  readonly offsetDelta: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[];
}

/**
 * The size the producer reserves for a batch holding just this record and checks against max.request.size:
 * 61 + 21 + key + value + headers (AbstractRecords.estimateSizeInBytesUpperBound for magic 2).
 */
export function estimateSizeInBytesUpperBound(
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly Header[],
): number {
  return RECORD_BATCH_OVERHEAD + recordSizeUpperBound(key, value, headers);
}

/** Σ DefaultRecord.sizeInBytes of the records: the uncompressed records section. */
export function sizeOfRecords(records: readonly EncodableRecord[], baseTimestamp: number): number {
  let size = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    size += sizeInBytes(r.offsetDelta, r.timestamp - baseTimestamp, r.key, r.value, r.headers);
  }
  return size;
}

/** The records section exactly as DefaultRecord writes it (the bytes a codec compresses). */
export function encodeRecords(
  records: readonly EncodableRecord[],
  baseTimestamp: number,
): Uint8Array {
  const out = new Uint8Array(sizeOfRecords(records, baseTimestamp));
  let pos = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = writeTo(out, pos, r.offsetDelta, r.timestamp - baseTimestamp, r.key, r.value, r.headers);
  }
  return out;
}

/** The attributes int16: codec id in bits 0–2, LogAppendTime bit 3, transactional bit 4, control bit 5. */
export function computeAttributes(
  compressionType: CompressionType,
  isTransactional = false,
  isControl = false,
  logAppendTime = false,
): number {
  let attributes = compressionTypeId(compressionType);
  if (logAppendTime) attributes |= TIMESTAMP_TYPE_MASK;
  if (isTransactional) attributes |= TRANSACTIONAL_FLAG_MASK;
  if (isControl) attributes |= CONTROL_FLAG_MASK;
  return attributes;
}

export interface BatchHeaderFields {
  /** 0 from the producer; the leader assigns offsets. */
  readonly baseOffset?: number;
  /** −1 from the Java producer (kafkajs writes 0). */
  readonly partitionLeaderEpoch?: number;
  readonly compressionType: CompressionType;
  readonly isTransactional?: boolean;
  readonly isControl?: boolean;
  /** Defaults to recordCount − 1. */
  readonly lastOffsetDelta?: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
}

export interface BatchToEncode extends BatchHeaderFields {
  /** The records section, compressed with `compressionType` unless that is 'none'. */
  readonly records: Uint8Array;
}

/** A whole v2 batch: header (length, magic, CRC-32C of attributes..end) followed by the records section. */
export function encodeBatch(batch: BatchToEncode): Uint8Array {
  const out = new Uint8Array(RECORD_BATCH_OVERHEAD + batch.records.length);
  const view = new DataView(out.buffer);
  view.setBigInt64(BASE_OFFSET_OFFSET, BigInt(batch.baseOffset ?? 0));
  view.setInt32(LENGTH_OFFSET, out.length - LOG_OVERHEAD);
  view.setInt32(
    PARTITION_LEADER_EPOCH_OFFSET,
    batch.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH,
  );
  out[MAGIC_OFFSET] = MAGIC_VALUE_V2;
  view.setInt16(
    ATTRIBUTES_OFFSET,
    computeAttributes(batch.compressionType, batch.isTransactional, batch.isControl),
  );
  view.setInt32(LAST_OFFSET_DELTA_OFFSET, batch.lastOffsetDelta ?? batch.recordCount - 1);
  view.setBigInt64(BASE_TIMESTAMP_OFFSET, BigInt(Math.floor(batch.baseTimestamp)));
  view.setBigInt64(MAX_TIMESTAMP_OFFSET, BigInt(Math.floor(batch.maxTimestamp)));
  view.setBigInt64(PRODUCER_ID_OFFSET, BigInt(batch.producerId));
  view.setInt16(PRODUCER_EPOCH_OFFSET, batch.producerEpoch);
  view.setInt32(BASE_SEQUENCE_OFFSET, batch.baseSequence);
  view.setInt32(RECORDS_COUNT_OFFSET, batch.recordCount);
  out.set(batch.records, RECORD_BATCH_OVERHEAD);
  view.setUint32(CRC_OFFSET, crc32c(out, ATTRIBUTES_OFFSET, out.length - ATTRIBUTES_OFFSET));
  return out;
}

export interface DecodedBatchHeader extends Required<Omit<BatchHeaderFields, 'compressionType'>> {
  readonly compressionId: number;
  readonly sizeInBytes: number;
  readonly magic: number;
  readonly crc: number;
  /** The stored CRC equals CRC-32C of attributes..end. */
  readonly crcValid: boolean;
}

/** Reads the 61-byte header back (tests and inspectors). */
export function decodeBatchHeader(bytes: Uint8Array): DecodedBatchHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizeInBytes = view.getInt32(LENGTH_OFFSET) + LOG_OVERHEAD;
  const attributes = view.getInt16(ATTRIBUTES_OFFSET);
  const crc = view.getUint32(CRC_OFFSET);
  return {
    baseOffset: Number(view.getBigInt64(BASE_OFFSET_OFFSET)),
    sizeInBytes,
    partitionLeaderEpoch: view.getInt32(PARTITION_LEADER_EPOCH_OFFSET),
    magic: view.getInt8(MAGIC_OFFSET),
    crc,
    crcValid: crc === crc32c(bytes, ATTRIBUTES_OFFSET, sizeInBytes - ATTRIBUTES_OFFSET),
    compressionId: attributes & 0x07,
    isTransactional: (attributes & TRANSACTIONAL_FLAG_MASK) !== 0,
    isControl: (attributes & CONTROL_FLAG_MASK) !== 0,
    lastOffsetDelta: view.getInt32(LAST_OFFSET_DELTA_OFFSET),
    baseTimestamp: Number(view.getBigInt64(BASE_TIMESTAMP_OFFSET)),
    maxTimestamp: Number(view.getBigInt64(MAX_TIMESTAMP_OFFSET)),
    producerId: Number(view.getBigInt64(PRODUCER_ID_OFFSET)),
    producerEpoch: view.getInt16(PRODUCER_EPOCH_OFFSET),
    baseSequence: view.getInt32(BASE_SEQUENCE_OFFSET),
    recordCount: view.getInt32(RECORDS_COUNT_OFFSET),
  };
}

/** sequence + increment, wrapping past Integer.MAX_VALUE to 0 (DefaultRecordBatch.incrementSequence). */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > INT32_MAX - increment) return increment - (INT32_MAX - sequence) - 1;
  return sequence + increment;
}

/** sequence − decrement, wrapping below 0 (DefaultRecordBatch.decrementSequence). */
export function decrementSequence(sequence: number, decrement: number): number {
  if (sequence < decrement) return INT32_MAX - (decrement - sequence) + 1;
  return sequence - decrement;
}
