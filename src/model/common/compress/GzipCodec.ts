/**
 * gzip as Kafka's GzipCompression writes it: java.util.zip.GZIPOutputStream (via Kafka's GzipOutputStream) at the
 * configured level. The deflate stream comes from pako with zlib's classic hash (legacyHash), windowBits 15,
 * memLevel 8, default strategy — the parameters Java's Deflater uses — and the 10-byte header is patched to what the
 * JDK writes (XFL 0, OS 255 = unknown, JDK 16+; older JDKs wrote OS 0). Leaves out Kafka's buffer sizes (8 KiB
 * deflater output, 16 KiB input), which do not change the bytes.
 */
import { gzip, inflate } from 'pako';

/** Byte offsets of the gzip header's XFL and OS fields. */
const XFL_OFFSET = 8;
const OS_OFFSET = 9;
const JDK_OS_UNKNOWN = 0xff;

/** GZIP bytes of `bytes` at zlib `level` (1..9; −1 = 6). */
export function gzipCompress(bytes: Uint8Array, level: number): Uint8Array {
  const out = gzip(bytes, { level, windowBits: 15, memLevel: 8, legacyHash: true });
  // zlib sets XFL from the level (2 for 9, 4 for 1); the JDK always writes 0.
  out[XFL_OFFSET] = 0;
  out[OS_OFFSET] = JDK_OS_UNKNOWN;
  return out;
}

export function gzipDecompress(bytes: Uint8Array): Uint8Array {
  return inflate(bytes);
}
