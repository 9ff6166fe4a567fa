/**
 * The producer's `producer-metrics` group under the Java client's names: what Sender.SenderMetrics, BufferPool
 * and the network Selector record, computed with Kafka's windowed stats (2 samples × 30 s by default), plus the
 * explorer's `delivery-latency-p50/-p99/-max` (send → callback, ms) from a log-bucketed histogram. Every value is
 * also kept for the whole run (`runSnapshot`), because a 60 s window hides what happened earlier in a long run.
 * Mirrors SenderMetricsRegistry + Sender.SenderMetrics (and BufferPool/Selector sensors); leaves out per-topic and
 * per-node metrics, metadata-age, connection/authentication/io metrics and txn timers.
 *
 * Kafka definitions kept on purpose (they surprise people):
 * - record-send-* counts records per drained request (retried batches count again), not per send() call.
 * - batch-size-* is the closed (compressed, on-the-wire) size of each drained batch; one value per partition
 *   per request.
 * - record-size-* records each drained batch's *largest* record, so record-size-avg is the mean of per-batch
 *   maxima (Kafka's doc says "average record size"; the code records batch.maxRecordSize).
 * - record-queue-time-* is per drained batch: drain time − batch creation (first append).
 * - compression-rate-avg is the mean of per-batch compressed/uncompressed ratios (1 without compression).
 * - bufferpool-wait-time-ns-total is in NANOSECONDS (Kafka's unit; 3.x called it bufferpool-wait-time-total,
 *   also in ns, removed in 4.0; both names are reported). bufferpool-wait-ratio is that ns rate as a fraction.
 * - Avg/max with no events in the window are NaN, as Kafka reports them (JSON turns NaN into null).
 */
import { Histogram } from './Histogram';
import { DEFAULT_METRIC_CONFIG, type MetricConfig, Rate, SampledStat } from './SampledStat';

/** A Kafka Meter: a windowed Rate and a cumulative total of the same recorded values. */
class Meter {
  readonly rate: Rate;
  total = 0;

  constructor(
    private readonly countOnly: boolean,
    config: MetricConfig,
    unitMs = 1000,
  ) {
    this.rate = new Rate(countOnly ? 'count' : 'sum', config, unitMs);
  }

  record(value: number, nowMs: number): void {
    this.rate.record(value, nowMs);
    this.total += this.countOnly ? 1 : value;
  }
}

/** Avg (+ optional Max) of one sensor, windowed and over the whole run. */
class AvgMax {
  readonly avg: SampledStat;
  readonly max: SampledStat;
  runSum = 0;
  runCount = 0;
  runMax = Number.NEGATIVE_INFINITY;

  constructor(config: MetricConfig) {
    this.avg = new SampledStat('avg', config);
    this.max = new SampledStat('max', config);
  }

  record(value: number, nowMs: number): void {
    this.avg.record(value, nowMs);
    this.max.record(value, nowMs);
    this.runSum += value;
    this.runCount++;
    if (value > this.runMax) this.runMax = value;
  }

  runAvg(): number {
    return this.runCount === 0 ? Number.NaN : this.runSum / this.runCount;
  }

  runMaximum(): number {
    return this.runCount === 0 ? Number.NaN : this.runMax;
  }
}

/** Live values the metrics read when a snapshot is taken (Kafka registers these as gauges). */
export interface ProducerGauges {
  /** BufferPool.availableMemory(): free pooled + non-pooled bytes. */
  bufferAvailableBytes(): number;
  /** buffer.memory. */
  bufferTotalBytes(): number;
  /** BufferPool.queued(): appenders blocked waiting for memory. */
  waitingThreads(): number;
  /** NetworkClient.inFlightRequestCount(). */
  requestsInFlight(): number;
}

const NO_GAUGES: ProducerGauges = {
  bufferAvailableBytes: () => 0,
  bufferTotalBytes: () => 0,
  waitingThreads: () => 0,
  requestsInFlight: () => 0,
};

export class ProducerMetrics {
  readonly config: MetricConfig;
  private gauges: ProducerGauges = NO_GAUGES;

  private readonly recordSend: Meter;
  private readonly recordError: Meter;
  private readonly recordRetry: Meter;
  private readonly request: Meter;
  private readonly outgoingBytes: Meter;
  private readonly batchSplit: Meter;
  private readonly bufferExhausted: Meter;
  private readonly bufferPoolWait: Meter;
  private readonly requestLatency: AvgMax;
  private readonly requestSize: AvgMax;
  private readonly batchSize: AvgMax;
  private readonly recordsPerRequest: AvgMax;
  private readonly queueTime: AvgMax;
  private readonly compressionRate: AvgMax;
  private readonly recordSize: AvgMax;
  private readonly throttleTime: AvgMax;
  /** Send → callback latency of every completed record (acked or failed), ms. */
  readonly deliveryLatency = new Histogram();

