/**
 * The runner's JSON document for a run: effective configs by Kafka name, metrics by Kafka name (windowed as Kafka
 * computes them, and over the whole run), records, batches and partition logs (cut after `retain` entries and
 * marked truncated), the application's and interceptors' view. Simulation-only. Shape documented in
 * src/cli/README.md.
 */
import { effectiveValues } from '../clients/producer/ProducerConfig';
import type { AppliedFault } from '../faults/FaultSchedule';
import { type Accounting, type AccountingInput, computeAccounting } from './Accounting';
import { type BatchSummary, summarizeBatch } from './BatchSummary';
import type { ProducerRun } from './ProducerRun';

export interface RecordReport {
  readonly id: number;
  readonly key: string | null;
  readonly partition: number;
  readonly offset: number;
  readonly status: 'acked' | 'failed' | 'pending';
  readonly error: string | null;
  readonly sendMs: number;
  readonly ackMs: number | null;
  readonly batch: number | null;
  readonly valueSize: number;
  /** How the partition was chosen: explicit, custom-partitioner, key-hash or sticky. */
  readonly partitionReason: string;
  /** Copies of the record in the committed log (below the high watermark): 0 = not there, 2+ = duplicated. */
  readonly copies: number;
}

export interface PartitionReportJson {
  readonly partition: number;
  readonly leader: number | null;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly replicaLogEndOffsets: readonly number[];
  readonly highWatermark: number;
  readonly logEndOffset: number;
  /** Record ids in offset order (the first `retain` records stored over all partitions). */
  readonly log: readonly number[];
  readonly truncated: boolean;
}

export interface RunReport {
  readonly seed: number;
  readonly topic: string;
  /** Simulated time the run covered, ms, and why it ended ('duration' or 'closed'). */
  readonly endMs: number;
  readonly end: string;
  readonly config: Record<string, string>;
  readonly configWarnings: readonly string[];
  readonly cluster: {
    readonly brokers: number;
    readonly partitions: number;
    readonly replicationFactor: number;
    readonly minInsyncReplicas: number;
  };
  readonly totals: {
    readonly sent: number;
    readonly acked: number;
    readonly failed: number;
    readonly pending: number;
    readonly batches: number;
    readonly requests: number;
  };
  /** Kafka's producer metrics at the end: rates over Kafka's sample window (2 × 30 s), as a JMX reader sees them. */
  readonly metrics: Record<string, number | null>;
  /** The same metrics over the whole run (rates = total / run time). */
  readonly runMetrics: Record<string, number | null>;
  readonly application: {
    readonly sendMode: string;
    readonly state: string;
    readonly sendCalls: number;
    /** send() calls that threw (SerializationException, …) instead of completing through the callback. */
    readonly sendExceptions: number;
    readonly blockedSends: number;
    /** What the application learnt through callbacks (fire-and-forget learns nothing). */
    readonly callbacksAcked: number;
    readonly callbacksFailed: number;
  };
  readonly producerId: number | null;
  readonly interceptors: Record<string, Record<string, number | string>>;
  readonly truncated: {
    readonly records: boolean;
    readonly batches: boolean;
    readonly logs: boolean;
  };
  readonly records: readonly RecordReport[];
  readonly batches: readonly BatchSummary[];
  readonly partitions: readonly PartitionReportJson[];
  /** The producer's outcomes against the committed logs (Accounting.ts). */
  readonly accounting: Accounting;
  /** Faults applied during the run (the scenario's timeline and commands), in order. */
  readonly faults: readonly FaultReport[];
}

export interface FaultReport {
  readonly atMs: number;
  readonly fault: string;
  readonly source: string;
  readonly applied: boolean;
  readonly note: string | null;
}

