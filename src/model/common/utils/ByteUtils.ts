/**
 * Zigzag varint/varlong sizes and writers, byte-exact with org.apache.kafka.common.utils.ByteUtils (the encoding of
 * record lengths, deltas and key/value lengths in RecordBatch v2), plus unsigned varints for flexible requests.
 * Leaves out readers for streams and the double/int helpers; varlongs are exact for |v| ≤ 2^52 (JS numbers), which
 * covers millisecond timestamps and their deltas.
 */

/** Bytes of `writeUnsignedVarint(v)`; v is taken as an unsigned 32-bit int (Java's int bits). */
export function sizeOfUnsignedVarint(value: number): number {
  // Kafka's branch-free formula: ceil(significant bits / 7), 1 for zero.
  const leadingZeros = Math.clz32(value);
  return (((38 - leadingZeros) * 0b10010010010010011) >>> 19) + (leadingZeros >>> 5);
}

/** Bytes of the zigzag varint of a signed 32-bit int: 1 for -64..63, 2 up to ±8191, … 5 at most. */
export function sizeOfVarint(value: number): number {
  return sizeOfUnsignedVarint((value << 1) ^ (value >> 31));
}

/** Bytes of the zigzag varlong (1 to 10). */
export function sizeOfVarlong(value: number): number {
  if (value >= -0x80000000 && value <= 0x7fffffff) return sizeOfVarint(value);
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  let bytes = 1;
  while (zigzag >= 128) {
    zigzag = Math.floor(zigzag / 128);
    bytes++;
  }
  return bytes;
}

/** Writes `value` (unsigned 32-bit) as a base-128 varint at `offset`; returns the offset after it. */
export function writeUnsignedVarint(value: number, out: Uint8Array, offset: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    out[offset++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[offset++] = v;
  return offset;
}

/** Writes the zigzag varint of a signed 32-bit int at `offset`; returns the offset after it. */
export function writeVarint(value: number, out: Uint8Array, offset: number): number {
  return writeUnsignedVarint((value << 1) ^ (value >> 31), out, offset);
}

/** Writes the zigzag varlong of `value` at `offset`; returns the offset after it. */
export function writeVarlong(value: number, out: Uint8Array, offset: number): number {
  if (value >= -0x80000000 && value <= 0x7fffffff) return writeVarint(value, out, offset);
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  while (zigzag >= 128) {
    out[offset++] = (zigzag % 128) | 0x80;
    zigzag = Math.floor(zigzag / 128);
  }
  out[offset++] = zigzag;
  return offset;
}

/**
 * Length in bytes of the UTF-8 encoding of a string, as Kafka's Utils.utf8Length (header keys): counts UTF-16
 * units, 4 bytes per surrogate pair, without allocating.
 */
export function utf8Length(s: string): number {
  let count = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const ch = s.charCodeAt(i);
    if (ch <= 0x7f) count++;
    else if (ch <= 0x7ff) count += 2;
    else if (ch >= 0xd800 && ch <= 0xdbff) {
      count += 4;
      i++;
    } else count += 3;
  }
  return count;
}

/**
 * Writes the UTF-8 bytes of `s` at `offset` (no TextEncoder: src/model has no DOM lib); returns the offset after.
 * An unpaired surrogate is written as U+FFFD, so its length differs from utf8Length (Java writes '?'): edge case.
 */
export function writeUtf8(s: string, out: Uint8Array, offset: number): number {
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp <= 0x7f) out[offset++] = cp;
    else if (cp <= 0x7ff) {
      out[offset++] = 0xc0 | (cp >> 6);
      out[offset++] = 0x80 | (cp & 0x3f);
    } else if (cp <= 0xffff) {
      out[offset++] = 0xe0 | (cp >> 12);
      out[offset++] = 0x80 | ((cp >> 6) & 0x3f);
      out[offset++] = 0x80 | (cp & 0x3f);
    } else {
      out[offset++] = 0xf0 | (cp >> 18);
      out[offset++] = 0x80 | ((cp >> 12) & 0x3f);
      out[offset++] = 0x80 | ((cp >> 6) & 0x3f);
      out[offset++] = 0x80 | (cp & 0x3f);
    }
  }
  return offset;
}
