/**
 * A deterministic, constant-memory, log-bucketed histogram for latency percentiles (the explorer's
 * `delivery-latency-p50/-p99`). Bucket bounds grow by γ = (1 + α) / (1 − α) with α = 0.005, and a value is
 * reported as the bucket's midpoint 2γ^i / (γ + 1), so every estimate is within 0.5 % of the value that fell in
 * the bucket (DDSketch's construction), well inside the 1 % the explorer promises.
 * Simulation-only: Kafka's Percentiles stat uses linear/constant buckets over a fixed range; we do not copy it
 * because its error is unbounded for long-tailed latencies. Leaves out merging and deletion.
 */
export class Histogram {
  /** Relative accuracy of a reported percentile (0.5 %). */
  static readonly RELATIVE_ACCURACY = 0.005;
  private static readonly GAMMA =
    (1 + Histogram.RELATIVE_ACCURACY) / (1 - Histogram.RELATIVE_ACCURACY);
  private static readonly LOG_GAMMA = Math.log(Histogram.GAMMA);
  /** Smallest value kept apart from zero; smaller non-negative values count as 0 (1 ns in ms). */
  static readonly MIN_VALUE = 1e-6;
  /** Largest bucketed value (~11.6 days in ms); larger values are clamped into the last bucket. */
  static readonly MAX_VALUE = 1e9;
  private static readonly MIN_INDEX = Math.ceil(
    Math.log(Histogram.MIN_VALUE) / Histogram.LOG_GAMMA,
  );
  private static readonly MAX_INDEX = Math.ceil(
    Math.log(Histogram.MAX_VALUE) / Histogram.LOG_GAMMA,
  );

  private readonly counts = new Float64Array(Histogram.MAX_INDEX - Histogram.MIN_INDEX + 1);
  private zeroCount = 0;
  private countValue = 0;
  private sumValue = 0;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = Number.NEGATIVE_INFINITY;

  /** Records one value (ms or any non-negative unit); negative values are treated as 0. */
  record(value: number): void {
    const v = Math.max(value, 0);
    this.countValue++;
    this.sumValue += v;
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    if (v < Histogram.MIN_VALUE) {
      this.zeroCount++;
      return;
    }
    let index = Math.ceil(Math.log(v) / Histogram.LOG_GAMMA);
    if (index > Histogram.MAX_INDEX) index = Histogram.MAX_INDEX;
    else if (index < Histogram.MIN_INDEX) index = Histogram.MIN_INDEX;
    this.counts[index - Histogram.MIN_INDEX]++;
  }

  get count(): number {
    return this.countValue;
  }

  /** Exact sum of recorded values. */
  get sum(): number {
    return this.sumValue;
  }

  /** Exact minimum, NaN when empty. */
  get min(): number {
    return this.countValue === 0 ? Number.NaN : this.minValue;
  }

  /** Exact maximum, NaN when empty. */
  get max(): number {
    return this.countValue === 0 ? Number.NaN : this.maxValue;
  }

  /** Exact mean, NaN when empty. */
  get mean(): number {
    return this.countValue === 0 ? Number.NaN : this.sumValue / this.countValue;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) by nearest rank (the ⌈q·n⌉-th smallest value), within RELATIVE_ACCURACY of the
   * exact one; NaN when empty. The smallest and largest ranks return the exact min and max.
   */
  quantile(q: number): number {
    const n = this.countValue;
    if (n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * n));
    if (rank === 1) return this.minValue;
    if (rank >= n) return this.maxValue;
    let seen = this.zeroCount;
    if (seen >= rank) return this.clamp(0);
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        const index = i + Histogram.MIN_INDEX;
        const estimate = (2 * Histogram.GAMMA ** index) / (Histogram.GAMMA + 1);
        return this.clamp(estimate);
      }
    }
    return this.maxValue;
  }

  reset(): void {
    this.counts.fill(0);
    this.zeroCount = 0;
    this.countValue = 0;
    this.sumValue = 0;
    this.minValue = Number.POSITIVE_INFINITY;
    this.maxValue = Number.NEGATIVE_INFINITY;
  }

  private clamp(v: number): number {
    if (v < this.minValue) return this.minValue;
    if (v > this.maxValue) return this.maxValue;
    return v;
  }
}
