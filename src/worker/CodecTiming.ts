/**
 * Times the real codec on a representative batch with the worker's wall clock: the comparison table's CPU column.
 * The model has no wall clock, so this lives in the worker. These are the JavaScript/wasm codecs this page runs
 * (pako, snappyjs, lz4js, zstd-wasm), not Kafka's native and Java ones: only their ranking carries over.
 */
import { compress } from '../model/common/compress/Compression';
import type { CompressionType } from '../model/common/compress/CompressionType';
import type { CodecCpu } from '../model/run/Comparison';

/** Untimed calls first, at least this long (wall ms): a cold codec (JIT, tables) runs many times slower. */
const WARM_UP_MS = 15;
/** Repeat the codec at least this long (wall ms) and this often, so one slow call does not decide. */
const MIN_TIMED_MS = 40;
const MIN_REPETITIONS = 3;
const MAX_REPETITIONS = 400;
const KIB16 = 16 * 1024;

/**
 * Compress speed of `codec` at `level` (null = the codec's default) on `payload`, timed with `nowMs` (wall ms).
 * Untimed calls first, so the codec's set-up (tables, JIT) is not counted.
 */
export function timeCodec(
  codec: CompressionType,
  level: number | null,
  payload: Uint8Array,
  nowMs: () => number,
): CodecCpu {
  const compressed = compress(codec, level, payload);
  const ratio = compressed.length > 0 ? payload.length / compressed.length : 1;
  if (codec === 'none') {
    return {
      codec,
      level,
      payloadBytes: payload.length,
      compressMBps: null,
      microsPer16KiB: 0,
      ratio,
    };
  }
  const warmUntilMs = nowMs() + WARM_UP_MS;
  for (let i = 0; i < MAX_REPETITIONS && (i < MIN_REPETITIONS || nowMs() < warmUntilMs); i++) {
    compress(codec, level, payload);
  }
  let repetitions = 0;
  const startMs = nowMs();
  let elapsedMs = 0;
  while (
    repetitions < MAX_REPETITIONS &&
    (repetitions < MIN_REPETITIONS || elapsedMs < MIN_TIMED_MS)
  ) {
    compress(codec, level, payload);
    repetitions++;
    elapsedMs = nowMs() - startMs;
  }
  // A clock too coarse to see the work (or a fake one) still gives a finite figure.
  const seconds = Math.max(elapsedMs, 0.001) / 1000;
  const bytes = payload.length * repetitions;
  return {
    codec,
    level,
    payloadBytes: payload.length,
    compressMBps: bytes / (1024 * 1024) / seconds,
    microsPer16KiB: ((seconds * 1e6) / bytes) * KIB16,
    ratio,
  };
}
