/**
 * Compresses the records section of a batch with the codec and level a producer is configured with, producing the
 * framing Kafka's Java producer writes (see the codec files for what differs byte-wise). Mirrors the role of
 * org.apache.kafka.common.compress.Compression#wrapForOutput; leaves out streaming (one call per closed batch).
 * zstd needs `await initCompression()` once; the other codecs are synchronous pure JS.
 */
import { type CompressionType, effectiveLevel } from './CompressionType';
import { gzipCompress, gzipDecompress } from './GzipCodec';
import { lz4KafkaCompress, lz4KafkaDecompress } from './Lz4Codec';
import { snappyXerialCompress, snappyXerialDecompress } from './SnappyCodec';
import {
  initZstd,
  isZstdReady,
  type ZstdWasmSource,
  zstdCompress,
  zstdDecompress,
} from './ZstdCodec';

export type { ZstdWasmSource } from './ZstdCodec';

/**
 * Loads what needs loading (the zstd wasm) once; safe to call many times. In Node (Vitest, tsx) the package finds
 * its wasm file itself; a browser/worker build may pass the wasm URL or bytes.
 */
export function initCompression(wasmSource?: ZstdWasmSource): Promise<void> {
  return initZstd(wasmSource);
}

/** True once every codec can run synchronously (zstd loaded). */
export function isCompressionReady(): boolean {
  return isZstdReady();
}

/**
 * The compressed bytes of `bytes` (a batch's records section). `level` null → the codec default
 * (gzip 6, lz4 9, zstd 3); an out-of-range level throws Kafka's message. 'none' returns `bytes` itself.
 */
export function compress(
  type: CompressionType,
  level: number | null,
  bytes: Uint8Array,
): Uint8Array {
  switch (type) {
    case 'none':
      return bytes;
    case 'gzip':
      return gzipCompress(bytes, effectiveLevel('gzip', level) as number);
    case 'snappy':
      return snappyXerialCompress(bytes);
    case 'lz4':
      // Validated for Kafka's range, but lz4js has one (fast) compressor for every level.
      effectiveLevel('lz4', level);
      return lz4KafkaCompress(bytes);
    case 'zstd':
      return zstdCompress(bytes, effectiveLevel('zstd', level) as number);
  }
}

/** Inverse of compress(), for round-trip tests and inspectors. */
export function decompress(type: CompressionType, bytes: Uint8Array): Uint8Array {
  switch (type) {
    case 'none':
      return bytes;
    case 'gzip':
      return gzipDecompress(bytes);
    case 'snappy':
      return snappyXerialDecompress(bytes);
    case 'lz4':
      return lz4KafkaDecompress(bytes);
    case 'zstd':
      return zstdDecompress(bytes);
  }
}
