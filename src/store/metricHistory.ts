/**
 * The recent past of the producer's metrics, for the live charts: on every snapshot the store appends (nowMs, value)
 * for each charted Kafka metric into fixed-size rings of typed arrays (no object per sample). Points are thinned in
 * SIMULATED time, at most one per bucket, the bucket growing in powers of two with the visible span (the last
 * `windowMs`, or the whole run while it is shorter), so the charts follow the simulated clock at any speed and
 * stand still when it does. Sim time going back (a reset) or `clear()` (a newly loaded run) starts afresh.
 */
import type { RunSnapshot } from '../model/run/RunSnapshot';

/** The metrics the explorer charts, by their Kafka names (ProducerMetrics.peekSnapshot). */
export const CHARTED_METRICS: readonly string[] = [
  'record-send-rate',
  'outgoing-byte-rate',
  'batch-size-avg',
  'records-per-request-avg',
  'compression-rate-avg',
  'request-latency-avg',
  'record-queue-time-avg',
  'delivery-latency-p50',
  'delivery-latency-p99',
  'buffer-available-bytes',
  'requests-in-flight',
  'record-retry-rate',
  'record-error-rate',
];

/** What one sample needs of a snapshot (metrics may be missing: Kafka's NaN entries are left out). */
export type MetricSample = Pick<RunSnapshot, 'nowMs'> & {
  readonly metrics?: Readonly<Record<string, number>>;
};

export interface MetricHistoryOptions {
  /** Kafka metric names to keep (default CHARTED_METRICS). */
  readonly metrics?: readonly string[];
  /** The sliding window the charts show, simulated ms (default 10 s). */
  readonly windowMs?: number;
  /** Points wanted across the visible span; the bucket is the largest power of two ≤ span / this (default 300). */
  readonly pointsPerWindow?: number;
  /** Ring size in points; at least 2 × pointsPerWindow + 2, so a whole window always fits (default 1024). */
  readonly capacity?: number;
}

/** The finest bucket, simulated ms: a 1 ms linger watched in deep slow motion still gets many points. */
export const MIN_BUCKET_MS = 2 ** -10;

export class MetricHistory {
  readonly metrics: readonly string[];
  readonly windowMs: number;
  readonly pointsPerWindow: number;
  readonly capacity: number;
  private readonly slots: Map<string, number>;
  private readonly times: Float64Array;
  /** One ring per metric, parallel to `times`; NaN where the snapshot had no value. */
  private readonly values: Float64Array[];
  /** Physical index of the oldest point. */
  private head = 0;
  private count = 0;
  private firstMs = Number.NaN;
  private bucket = MIN_BUCKET_MS;
  private changes = 0;

  constructor(options: MetricHistoryOptions = {}) {
    this.metrics = options.metrics ?? CHARTED_METRICS;
    this.windowMs = options.windowMs ?? 10_000;
    this.pointsPerWindow = options.pointsPerWindow ?? 300;
    this.capacity = options.capacity ?? 1024;
    if (this.capacity < 2 * this.pointsPerWindow + 2) {
      throw new RangeError(
        `capacity ${this.capacity} cannot hold a window of ${this.pointsPerWindow} points`,
      );
    }
    this.slots = new Map(this.metrics.map((name, i) => [name, i]));
    this.times = new Float64Array(this.capacity);
    this.values = this.metrics.map(() => new Float64Array(this.capacity));
  }

  /** Increases on every change (append, clear): what a chart compares to know it must redraw. */
  get version(): number {
    return this.changes;
  }

  /** Points held, oldest first at index 0. */
  get size(): number {
    return this.count;
  }

  /** The current bucket width, simulated ms: no two points share one. */
  get bucketMs(): number {
    return this.bucket;
  }

  /** Simulated ms of the newest point (NaN when empty). */
  get lastMs(): number {
    return this.count === 0 ? Number.NaN : this.timeAt(this.count - 1);
  }

  /** Simulated ms of point `i` (0 = oldest). */
  timeAt(i: number): number {
    return this.times[(this.head + i) % this.capacity];
  }