  /** @param startMs simulated time the producer was created (origin of whole-run rates). */
  constructor(
    readonly startMs = 0,
    config: MetricConfig = DEFAULT_METRIC_CONFIG,
  ) {
    this.config = config;
    this.recordSend = new Meter(false, config);
    this.recordError = new Meter(false, config);
    this.recordRetry = new Meter(false, config);
    this.request = new Meter(true, config);
    this.outgoingBytes = new Meter(false, config);
    this.batchSplit = new Meter(true, config);
    this.bufferExhausted = new Meter(true, config);
    // Meter(TimeUnit.NANOSECONDS, …) in BufferPool: ns per ns of window = the fraction of time spent waiting.
    this.bufferPoolWait = new Meter(false, config, 1e-6);
    this.requestLatency = new AvgMax(config);
    this.requestSize = new AvgMax(config);
    this.batchSize = new AvgMax(config);
    this.recordsPerRequest = new AvgMax(config);
    this.queueTime = new AvgMax(config);
    this.compressionRate = new AvgMax(config);
    this.recordSize = new AvgMax(config);
    this.throttleTime = new AvgMax(config);
  }

  setGauges(gauges: ProducerGauges): void {
    this.gauges = gauges;
  }

  /**
   * One drained batch (SenderMetrics.updateProduceRequestMetrics, per batch).
   * @param sizeInBytes closed batch size on the wire (compressed, header included)
   * @param compressionRatio compressed / uncompressed (1 without compression)
   * @param queueTimeMs drain time − creation time
   * @param maxRecordSizeInBytes the batch's largest record
   */
  recordBatchDrained(
    sizeInBytes: number,
    compressionRatio: number,
    queueTimeMs: number,
    maxRecordSizeInBytes: number,
    nowMs: number,
  ): void {
    this.batchSize.record(sizeInBytes, nowMs);
    this.queueTime.record(queueTimeMs, nowMs);
    this.compressionRate.record(compressionRatio, nowMs);
    this.recordSize.record(maxRecordSizeInBytes, nowMs);
  }

  /** Records of one produce request (records-per-request-avg and record-send-rate/-total). */
  recordRequestRecords(recordCount: number, nowMs: number): void {
    this.recordsPerRequest.record(recordCount, nowMs);
    this.recordSend.record(recordCount, nowMs);
  }

  /** A request written to the network (Selector: request-rate/-total, outgoing-byte-rate, request-size). */
  recordRequestSent(sizeInBytes: number, nowMs: number): void {
    this.request.record(1, nowMs);
    this.outgoingBytes.record(sizeInBytes, nowMs);
    this.requestSize.record(sizeInBytes, nowMs);
  }

  /** Produce response latency: response received − request created (request-latency-avg/-max). */
  recordLatency(latencyMs: number, nowMs: number): void {
    this.requestLatency.record(latencyMs, nowMs);
  }

  recordRetries(recordCount: number, nowMs: number): void {
    this.recordRetry.record(recordCount, nowMs);
  }

  recordErrors(recordCount: number, nowMs: number): void {
    this.recordError.record(recordCount, nowMs);
  }

  recordBatchSplit(nowMs: number): void {
    this.batchSplit.record(1, nowMs);
  }

  recordThrottleTime(throttleTimeMs: number, nowMs: number): void {
    this.throttleTime.record(throttleTimeMs, nowMs);
  }

  /** Time an append waited for buffer memory, in NANOSECONDS (Kafka's unit for this sensor). */
  recordBufferPoolWaitNs(waitNs: number, nowMs: number): void {
    this.bufferPoolWait.record(waitNs, nowMs);
  }

  /** A send dropped because no buffer memory came within max.block.ms. */
  recordBufferExhausted(nowMs: number): void {
    this.bufferExhausted.record(1, nowMs);
  }

  /** A record's callback ran: send() → callback, ms (explorer metric). */
  recordDeliveryLatency(latencyMs: number): void {
    this.deliveryLatency.record(latencyMs);
  }

  /** Kafka's view: windowed rates/avgs/maxes (metrics.num.samples × metrics.sample.window.ms) by Kafka name. */
  snapshot(nowMs: number): Record<string, number> {
    return this.windowed(nowMs, false);
  }

  /**
   * The values snapshot(nowMs) would give, without purging or starting samples: Kafka's measure() does both, so a
   * reader taking snapshots often (the explorer) would otherwise change the windows a later snapshot reports.
   */
  peekSnapshot(nowMs: number): Record<string, number> {
    return this.windowed(nowMs, true);
  }

