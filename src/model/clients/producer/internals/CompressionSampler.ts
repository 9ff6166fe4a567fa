/**
 * Decides which closed batches are compressed with the real codec and which get a size from the ratio measured
 * on recent ones, so a run keeps ~1M records/s while sizes still come from real compression of the run's data.
 * Simulation-only (Kafka compresses every batch). Deterministic: the choice depends only on batch order and size.
 * Left out: any model of how the ratio depends on batch size beyond measuring batches of unusual size.
 */

export interface CompressionSamplerOptions {
  /** The first batches are always measured (default 8). */
  warmupBatches?: number;
  /** After warm-up one batch in `samplePeriod` is measured (default 32; 1 = every batch). */
  samplePeriod?: number;
  /** How many recent measurements make up the ratio (default 16). */
  window?: number;
}

export class CompressionSampler {
  readonly warmupBatches: number;
  readonly samplePeriod: number;
  private readonly window: number;
  private readonly uncompressed: number[] = [];
  private readonly compressed: number[] = [];
  private next = 0;
  private sumUncompressed = 0;
  private sumCompressed = 0;
  private minSize = Number.POSITIVE_INFINITY;
  private maxSize = 0;
  private batches = 0;
  /** Batches compressed with the real codec. */
  measuredBatches = 0;
  /** Batches whose size came from the sampled ratio. */
  estimatedBatches = 0;

  constructor(options: CompressionSamplerOptions = {}) {
    this.warmupBatches = Math.max(1, options.warmupBatches ?? 8);
    this.samplePeriod = Math.max(1, options.samplePeriod ?? 32);
    this.window = Math.max(1, options.window ?? 16);
  }

  /**
   * Whether the next closed batch (records section of `uncompressedBytes`) must be compressed for real: during
   * warm-up, every `samplePeriod`-th batch, and any batch far outside the sizes measured recently (small batches
   * compress worse, so a ratio from big ones would flatter them).
   */
  shouldMeasure(uncompressedBytes: number): boolean {
    this.batches++;
    if (this.samplePeriod === 1 || this.measuredBatches < this.warmupBatches) return true;
    if (this.batches % this.samplePeriod === 0) return true;
    return uncompressedBytes < this.minSize / 2 || uncompressedBytes > this.maxSize * 2;
  }

  /** Remember a real measurement. */
  record(uncompressedBytes: number, compressedBytes: number): void {
    this.measuredBatches++;
    if (this.uncompressed.length < this.window) {
      this.uncompressed.push(uncompressedBytes);
      this.compressed.push(compressedBytes);
    } else {
      this.sumUncompressed -= this.uncompressed[this.next];
      this.sumCompressed -= this.compressed[this.next];
      this.uncompressed[this.next] = uncompressedBytes;
      this.compressed[this.next] = compressedBytes;
      this.next = (this.next + 1) % this.window;
    }
    this.sumUncompressed += uncompressedBytes;
    this.sumCompressed += compressedBytes;
    this.minSize = Math.min(...this.uncompressed);
    this.maxSize = Math.max(...this.uncompressed);
  }

  /** Compressed / uncompressed over the recent measurements (1 before any). */
  sampledRatio(): number {
    return this.sumUncompressed > 0 ? this.sumCompressed / this.sumUncompressed : 1;
  }

  /** The compressed size to use for a batch that is not measured (at least 1 byte). */
  estimateCompressedSize(uncompressedBytes: number): number {
    this.estimatedBatches++;
    return Math.max(1, Math.round(uncompressedBytes * this.sampledRatio()));
  }
}