  /** The index of `metric` in `metrics` (-1 when not kept): a faster key for valueAt in drawing loops. */
  slotOf(metric: string): number {
    return this.slots.get(metric) ?? -1;
  }

  /** Value of `metric` (a name, or its slotOf index) at point `i`; NaN when unknown. */
  valueAt(metric: string | number, i: number): number {
    const slot = typeof metric === 'number' ? metric : this.slotOf(metric);
    if (slot < 0 || slot >= this.values.length || i < 0 || i >= this.count) return Number.NaN;
    return this.values[slot][(this.head + i) % this.capacity];
  }

  /** The newest value of `metric` (NaN when none). */
  latest(metric: string): number {
    return this.valueAt(metric, this.count - 1);
  }

  /** The span the charts show: the last `windowMs` up to the newest point, or everything while shorter. */
  window(): { readonly fromMs: number; readonly toMs: number } {
    if (this.count === 0) return { fromMs: 0, toMs: 0 };
    const toMs = this.lastMs;
    return { fromMs: Math.max(this.firstMs, toMs - this.windowMs), toMs };
  }

  /**
   * The first point to draw for a window starting at `fromMs`: the last point before it when there is one, so the
   * line enters from the left edge instead of starting inside the chart.
   */
  firstIndexFrom(fromMs: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) < fromMs) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** Adds the snapshot's values at its nowMs (replacing the newest point when both fall in one bucket). */
  append(sample: MetricSample): void {
    const nowMs = sample.nowMs;
    if (!Number.isFinite(nowMs)) return;
    // A reset replays the same scenario from 0 ms without a `loaded`: only the clock going back tells.
    if (this.count > 0 && nowMs < this.lastMs) this.clear();
    const metrics = sample.metrics ?? {};
    if (this.count > 0 && nowMs === this.lastMs && this.sameAsLast(metrics)) return;
    if (this.count === 0) this.firstMs = nowMs;
    const bucket = this.bucketFor(Math.min(this.windowMs, nowMs - this.firstMs));
    if (bucket > this.bucket) {
      this.bucket = bucket;
      this.thin();
    }
    let slot: number;
    if (this.count > 0 && this.bucketOf(nowMs) === this.bucketOf(this.lastMs)) {
      slot = (this.head + this.count - 1) % this.capacity;
    } else if (this.count < this.capacity) {
      slot = (this.head + this.count) % this.capacity;
      this.count++;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.times[slot] = nowMs;
    for (let m = 0; m < this.metrics.length; m++) {
      this.values[m][slot] = metrics[this.metrics[m]] ?? Number.NaN;
    }
    this.changes++;
  }

  /** Forgets every point (a new run was loaded). */
  clear(): void {
    this.head = 0;
    this.count = 0;
    this.firstMs = Number.NaN;
    this.bucket = MIN_BUCKET_MS;
    this.changes++;
  }

  private bucketFor(spanMs: number): number {
    const ideal = spanMs / this.pointsPerWindow;
    if (!(ideal > MIN_BUCKET_MS)) return MIN_BUCKET_MS;
    return 2 ** Math.floor(Math.log2(ideal));
  }

  private bucketOf(ms: number): number {
    return Math.floor(ms / this.bucket);
  }

  private sameAsLast(metrics: Readonly<Record<string, number>>): boolean {
    const last = (this.head + this.count - 1) % this.capacity;
    for (let m = 0; m < this.metrics.length; m++) {
      if (!Object.is(this.values[m][last], metrics[this.metrics[m]] ?? Number.NaN)) return false;
    }
    return true;
  }

  /** After the bucket grew: keeps the newest point of each new bucket, compacted towards the oldest, in place. */
  private thin(): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const last = i === this.count - 1;
      if (!last && this.bucketOf(this.timeAt(i)) === this.bucketOf(this.timeAt(i + 1))) continue;
      if (kept !== i) {
        const from = (this.head + i) % this.capacity;
        const to = (this.head + kept) % this.capacity;
        this.times[to] = this.times[from];
        for (const ring of this.values) ring[to] = ring[from];
      }
      kept++;
    }
    this.count = kept;
  }
}
