/**
 * Exact sizes and bytes of one record inside a RecordBatch v2, as org.apache.kafka.common.record.DefaultRecord:
 * varint(bodyLen) + [attributes int8, timestampDelta varlong, offsetDelta varint, key, value, headers], where a null
 * key/value is varint(−1) (1 byte) and each header is a UTF-8 key plus a nullable value.
 * Leaves out reading records back (the simulation never parses what it wrote, except in tests).
 */
import type { Header } from '../../clients/producer/internals/RecordState';
import {
  sizeOfVarint,
  sizeOfVarlong,
  utf8Length,
  writeUtf8,
  writeVarint,
  writeVarlong,
} from '../utils/ByteUtils';

/** 5 bytes length + 10 timestamp delta + 5 offset delta + 1 attributes: the worst case without key/value/headers. */
export const MAX_RECORD_OVERHEAD = 21;

/** sizeOfVarint(−1): what a null key, value or header value costs. */
const NULL_VARINT_SIZE_BYTES = 1;

/** Bytes of the key, value and headers fields (Kafka's private DefaultRecord.sizeOf); sizes −1 mean null. */
export function sizeOfKeyValueHeaders(
  keySize: number,
  valueSize: number,
  headers: readonly Header[],
): number {
  let size = keySize < 0 ? NULL_VARINT_SIZE_BYTES : sizeOfVarint(keySize) + keySize;
  size += valueSize < 0 ? NULL_VARINT_SIZE_BYTES : sizeOfVarint(valueSize) + valueSize;
  size += sizeOfVarint(headers.length);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const keyLen = utf8Length(h.key);
    size += sizeOfVarint(keyLen) + keyLen;
    size +=
      h.value === null ? NULL_VARINT_SIZE_BYTES : sizeOfVarint(h.value.length) + h.value.length;
  }
  return size;
}

/** Body bytes (everything after the length varint), from key/value sizes (−1 = null). */
export function sizeOfBodyInBytes(
  offsetDelta: number,
  timestampDelta: number,
  keySize: number,
  valueSize: number,
  headers: readonly Header[],
): number {
  return (
    1 +
    sizeOfVarint(offsetDelta) +
    sizeOfVarlong(timestampDelta) +
    sizeOfKeyValueHeaders(keySize, valueSize, headers)
  );
}

/** Total bytes of a record with the given key/value sizes (−1 = null): varint(bodyLen) + bodyLen. */
export function sizeInBytesOfSizes(
  offsetDelta: number,
  timestampDelta: number,
  keySize: number,
  valueSize: number,
  headers: readonly Header[],
): number {
  const body = sizeOfBodyInBytes(offsetDelta, timestampDelta, keySize, valueSize, headers);
  return sizeOfVarint(body) + body;
}

/** Total bytes of a record as written in an uncompressed batch (DefaultRecord.sizeInBytes). */
export function sizeInBytes(
  offsetDelta: number,
  timestampDelta: number,
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly Header[],
): number {
  return sizeInBytesOfSizes(
    offsetDelta,
    timestampDelta,
    key === null ? -1 : key.length,
    value === null ? -1 : value.length,
    headers,
  );
}

/**
 * The allocation/pre-check estimate without the batch header: 21 + key + value + headers fields
 * (DefaultRecord.recordSizeUpperBound). Always ≥ sizeInBytes for any offset and timestamp delta.
 */
export function recordSizeUpperBound(
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly Header[],
): number {
  return (
    MAX_RECORD_OVERHEAD +
    sizeOfKeyValueHeaders(
      key === null ? -1 : key.length,
      value === null ? -1 : value.length,
      headers,
    )
  );
}

/**
 * Writes the record at `offset` of `out` (which must have room) exactly as DefaultRecord.writeTo; returns the
 * offset after it.
 */
export function writeTo(
  out: Uint8Array,
  offset: number,
  offsetDelta: number,
  timestampDelta: number,
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly Header[],
): number {
  const keySize = key === null ? -1 : key.length;
  const valueSize = value === null ? -1 : value.length;
  let pos = writeVarint(
    sizeOfBodyInBytes(offsetDelta, timestampDelta, keySize, valueSize, headers),
    out,
    offset,
  );
  out[pos++] = 0; // attributes: no record-level attribute is used
  pos = writeVarlong(timestampDelta, out, pos);
  pos = writeVarint(offsetDelta, out, pos);
  pos = writeBytesField(key, out, pos);
  pos = writeBytesField(value, out, pos);
  pos = writeVarint(headers.length, out, pos);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    pos = writeVarint(utf8Length(h.key), out, pos);
    pos = writeUtf8(h.key, out, pos);
    pos = writeBytesField(h.value, out, pos);
  }
  return pos;
}

function writeBytesField(bytes: Uint8Array | null, out: Uint8Array, pos: number): number {
  if (bytes === null) return writeVarint(-1, out, pos);
  const p = writeVarint(bytes.length, out, pos);
  out.set(bytes, p);
  return p + bytes.length;
}
