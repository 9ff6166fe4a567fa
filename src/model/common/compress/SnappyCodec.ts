/**
 * snappy as Kafka's SnappyCompression writes it: org.xerial.snappy.SnappyOutputStream framing — a 16-byte header
 * (magic 0x82 "SNAPPY" 0x00, version 1, compatible version 1, big-endian ints), then for each 32 KiB chunk of input a
 * 4-byte big-endian compressed length and a raw snappy block. Blocks come from snappyjs, a port of the C++ snappy
 * compressor that snappy-java wraps; its bytes are not guaranteed identical to a given native snappy release.
 */
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappyjs';

export const SNAPPY_BLOCK_SIZE = 32 * 1024;
export const XERIAL_HEADER = Uint8Array.of(
  0x82,
  0x53,
  0x4e,
  0x41,
  0x50,
  0x50,
  0x59,
  0,
  0,
  0,
  0,
  1,
  0,
  0,
  0,
  1,
);
const HEADER_SIZE = XERIAL_HEADER.length;

export function snappyXerialCompress(bytes: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  let total = HEADER_SIZE;
  for (let off = 0; off < bytes.length; off += SNAPPY_BLOCK_SIZE) {
    const block = snappyCompress(
      bytes.subarray(off, Math.min(off + SNAPPY_BLOCK_SIZE, bytes.length)),
    );
    blocks.push(block);
    total += 4 + block.length;
  }
  const out = new Uint8Array(total);
  out.set(XERIAL_HEADER, 0);
  const view = new DataView(out.buffer);
  let pos = HEADER_SIZE;
  for (const block of blocks) {
    view.setInt32(pos, block.length);
    out.set(block, pos + 4);
    pos += 4 + block.length;
  }
  return out;
}

export function snappyXerialDecompress(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== XERIAL_HEADER[i])
      throw new Error('Not a xerial snappy stream (bad magic header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let total = 0;
  let pos = HEADER_SIZE;
  while (pos < bytes.length) {
    const len = view.getInt32(pos);
    const part = snappyUncompress(bytes.subarray(pos + 4, pos + 4 + len));
    parts.push(part);
    total += part.length;
    pos += 4 + len;
  }
  return concat(parts, total);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