export function buildRunReport(run: ProducerRun): RunReport {
  const nowMs = run.sim.nowMs;
  const producer = run.producer;
  const open = [...producer.accumulator.incompleteBatches()].map(summarizeBatch);
  const batches = [...run.completedBatches, ...open]
    .sort((a, b) => a.id - b.id)
    .slice(0, run.retain);
  const partitions = run.cluster.partitionReports().map((p) => ({
    partition: p.partition,
    leader: p.leader,
    replicas: p.replicas,
    isr: p.isr,
    replicaLogEndOffsets: p.replicaLogEndOffsets,
    highWatermark: p.highWatermark,
    logEndOffset: p.logEndOffset,
    log: Array.from(run.cluster.log(p.partition).recordIds()),
    truncated: p.truncated,
  }));
  const tm = producer.transactionManager;
  const { accounting, copies } = computeAccounting(accountingInputOf(run));
  return {
    seed: run.spec.seed,
    topic: run.spec.topic,
    endMs: run.endMs,
    end: run.end,
    config: effectiveValues(run.config),
    configWarnings: run.configWarnings,
    cluster: {
      brokers: run.spec.cluster.brokers,
      partitions: run.spec.cluster.partitions,
      replicationFactor: run.spec.cluster.replicationFactor,
      minInsyncReplicas: run.spec.cluster.minInsyncReplicas,
    },
    totals: {
      sent: run.sendCalls,
      acked: run.acked,
      failed: run.failed,
      pending: run.pending,
      batches: run.batchesCompleted + open.length,
      requests: producer.metrics.runSnapshot(nowMs)['request-total'] ?? 0,
    },
    metrics: jsonNumbers(producer.metrics.snapshot(nowMs)),
    runMetrics: jsonNumbers(producer.metrics.runSnapshot(nowMs)),
    application: {
      sendMode: run.spec.workload.sendMode,
      state: run.application.state,
      sendCalls: run.sendCalls,
      sendExceptions: run.producers.reduce((n, p) => n + p.sendExceptions, 0),
      blockedSends: run.application.blockedSends,
      callbacksAcked: run.application.callbacksAcked,
      callbacksFailed: run.application.callbacksFailed,
    },
    producerId: tm?.hasProducerId() ? tm.producerIdAndEpoch.producerId : null,
    interceptors: Object.fromEntries(
      producer.interceptors.interceptors.map((i) => [i.name, i.summary()]),
    ),
    truncated: {
      records: run.sendCalls > run.records.length,
      batches: run.batchesCompleted + open.length > batches.length,
      logs: partitions.some((p) => p.truncated),
    },
    records: run.records.map((r, i) => ({
      id: r.id,
      key: r.key,
      partition: r.partition,
      offset: r.offset,
      status: r.status,
      error: r.error,
      sendMs: r.sendMs,
      ackMs: r.ackMs < 0 ? null : r.ackMs,
      batch: r.batchId < 0 ? null : r.batchId,
      valueSize: r.valueBytes === null ? -1 : r.valueBytes.length,
      partitionReason: r.partitionReason,
      copies: copies[i],
    })),
    batches,
    partitions,
    accounting,
    faults: run.faults.log.map(faultReport),
  };
}

function faultReport(f: AppliedFault): FaultReport {
  return { atMs: f.atMs, fault: f.fault, source: f.source, applied: f.applied, note: f.note };
}

/** What the accounting reads from a run: the kept records and each partition's log below its high watermark. */
export function accountingInputOf(run: ProducerRun): AccountingInput {
  const cluster = run.cluster;
  return {
    acks: run.config.acks,
    records: run.records,
    recordsComplete: run.sendCalls <= run.records.length,
    partitions: cluster.partitionReports().map((r) => {
      const ids = cluster.log(r.partition).recordIds();
      const committed = ids.subarray(0, Math.min(r.highWatermark, ids.length));
      const uncommitted = ids.subarray(committed.length, Math.min(r.logEndOffset, ids.length));
      return {
        partition: r.partition,
        leader: r.leader,
        replicas: r.replicas,
        isr: r.isr,
        replicaLogEndOffsets: r.replicaLogEndOffsets,
        replicaHighWatermarks: [...cluster.partition(r.partition).replicaHw],
        highWatermark: r.highWatermark,
        committed,
        uncommitted,
        complete: committed.length === r.highWatermark,
      };
    }),
  };
}

/** NaN and infinities become null, as JSON has no such numbers. */
function jsonNumbers(values: Record<string, number>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(values)) out[k] = Number.isFinite(v) ? v : null;
  return out;
}
