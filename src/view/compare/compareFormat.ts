/**
 * How the comparison tables print measured values (d3-format) and the captions that say what was run. Pure
 * functions over the rows and set-up the comparison worker sent; nothing here measures or decides about Kafka.
 */
import { format } from 'd3-format';
import type { ComparisonRow, ComparisonSetup } from '../../protocol/comparison';

const whole = format(',.0f');
const threeDigits = format(',.3~r');
const twoDecimals = format('.2f');

/** 809,510 · 999 · 12.5 · 0.095: whole numbers from 100 up, three significant digits below. */
export function formatCount(value: number): string {
  return Math.abs(value) >= 100 ? whole(value) : threeDigits(value);
}

/** `3.02 ms`, `463 ms`, `—` when nothing was acknowledged. */
export function formatLatency(ms: number | null): string {
  return ms === null ? '—' : `${threeDigits(ms)} ms`;
}

/** `3.02 / 5.02 ms` (p50 / p99 of send() → callback). */
export function formatLatencyPair(row: ComparisonRow): string {
  const m = row.measured;
  if (m === null || m.p50Ms === null || m.p99Ms === null) return '—';
  return `${threeDigits(m.p50Ms)} / ${threeDigits(m.p99Ms)} ms`;
}

/** `809,510 records/s · 77.2 MB/s` */
export function formatThroughput(recordsPerSec: number, mbPerSec: number): string {
  return `${formatCount(recordsPerSec)} records/s · ${threeDigits(mbPerSec)} MB/s`;
}

/** `1.88 : 1`, `—` when nothing was sent. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${twoDecimals(ratio)} : 1`;
}

/** `312 MB/s · 52.1 µs per 16 KiB`, or why there is no figure. */
export function formatCpu(row: ComparisonRow): string {
  const cpu = row.cpu;
  if (cpu === null) return '—';
  if (cpu.compressMBps === null) return 'no codec runs';
  return `${formatCount(cpu.compressMBps)} MB/s · ${threeDigits(cpu.microsPer16KiB)} µs per 16 KiB`;
}

/** The loss column's headline: `280 of 5,989 acknowledged missing`. */
export function formatMissing(row: ComparisonRow): string {
  const loss = row.loss;
  if (loss === null) return '—';
  const what = row.effective?.acks === 0 ? 'sent (acks=0: never confirmed)' : 'acknowledged';
  return `${whole(loss.missing)} of ${whole(loss.acked)} ${what} missing`;
}

/** The breakdown under it: lost, not yet committed, duplicates. */
export function formatLossDetail(row: ComparisonRow): string {
  const loss = row.loss;
  if (loss === null) return '';
  const parts = [
    `${whole(loss.lost)} lost`,
    `${whole(loss.uncommitted)} not yet committed`,
    `${whole(loss.duplicated)} duplicates`,
  ];
  return loss.exact ? parts.join(', ') : `${parts.join(', ')} (first records only)`;
}

/** What every caption says: the workload, the runs, the seed and the cluster. */
export function describeRuns(setup: ComparisonSetup): string {
  const cluster =
    `${setup.brokers} brokers, ${setup.partitions} partitions, ` +
    `replication.factor=${setup.replicationFactor}`;
  const capacity =
    setup.capacityMs === null
      ? 'the workload is unthrottled already, so its own run gives the most it can send'
      : `the most it can send from ${whole(setup.capacityMs)} ms more with throughput=-1`;
  const faults =
    setup.scenarioFaults.length === 0
      ? ''
      : ` The scenario's own faults apply too: ${setup.scenarioFaults.map((f) => `fault=${f}`).join(', ')}.`;
  return (
    `Measured, not quoted: ${setup.workload}; each row ran ${whole(setup.durationMs)} ms of simulated ` +
    `time at seed ${setup.seed} on ${cluster}; ${capacity}.${faults}`
  );
}

/** What the loss column ran: the crash and where its numbers come from. */
export function describeLossRun(setup: ComparisonSetup, rows: readonly ComparisonRow[]): string {
  const crash = rows.find((r) => r.loss !== null)?.loss ?? null;
  const fault =
    crash === null
      ? `the leader of partition 0 crashed at ${whole(setup.crashAtMs)} ms`
      : `broker ${crash.crashedBroker}, the leader of partition 0, crashed at ${whole(crash.crashAtMs)} ms, its followers having stopped fetching shortly before (fault=${crash.fault})`;
  return (
    `Data loss: each row ran again with ${fault}; missing = acknowledged records not in the committed ` +
    'log at the end (lost, or above the high watermark and not yet committed). With acks=1 the leader ' +
    'acknowledged records its followers did not have; acks=all waited for them.'
  );
}
