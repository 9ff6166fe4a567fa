/**
 * Kafka's windowed statistics (`org.apache.kafka.common.metrics.stats`): SampledStat with its Avg, Max,
 * WindowedSum and WindowedCount flavours, and Rate over a SampledStat, with the 4.x window maths (apache/kafka
 * PR #15889, 2024: samples keep `startTimeMs` and `lastEventMs`, one extra sample is kept so a sample that
 * overlaps the monitored window is not purged, Rate's window = now − oldest sample start, padded to
 * `samples − 1` full windows). Sample slots live in typed arrays, so recording allocates nothing.
 * Leaves out event-count windows (`metrics.sample.window` by events is Long.MAX in the producer), quotas and
 * the Sensor/MetricName registry (ProducerMetrics names things itself).
 */

/** `metrics.num.samples` and `metrics.sample.window.ms` (producer defaults 2 and 30000). */
export interface MetricConfig {
  readonly samples: number;
  readonly timeWindowMs: number;
}

export const DEFAULT_METRIC_CONFIG: MetricConfig = { samples: 2, timeWindowMs: 30_000 };

export type SampledStatKind = 'sum' | 'count' | 'avg' | 'max';

/** One SampledStat: records values into rotating time samples; `measure` combines the live ones. */
export class SampledStat {
  private readonly maxSamples: number;
  private readonly value: Float64Array;
  private readonly eventCount: Float64Array;
  private readonly startTimeMs: Float64Array;
  private readonly lastEventMs: Float64Array;
  private readonly initialValue: number;
  private size = 0;
  private current = 0;

  constructor(
    readonly kind: SampledStatKind,
    readonly config: MetricConfig = DEFAULT_METRIC_CONFIG,
  ) {
    // Kafka keeps samples + 1 slots: see purgeObsoleteSamples.
    this.maxSamples = config.samples + 1;
    this.value = new Float64Array(this.maxSamples);
    this.eventCount = new Float64Array(this.maxSamples);
    this.startTimeMs = new Float64Array(this.maxSamples);
    this.lastEventMs = new Float64Array(this.maxSamples);
    this.initialValue = kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
  }

  record(value: number, timeMs: number): void {
    let i = this.currentSample(timeMs);
    if (timeMs - this.startTimeMs[i] >= this.config.timeWindowMs) i = this.advance(timeMs);
    switch (this.kind) {
      case 'sum':
      case 'avg':
        this.value[i] += value;
        break;
      case 'count':
        this.value[i] += 1;
        break;
      case 'max':
        if (value > this.value[i]) this.value[i] = value;
        break;
    }
    this.eventCount[i] += 1;
    this.lastEventMs[i] = timeMs;
  }

