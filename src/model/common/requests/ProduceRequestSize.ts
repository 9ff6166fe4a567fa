/**
 * Bytes on the wire of a ProduceRequest (size prefix + RequestHeader + body) and of its response, derived from
 * ProduceRequest.json / ProduceResponse.json / RequestHeader.json (reference §3d). One topic per request, as in the
 * simulation. v3–v8 use the classic layout, v9+ the flexible one (compact strings/arrays, tagged fields); v13 sends a
 * 16-byte topic id instead of the name. Leaves out building the bytes: only their count matters to the network.
 */
import { sizeOfUnsignedVarint, utf8Length } from '../utils/ByteUtils';

/** What the Kafka 4.0 producer sends (ProduceRequest v12). */
export const DEFAULT_PRODUCE_VERSION = 12;
const FIRST_FLEXIBLE_VERSION = 9;
const FIRST_TOPIC_ID_VERSION = 13;
const SIZE_PREFIX = 4;

export interface ProduceRequestSizeInput {
  readonly clientId: string;
  readonly topic: string;
  /** Wire size of each batch in the request (one per partition; compressed size when compressed). */
  readonly batchSizes: readonly number[];
  readonly transactionalId?: string | null;
  /** ProduceRequest version, 3..13; default 12. */
  readonly version?: number;
}

/**
 * Total request bytes including the 4-byte size prefix. Example (flexible): client "producer-1", topic "test", one
 * 76-byte batch → 4 + 21 (header) + 98 (body) = 123. Also callable as
 * `(clientId, topic, batchSizes, acks?, transactionalId?)` (acks does not change the size).
 */
export function produceRequestSizeInBytes(input: ProduceRequestSizeInput): number;
export function produceRequestSizeInBytes(
  clientId: string,
  topic: string,
  batchSizes: readonly number[],
  acks?: number,
  transactionalId?: string | null,
): number;
export function produceRequestSizeInBytes(
  first: ProduceRequestSizeInput | string,
  topic?: string,
  batchSizes?: readonly number[],
  _acks?: number,
  transactionalId?: string | null,
): number {
  const input: ProduceRequestSizeInput =
    typeof first === 'string'
      ? { clientId: first, topic: topic ?? '', batchSizes: batchSizes ?? [], transactionalId }
      : first;
  const version = input.version ?? DEFAULT_PRODUCE_VERSION;
  return (
    SIZE_PREFIX +
    requestHeaderSizeInBytes(input.clientId, version >= FIRST_FLEXIBLE_VERSION) +
    produceRequestBodySizeInBytes(input, version)
  );
}

/**
 * RequestHeader v1 (classic) or v2 (flexible): apiKey 2 + apiVersion 2 + correlationId 4 + clientId as a nullable
 * int16-length string (even in v2) + a tagged-fields byte in v2.
 */
export function requestHeaderSizeInBytes(clientId: string, flexible: boolean): number {
  return 8 + 2 + utf8Length(clientId) + (flexible ? 1 : 0);
}

/** The request body: transactionalId, acks int16, timeoutMs int32, then the one topic with its partitions. */
export function produceRequestBodySizeInBytes(
  input: ProduceRequestSizeInput,
  version = DEFAULT_PRODUCE_VERSION,
): number {
  if (version < 3 || version > 13) throw new Error(`Unsupported ProduceRequest version ${version}`);
  const txn = input.transactionalId ?? null;
  const parts = input.batchSizes;
  if (version < FIRST_FLEXIBLE_VERSION) {
    let size = (txn === null ? 2 : 2 + utf8Length(txn)) + 2 + 4 + 4;
    size += 2 + utf8Length(input.topic) + 4;
    for (let i = 0; i < parts.length; i++) size += 4 + 4 + parts[i];
    return size;
  }
  let size = txn === null ? 1 : compactStringSize(txn);
  size += 2 + 4 + sizeOfUnsignedVarint(2); // acks, timeout, topics array of one
  size += version >= FIRST_TOPIC_ID_VERSION ? 16 : compactStringSize(input.topic);
  size += sizeOfUnsignedVarint(parts.length + 1);
  for (let i = 0; i < parts.length; i++) {
    // index int32, records as compact nullable bytes, partition tagged fields
    size += 4 + sizeOfUnsignedVarint(parts[i] + 1) + parts[i] + 1;
  }
  return size + 1 + 1; // topic tagged fields, request tagged fields
}

/**
 * Approximate response bytes for `partitionCount` partitions of one topic without errors or leader hints (flexible
 * v9+; from ProduceResponse.json): size prefix 4 + header (correlationId 4 + tags 1) + topics array + per partition
 * index 4, errorCode 2, baseOffset 8, logAppendTimeMs 8, logStartOffset 8, empty recordErrors 1, null errorMessage 1,
 * tags 1 (33 bytes) + throttleTimeMs 4 + tags 1. Error messages, record errors and KIP-951 leader hints add bytes.
 */
export function produceResponseSizeInBytes(topic: string, partitionCount: number): number {
  const header = 4 + 1;
  let body = sizeOfUnsignedVarint(2) + compactStringSize(topic);
  body += sizeOfUnsignedVarint(partitionCount + 1) + partitionCount * 33 + 1;
  body += 4 + 1;
  return SIZE_PREFIX + header + body;
}

function compactStringSize(s: string): number {
  const len = utf8Length(s);
  return sizeOfUnsignedVarint(len + 1) + len;
}
