/**
 * lz4 as Kafka's Lz4BlockOutputStream (formerly KafkaLZ4BlockOutputStream) writes it for magic v2: LZ4 frame with
 * FLG 0x60 (version 1, independent blocks, no checksums, no content size), BD 0x40 (64 KiB blocks), header checksum
 * byte 0x82, then per 64 KiB of input a little-endian length (high bit set = stored uncompressed, used when the
 * compressed form is not smaller) and the block, then a zero end mark. Blocks come from lz4js's compressBlock, a
 * greedy LZ4 "fast" compressor: Kafka's default level 9 also uses lz4-java's fast compressor, but the two match
 * finders differ, so bytes (not the format) differ; other levels use LZ4-HC in Kafka, not modelled here.
 */
import * as lz4js from 'lz4js';

interface Lz4jsBlockApi {
  compressBlock(
    src: Uint8Array,
    dst: Uint8Array,
    sIndex: number,
    sLength: number,
    hashTable: Uint32Array,
  ): number;
  decompress(src: Uint8Array, maxSize?: number): Uint8Array;
}

const lz4 = lz4js as unknown as Lz4jsBlockApi;

export const LZ4_BLOCK_SIZE = 64 * 1024;
/** Magic 0x184D2204 (little-endian), FLG, BD and HC = (xxh32(FLG BD, seed 0) >> 8) & 0xFF. */
export const KAFKA_LZ4_FRAME_HEADER = Uint8Array.of(0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82);
const INCOMPRESSIBLE = 0x80000000;

// Scratch space reused across calls so a batch compresses without per-block allocation.
const hashTable = new Uint32Array(1 << 16);
const blockBuffer = new Uint8Array(LZ4_BLOCK_SIZE + Math.ceil(LZ4_BLOCK_SIZE / 255) + 16);

export function lz4KafkaCompress(bytes: Uint8Array): Uint8Array {
  const blocks = Math.ceil(bytes.length / LZ4_BLOCK_SIZE);
  const out = new Uint8Array(KAFKA_LZ4_FRAME_HEADER.length + blocks * (4 + LZ4_BLOCK_SIZE) + 4);
  out.set(KAFKA_LZ4_FRAME_HEADER, 0);
  let pos = KAFKA_LZ4_FRAME_HEADER.length;
  for (let off = 0; off < bytes.length; off += LZ4_BLOCK_SIZE) {
    const block = bytes.subarray(off, Math.min(off + LZ4_BLOCK_SIZE, bytes.length));
    // Independent blocks: every block starts with an empty match table.
    hashTable.fill(0);
    const compressed = lz4.compressBlock(block, blockBuffer, 0, block.length, hashTable);
    if (compressed === 0 || compressed >= block.length) {
      pos = writeIntLE(out, pos, (block.length | INCOMPRESSIBLE) >>> 0);
      out.set(block, pos);
      pos += block.length;
    } else {
      pos = writeIntLE(out, pos, compressed);
      out.set(blockBuffer.subarray(0, compressed), pos);
      pos += compressed;
    }
  }
  pos = writeIntLE(out, pos, 0);
  return out.slice(0, pos);
}

export function lz4KafkaDecompress(bytes: Uint8Array): Uint8Array {
  return lz4.decompress(bytes);
}

function writeIntLE(out: Uint8Array, pos: number, v: number): number {
  out[pos] = v & 0xff;
  out[pos + 1] = (v >>> 8) & 0xff;
  out[pos + 2] = (v >>> 16) & 0xff;
  out[pos + 3] = (v >>> 24) & 0xff;
  return pos + 4;
}
