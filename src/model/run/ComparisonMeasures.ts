/**
 * What the comparison tables measure in one finished headless ProducerRun: acknowledged throughput, delivery latency
 * (send() → callback) percentiles, the compression ratio of the bytes actually sent, the most a variant can send
 * unthrottled, and the delivery accounting after a leader crash (Accounting.ts). Simulation-only: Kafka reports
 * the same quantities as metrics and kafka-producer-perf-test output; here they are read from the run's records.
 */
import { computeAccounting } from './Accounting';
import type { ProducerRun } from './ProducerRun';
import { accountingInputOf } from './RunReport';

/** kafka-producer-perf-test's MB: 2^20 bytes of record values. */
export const BYTES_PER_MB = 1024 * 1024;

/** The run at the workload's own rate. */
export interface RunMeasurement {
  /** Simulated ms the run covered. */
  readonly durationMs: number;
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  /** Acknowledged records per simulated second. */
  readonly recordsPerSec: number;
  /** Acknowledged record values, MB (2^20 bytes) per simulated second. */
  readonly mbPerSec: number;
  /** Delivery latency (send() → callback) of the acknowledged records, ms; null when none was acknowledged. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Uncompressed ÷ compressed size of the batches sent, measured with the real codec; null when none was sent. */
  readonly compressionRatio: number | null;
  readonly batchesSent: number;
}

/** The same variant with the application unthrottled (throughput=-1): the most it can acknowledge. */
export interface CapacityMeasurement {
  readonly durationMs: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
}

/** The same variant again, with the leader of partition 0 crashed at mid-run. */
export interface LossMeasurement {
  /** The fault added to the scenario's timeline, as a `fault=` value (`2500:crash:0`). */
  readonly fault: string;
  readonly crashedBroker: number;
  readonly crashAtMs: number;
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  /** Acknowledged (with acks=0: sent) and in no log at the end: Accounting's lost + lostUnacknowledged. */
  readonly lost: number;
  /** Acknowledged, not committed, but still in the leader's log above the high watermark at the end. */
  readonly uncommitted: number;
  /** lost + uncommitted: every acknowledged record absent from the committed log. */
  readonly missing: number;
  /** Extra copies in the committed log. */
  readonly duplicated: number;
  /** False when the run kept only its first records: the counts cover those. */
  readonly exact: boolean;
}

export function measureRun(run: ProducerRun): RunMeasurement {
  const seconds = run.endMs / 1000;
  const latencies: number[] = [];
  for (const r of run.records) if (r.status === 'acked') latencies.push(r.ackMs - r.sendMs);
  const sorted = Float64Array.from(latencies).sort();
  let uncompressed = 0;
  let compressed = 0;
  let batchesSent = 0;
  for (const b of run.completedBatches) {
    if (b.drainedMs < 0 || b.compressedSizeInBytes <= 0) continue;
    uncompressed += b.sizeInBytes;
    compressed += b.compressedSizeInBytes;
    batchesSent++;
  }
  return {
    durationMs: run.endMs,
    sent: run.sendCalls,
    acked: run.acked,
    failed: run.failed,
    recordsPerSec: perSecond(run.acked, seconds),
    mbPerSec: perSecond((run.acked * run.spec.workload.recordSize) / BYTES_PER_MB, seconds),
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    compressionRatio: compressed > 0 ? uncompressed / compressed : null,
    batchesSent,
  };
}

export function measureCapacity(run: ProducerRun): CapacityMeasurement {
  const seconds = run.endMs / 1000;
  return {
    durationMs: run.endMs,
    recordsPerSec: perSecond(run.acked, seconds),
    mbPerSec: perSecond((run.acked * run.spec.workload.recordSize) / BYTES_PER_MB, seconds),
  };
}

export function measureLoss(
  run: ProducerRun,
  fault: string,
  crashedBroker: number,
  crashAtMs: number,
): LossMeasurement {
  const a = computeAccounting(accountingInputOf(run)).accounting;
  const lost = a.lost + a.lostUnacknowledged;
  return {
    fault,
    crashedBroker,
    crashAtMs,
    sent: run.sendCalls,
    acked: a.acked,
    failed: a.failed,
    lost,
    uncommitted: a.uncommitted,
    missing: lost + a.uncommitted,
    duplicated: a.duplicated,
    exact: a.exact,
  };
}

/** The p-quantile of ascending values, interpolated between ranks (as d3-array's quantile); null if empty. */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function perSecond(amount: number, seconds: number): number {
  return seconds > 0 ? amount / seconds : 0;
}
