/**
 * Seeded pseudo-random numbers for the simulation (xoshiro128**, seeded through splitmix32).
 * Plays the role of java.util.Random / ThreadLocalRandom in the Kafka code paths; not Java's LCG, so draws differ
 * from a real JVM, but the same seed always gives the same run. `fork(label)` derives an independent stream.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed | 0;
    let s = this.seed;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** A signed 32-bit integer, uniformly distributed (like Java's `Random.nextInt()`). */
  nextInt(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result | 0;
  }

  /** An integer in [0, n), n ≥ 1. */
  nextIntBelow(n: number): number {
    return Math.floor(this.nextDouble() * n);
  }

  /** A double in [0, 1). */
  nextDouble(): number {
    return (this.nextInt() >>> 0) / 4294967296;
  }

  /** An independent stream derived from this generator's seed and a label (does not advance this stream). */
  fork(label: string): Random {
    let h = this.seed ^ 0x5bd1e995;
    for (let i = 0; i < label.length; i++) {
      h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    }
    return new Random(h ^ (h >>> 15));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