  /** The combined value over live samples: sum/count total, avg (NaN if none), max (NaN if none). */
  measure(nowMs: number): number {
    this.purgeObsoleteSamples(nowMs);
    let total = 0;
    let events = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      total += this.value[i];
      events += this.eventCount[i];
      if (this.value[i] > max) max = this.value[i];
    }
    return this.combine(total, events, max);
  }

  /**
   * What measure(nowMs) would return, without purging or creating samples: a reader (the explorer's snapshots)
   * that must leave later measurements exactly as they would have been.
   */
  peek(nowMs: number): number {
    const expireAge = this.config.samples * this.config.timeWindowMs;
    let total = 0;
    let events = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      const purged = nowMs - this.lastEventMs[i] >= expireAge;
      const value = purged ? this.initialValue : this.value[i];
      total += value;
      events += purged ? 0 : this.eventCount[i];
      if (value > max) max = value;
    }
    return this.combine(total, events, max);
  }

  /** Kafka's combine() for this stat's kind over the live samples' totals. */
  private combine(total: number, events: number, max: number): number {
    switch (this.kind) {
      case 'sum':
      case 'count':
        return total;
      case 'avg':
        return events === 0 ? Number.NaN : total / events;
      case 'max':
        return events === 0 ? Number.NaN : max;
    }
  }

  /** What oldestStartMs(nowMs) would return after a purge, without purging or creating a sample. */
  peekOldestStartMs(nowMs: number): number {
    if (this.size === 0) return nowMs;
    const expireAge = this.config.samples * this.config.timeWindowMs;
    let oldest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      const start = nowMs - this.lastEventMs[i] >= expireAge ? nowMs : this.startTimeMs[i];
      if (start < oldest) oldest = start;
    }
    return oldest;
  }

  /** Start of the oldest live sample (creates the first sample at `nowMs` if none, as Kafka's oldest() does). */
  oldestStartMs(nowMs: number): number {
    if (this.size === 0) this.addSample(nowMs);
    let oldest = this.startTimeMs[0];
    for (let i = 1; i < this.size; i++)
      if (this.startTimeMs[i] < oldest) oldest = this.startTimeMs[i];
    return oldest;
  }

  /** Samples whose last event is older than samples × window are reset; overlapping ones are kept. */
  purgeObsoleteSamples(nowMs: number): void {
    const expireAge = this.config.samples * this.config.timeWindowMs;
    for (let i = 0; i < this.size; i++) {
      if (nowMs - this.lastEventMs[i] >= expireAge) this.reset(i, nowMs);
    }
  }

  private currentSample(timeMs: number): number {
    if (this.size === 0) this.addSample(timeMs);
    return this.current;
  }

  private advance(timeMs: number): number {
    this.current = (this.current + 1) % this.maxSamples;
    if (this.current >= this.size) this.addSample(timeMs);
    else this.reset(this.current, timeMs);
    return this.current;
  }

  private addSample(timeMs: number): void {
    this.reset(this.size, timeMs);
    this.size++;
  }

  private reset(i: number, nowMs: number): void {
    this.value[i] = this.initialValue;
    this.eventCount[i] = 0;
    this.startTimeMs[i] = nowMs;
    this.lastEventMs[i] = nowMs;
  }
}

/**
 * Kafka's Rate: a windowed sum (or count) divided by the elapsed window in `unitMs` (1000 for per-second rates,
 * 1e-6 for Kafka's NANOSECONDS unit, which turns recorded ns into a time ratio).
 */
export class Rate {
  readonly stat: SampledStat;

  constructor(
    kind: 'sum' | 'count' = 'sum',
    readonly config: MetricConfig = DEFAULT_METRIC_CONFIG,
    private readonly unitMs = 1000,
  ) {
    this.stat = new SampledStat(kind, config);
  }

  record(value: number, timeMs: number): void {
    this.stat.record(value, timeMs);
  }

  measure(nowMs: number): number {
    const value = this.stat.measure(nowMs);
    return value / (this.windowSizeMs(nowMs) / this.unitMs);
  }

  /** What measure(nowMs) would return, leaving the samples untouched (see SampledStat.peek). */
  peek(nowMs: number): number {
    return (
      this.stat.peek(nowMs) /
      (this.paddedWindowMs(nowMs, this.stat.peekOldestStartMs(nowMs)) / this.unitMs)
    );
  }

  /**
   * Elapsed time since the oldest live sample began; before `samples − 1` whole windows have passed it is padded
   * with the missing windows, so the first seconds do not report an inflated rate.
   */
  windowSizeMs(nowMs: number): number {
    this.stat.purgeObsoleteSamples(nowMs);
    return this.paddedWindowMs(nowMs, this.stat.oldestStartMs(nowMs));
  }

  private paddedWindowMs(nowMs: number, oldestStartMs: number): number {
    let totalElapsedTimeMs = nowMs - oldestStartMs;
    const window = this.config.timeWindowMs;
    const numFullWindows = Math.floor(totalElapsedTimeMs / window);
    const minFullWindows = this.config.samples - 1;
    if (numFullWindows < minFullWindows) {
      totalElapsedTimeMs += (minFullWindows - numFullWindows) * window;
    }
    return totalElapsedTimeMs;
  }
}
