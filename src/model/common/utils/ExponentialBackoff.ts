/**
 * Exponential backoff with jitter (KIP-580), as org.apache.kafka.common.utils.ExponentialBackoff:
 * backoff(n) = min(trunc(U[1 − jitter, 1 + jitter) × initial × multiplier^min(n, expMax)), max), where
 * expMax = log(max / initial) / log(multiplier); a constant `max` when initial ≥ max.
 * The random source is passed in (the simulation's seeded Random) instead of ThreadLocalRandom.
 */

/** What backoff() needs from a random source: a double in [0, 1). */
export interface DoubleSource {
  nextDouble(): number;
}

/** Java's Double.MIN_NORMAL: jitter below it means "no jitter" and draws no random number. */
const DOUBLE_MIN_NORMAL = 2.2250738585072014e-308;

export class ExponentialBackoff {
  readonly initialMs: number;
  readonly multiplier: number;
  readonly maxMs: number;
  readonly jitter: number;
  readonly expMax: number;

  /** Throws (as Kafka's IllegalArgumentException) when jitter is outside [0, 1]. */
  constructor(initialMs: number, multiplier = 2, maxMs: number, jitter = 0.2) {
    if (jitter < 0 || jitter > 1) throw new Error('jitter must be between 0 and 1');
    this.initialMs = Math.min(maxMs, initialMs);
    this.multiplier = multiplier;
    this.maxMs = maxMs;
    this.jitter = jitter;
    // Kafka compares with the *requested* initial interval here, so initial > max gives a constant `max`.
    this.expMax =
      maxMs > initialMs ? Math.log(maxMs / Math.max(initialMs, 1)) / Math.log(multiplier) : 0;
  }

  /** Backoff in ms before attempt `attempts + 1` (0 → about initialMs). Draws one double unless jitter ≈ 0. */
  backoff(attempts: number, random: DoubleSource): number {
    if (this.expMax === 0) return this.initialMs;
    const exp = Math.min(attempts, this.expMax);
    const term = this.initialMs * this.multiplier ** exp;
    const randomFactor = this.jitter < DOUBLE_MIN_NORMAL ? 1 : this.randomFactor(random);
    return Math.min(Math.trunc(randomFactor * term), this.maxMs);
  }

  /** ThreadLocalRandom.nextDouble(1 − jitter, 1 + jitter), with Java's order of operations. */
  private randomFactor(random: DoubleSource): number {
    const origin = 1 - this.jitter;
    const bound = 1 + this.jitter;
    const r = random.nextDouble() * (bound - origin) + origin;
    // Java clamps to Math.nextDown(bound) when rounding lands on the bound.
    return r >= bound ? bound - bound * 2 ** -53 : r;
  }

  toString(): string {
    return `ExponentialBackoff{multiplier=${this.multiplier}, expMax=${this.expMax}, initialInterval=${this.initialMs}, jitter=${this.jitter}}`;
  }
}