  private windowed(nowMs: number, peek: boolean): Record<string, number> {
    const out: Record<string, number> = {};
    this.meter(out, 'record-send', this.recordSend, nowMs, peek);
    this.meter(out, 'record-error', this.recordError, nowMs, peek);
    this.meter(out, 'record-retry', this.recordRetry, nowMs, peek);
    this.meter(out, 'request', this.request, nowMs, peek);
    this.meter(out, 'outgoing-byte', this.outgoingBytes, nowMs, peek);
    this.meter(out, 'batch-split', this.batchSplit, nowMs, peek);
    this.meter(out, 'buffer-exhausted', this.bufferExhausted, nowMs, peek);
    const waitRate = this.bufferPoolWait.rate;
    out['bufferpool-wait-ratio'] = peek ? waitRate.peek(nowMs) : waitRate.measure(nowMs);
    out['bufferpool-wait-time-ns-total'] = this.bufferPoolWait.total;
    out['bufferpool-wait-time-total'] = this.bufferPoolWait.total;
    this.avgMax(out, 'request-latency', this.requestLatency, nowMs, true, peek);
    this.avgMax(out, 'request-size', this.requestSize, nowMs, true, peek);
    this.avgMax(out, 'batch-size', this.batchSize, nowMs, true, peek);
    this.avgMax(out, 'records-per-request', this.recordsPerRequest, nowMs, false, peek);
    this.avgMax(out, 'record-queue-time', this.queueTime, nowMs, true, peek);
    this.avgMax(out, 'compression-rate', this.compressionRate, nowMs, false, peek);
    this.avgMax(out, 'record-size', this.recordSize, nowMs, true, peek);
    this.avgMax(out, 'produce-throttle-time', this.throttleTime, nowMs, true, peek);
    this.gaugesAndLatency(out);
    return out;
  }

  /** The same names over the whole run: rates = total / elapsed seconds since startMs, avg/max over all events. */
  runSnapshot(nowMs: number): Record<string, number> {
    const out: Record<string, number> = {};
    const elapsedS = (nowMs - this.startMs) / 1000;
    const rate = (total: number): number => (elapsedS > 0 ? total / elapsedS : Number.NaN);
    const meters: [string, Meter][] = [
      ['record-send', this.recordSend],
      ['record-error', this.recordError],
      ['record-retry', this.recordRetry],
      ['request', this.request],
      ['outgoing-byte', this.outgoingBytes],
      ['batch-split', this.batchSplit],
      ['buffer-exhausted', this.bufferExhausted],
    ];
    for (const [name, m] of meters) {
      out[`${name}-rate`] = rate(m.total);
      out[`${name}-total`] = m.total;
    }
    out['bufferpool-wait-ratio'] = rate(this.bufferPoolWait.total / 1e9);
    out['bufferpool-wait-time-ns-total'] = this.bufferPoolWait.total;
    out['bufferpool-wait-time-total'] = this.bufferPoolWait.total;
    const stats: [string, AvgMax, boolean][] = [
      ['request-latency', this.requestLatency, true],
      ['request-size', this.requestSize, true],
      ['batch-size', this.batchSize, true],
      ['records-per-request', this.recordsPerRequest, false],
      ['record-queue-time', this.queueTime, true],
      ['compression-rate', this.compressionRate, false],
      ['record-size', this.recordSize, true],
      ['produce-throttle-time', this.throttleTime, true],
    ];
    for (const [name, s, withMax] of stats) {
      out[`${name}-avg`] = s.runAvg();
      if (withMax) out[`${name}-max`] = s.runMaximum();
    }
    this.gaugesAndLatency(out);
    return out;
  }

  private meter(
    out: Record<string, number>,
    name: string,
    m: Meter,
    nowMs: number,
    peek: boolean,
  ): void {
    out[`${name}-rate`] = peek ? m.rate.peek(nowMs) : m.rate.measure(nowMs);
    out[`${name}-total`] = m.total;
  }

  private avgMax(
    out: Record<string, number>,
    name: string,
    s: AvgMax,
    nowMs: number,
    withMax: boolean,
    peek: boolean,
  ): void {
    out[`${name}-avg`] = peek ? s.avg.peek(nowMs) : s.avg.measure(nowMs);
    if (withMax) out[`${name}-max`] = peek ? s.max.peek(nowMs) : s.max.measure(nowMs);
  }

  private gaugesAndLatency(out: Record<string, number>): void {
    out['buffer-available-bytes'] = this.gauges.bufferAvailableBytes();
    out['buffer-total-bytes'] = this.gauges.bufferTotalBytes();
    out['waiting-threads'] = this.gauges.waitingThreads();
    out['requests-in-flight'] = this.gauges.requestsInFlight();
    const h = this.deliveryLatency;
    out['delivery-latency-p50'] = h.quantile(0.5);
    out['delivery-latency-p99'] = h.quantile(0.99);
    out['delivery-latency-max'] = h.max;
    out['delivery-latency-avg'] = h.mean;
  }
}
