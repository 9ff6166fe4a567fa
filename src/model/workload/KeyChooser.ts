/**
 * Which key each simulated send carries: none (null keys), N distinct keys drawn uniformly, by Zipf's law, or with
 * one hot key, or an explicit list. Simulation-only. Keys are Strings (StringSerializer → UTF-8); each distinct key
 * is built and encoded once, on first use.
 */
import { encodeUtf8 } from '../common/utils/Utf8';
import type { Random } from '../engine/Random';

export type KeyDistribution = 'uniform' | 'zipf' | 'hot';

export interface KeyChooserOptions {
  /** Distinct keys; 0 means null keys. Ignored when `list` is given. */
  readonly keys: number;
  readonly prefix: string;
  readonly list: readonly string[] | null;
  readonly distribution: KeyDistribution;
  /** Zipf exponent s (P(k) ∝ 1/k^s). */
  readonly zipfS: number;
  /** With `hot`: the share of sends that carry the hottest key. */
  readonly hotFraction: number;
}

export class KeyChooser {
  readonly count: number;
  private readonly names: (string | undefined)[];
  private readonly bytes: (Uint8Array | undefined)[];
  private readonly cdf: Float64Array | null;

  constructor(
    private readonly options: KeyChooserOptions,
    private readonly random: Random,
  ) {
    this.count = options.list ? options.list.length : options.keys;
    this.names = options.list ? [...options.list] : [];
    this.bytes = [];
    this.cdf =
      options.distribution === 'zipf' && this.count > 1 ? zipfCdf(this.count, options.zipfS) : null;
  }

  /** Index of the next key, or -1 for a null key. */
  nextIndex(): number {
    const n = this.count;
    if (n === 0) return -1;
    if (n === 1) return 0;
    if (this.cdf) return searchCdf(this.cdf, this.random.nextDouble());
    if (this.options.distribution === 'hot') {
      if (this.random.nextDouble() < this.options.hotFraction) return 0;
      return 1 + this.random.nextIntBelow(n - 1);
    }
    return this.random.nextIntBelow(n);
  }

  name(index: number): string {
    let name = this.names[index];
    if (name === undefined) {
      name = `${this.options.prefix}${index}`;
      this.names[index] = name;
    }
    return name;
  }

  /** UTF-8 bytes of the key (shared: never mutate). */
  keyBytes(index: number): Uint8Array {
    let b = this.bytes[index];
    if (b === undefined) {
      b = encodeUtf8(this.name(index));
      this.bytes[index] = b;
    }
    return b;
  }
}

function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cdf[k] = sum;
  }
  for (let k = 0; k < n; k++) cdf[k] /= sum;
  return cdf;
}

/** First index whose cumulative probability exceeds u. */
function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
