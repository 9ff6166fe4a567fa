/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of RecordBatch v2 headers; mirrors
 * org.apache.kafka.common.utils.Crc32C. Table-driven, slicing-by-8 so checksumming whole batches stays cheap.
 * Leaves out the Checksum-object API (update/reset): one call over a byte range.
 */

const POLY = 0x82f63b78;
const TABLES = buildTables();

function buildTables(): Int32Array {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

/** CRC-32C of `bytes[offset, offset + length)`, as an unsigned 32-bit number. */
export function crc32c(bytes: Uint8Array, offset = 0, length = bytes.length - offset): number {
  const t = TABLES;
  let crc = -1;
  let i = offset;
  const end = offset + length;
  const end8 = end - 7;
  while (i < end8) {
    const lo = crc ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    crc =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + bytes[i + 4]] ^
      t[512 + bytes[i + 5]] ^
      t[256 + bytes[i + 6]] ^
      t[bytes[i + 7]];
    i += 8;
  }
  while (i < end) crc = t[(crc ^ bytes[i++]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
