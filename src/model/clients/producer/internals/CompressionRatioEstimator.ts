/**
 * The producer's running estimate of how well a codec compresses the topic's records (compressed records section
 * / uncompressed records section), used to decide when a compressed batch is "full" (reference §2d.6).
 * Mirrors org.apache.kafka.common.record.CompressionRatioEstimator with Java float arithmetic (Math.fround).
 * Kafka keeps one static table per JVM; here each RecordAccumulator owns one, so runs stay independent.
 * Leaves out multiple topics (one topic per run).
 */
import { type CompressionType, compressionTypeId } from '../../../common/compress/CompressionType';

/** When a batch compresses better than expected, the estimate falls by at most this much. */
export const COMPRESSION_RATIO_IMPROVING_STEP = Math.fround(0.005);
/** When a batch compresses worse than expected, the estimate rises by at least this much. */
export const COMPRESSION_RATIO_DETERIORATE_STEP = Math.fround(0.05);
/** MemoryRecordsBuilder.COMPRESSION_RATE_ESTIMATION_FACTOR. */
export const COMPRESSION_RATE_ESTIMATION_FACTOR = Math.fround(1.05);

export class CompressionRatioEstimator {
  /** Indexed by codec id; every codec starts at 1.0 (Kafka 4.x). */
  private readonly ratios = [1, 1, 1, 1, 1];

  /** The current estimate for the codec. */
  estimation(type: CompressionType): number {
    return this.ratios[compressionTypeId(type)];
  }

  /**
   * Fold in a closed batch's observed ratio: a worse ratio lifts the estimate by at least 0.05, a better one
   * lowers it by at most 0.005, and it never ends below the observed value. Returns the new estimate.
   */
  updateEstimation(type: CompressionType, observedRatio: number): number {
    const id = compressionTypeId(type);
    const current = this.ratios[id];
    const observed = Math.fround(observedRatio);
    if (observed > current) {
      this.ratios[id] = Math.max(
        Math.fround(current + COMPRESSION_RATIO_DETERIORATE_STEP),
        observed,
      );
    } else if (observed < current) {
      this.ratios[id] = Math.max(Math.fround(current - COMPRESSION_RATIO_IMPROVING_STEP), observed);
    }
    return this.ratios[id];
  }

  /** Overwrite the estimate (used when a batch had to be split). */
  setEstimation(type: CompressionType, ratio: number): void {
    this.ratios[compressionTypeId(type)] = Math.fround(ratio);
  }

  /** Back to 1.0 for every codec. */
  resetEstimation(): void {
    this.ratios.fill(1);
  }
}
