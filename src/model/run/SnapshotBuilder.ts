/**
 * Builds the explorer's RunSnapshot from a running ProducerRun: settings, counters, every pipeline stage, the
 * brokers, a bounded sample of records as marks, the run's log and Kafka's windowed metrics. Simulation-only
 * (Kafka exposes metrics, not its internals). Create it right after the run, before any advance: it hears of
 * records as they are created. It only reads the run (metrics through ProducerMetrics.peekSnapshot, which leaves
 * Kafka's sample windows untouched), so a run with snapshots taken is the same run as one without.
 * build() allocates what the snapshot holds and little else; per-record work is O(tracked marks). It owns the
 * run's JourneyRecorder: select() names the record, batch or request whose detail every snapshot then carries.
 */
import type { RecordState } from '../clients/producer/internals/RecordState';
import type { ProduceRequestEvent } from '../clients/producer/internals/SenderEvents';
import type { KafkaProducer } from '../clients/producer/KafkaProducer';
import { effectiveValues } from '../clients/producer/ProducerConfig';
import type { InspectTarget } from './Inspection';
import { Inspector } from './Inspector';
import { JourneyRecorder, type JourneyRecorderOptions } from './JourneyRecorder';
import { pipelineView } from './PipelineSnapshot';
import type { ProducerRun } from './ProducerRun';
import { RecordMarksTracker } from './RecordMarksTracker';
import { RunEventLog } from './RunEventLog';
import { RunEventWatcher } from './RunEventWatcher';
import type { ApplicationView, Counters, RunSnapshot, SnapshotSettings } from './RunSnapshot';
import { accumulatorQueues, senderView } from './SnapshotStages';

export interface SnapshotBuilderOptions {
  /** Most records drawn as marks at once; beyond it records are sampled (default 3000). */
  readonly markBudget?: number;
  /** Events kept in the run log (default 200). */
  readonly eventCapacity?: number;
  /** How many records, batches and requests the inspectors can look back on (JourneyRecorder's defaults). */
  readonly journey?: JourneyRecorderOptions;
}

/** Records in RunSnapshot.recentRecords. */
export const RECENT_RECORDS = 30;

export const DEFAULT_MARK_BUDGET = 3000;
export const DEFAULT_EVENT_CAPACITY = 200;

/** Totals of the producers a restart replaced (final: their connections are closed). */
interface RetiredTotals {
  producers: number;
  bytesSent: number;
  requestsSent: number;
  recordsRetried: number;
  batchesCreated: number;
}

export class SnapshotBuilder {
  private readonly run: ProducerRun;
  private readonly settings: SnapshotSettings;
  private readonly marks: RecordMarksTracker;
  private readonly log: RunEventLog;
  private readonly watcher: RunEventWatcher;
  /** Simulated ms an answered request stays in recentlyCompleted. */
  private readonly recentWindowMs: number;
  private lastRecord: RecordState | null = null;
  private readonly inspector: Inspector;
  private selected: InspectTarget | null = null;
  private readonly retired: RetiredTotals = {
    producers: 0,
    bytesSent: 0,
    requestsSent: 0,
    recordsRetried: 0,
    batchesCreated: 0,
  };

  constructor(run: ProducerRun, options: SnapshotBuilderOptions = {}) {
    if (run.sendCalls > 0) {
      throw new Error(
        'SnapshotBuilder: create it before the run advances, so it sees every record',
      );
    }
    this.run = run;
    this.settings = settingsOf(run);
    const latencyMs = run.spec.cost.netLatencyMs;
    this.recentWindowMs = Math.max(2 * latencyMs, 1);
    this.marks = new RecordMarksTracker(
      options.markBudget ?? DEFAULT_MARK_BUDGET,
      2 * latencyMs + 1,
    );
    this.log = new RunEventLog(options.eventCapacity ?? DEFAULT_EVENT_CAPACITY);
    this.watcher = new RunEventWatcher(run, this.log);
    this.inspector = new Inspector(run, new JourneyRecorder(run, options.journey));
    run.onRecordCreated((r) => {
      this.lastRecord = r;
      this.marks.recordCreated(r);
    });
  }

  /**
   * What RunSnapshot.selection shows from the next build on (null: nothing). A selected record is drawn as a mark
   * even when sampling would skip it.
   */
  select(target: InspectTarget | null): void {
    this.selected = target;
    const id = target?.kind === 'record' ? target.id : -1;
    this.marks.pin(id, id < 0 ? null : this.inspector.recordState(id));
  }

  build(): RunSnapshot {
    const run = this.run;
    const nowMs = run.nowMs;
    const producer = run.producer;
    const metrics = producer.metrics.peekSnapshot(nowMs);
    const places = new Map<number, ProduceRequestEvent | null>();
    // Sender first: a batch both in a request and back in a deque (a retry) is where the deque says.
    const sender = senderView(
      producer.sender,
      nowMs,
      this.recentWindowMs,
      this.settings.maxInFlightRequestsPerConnection,
      places,
    );
    const accumulator = accumulatorQueues(producer.accumulator, this.settings.partitions, places);
    this.watcher.collect(nowMs);
    return {
      nowMs,
      end: run.end,
      settings: this.settings,
      counters: this.counters(producer, metrics),
      application: this.application(),
      pipeline: pipelineView(producer, this.lastRecord),
      accumulator,
      bufferPool: producer.accumulator.bufferPoolView(),
      sender,
      brokers: run.cluster.brokerReports(),
      partitions: run.cluster.partitionReports(),
      marks: this.marks.marks(nowMs, places),
      events: this.log.toArray(),
      metrics: finiteOnly(metrics),
      selection: this.selected === null ? null : this.inspector.inspect(this.selected),
      recentRecords: this.inspector.recentRecords(RECENT_RECORDS),
    };
  }

  private counters(producer: KafkaProducer, metrics: Record<string, number>): Counters {
    const run = this.run;
    const retired = this.retiredTotals();
    return {
      sendCalls: run.sendCalls,
      acked: run.acked,
      failed: run.failed,
      pending: run.pending,
      bytesSent: retired.bytesSent + (metrics['outgoing-byte-total'] ?? 0),
      batchesCreated: retired.batchesCreated + producer.accumulator.batchContext.nextBatchId,
      batchesCompleted: run.batchesCompleted,
      requestsSent: retired.requestsSent + (metrics['request-total'] ?? 0),
      recordsRetried: retired.recordsRetried + (metrics['record-retry-total'] ?? 0),
    };
  }

  /** Adds the producers replaced since the last build (their totals no longer change). */
  private retiredTotals(): RetiredTotals {
    const r = this.retired;
    const producers = this.run.producers;
    for (; r.producers < producers.length - 1; r.producers++) {
      const p = producers[r.producers];
      const totals = p.metrics.peekSnapshot(this.run.nowMs);
      r.bytesSent += totals['outgoing-byte-total'] ?? 0;
      r.requestsSent += totals['request-total'] ?? 0;
      r.recordsRetried += totals['record-retry-total'] ?? 0;
      r.batchesCreated += p.accumulator.batchContext.nextBatchId;
    }
    return r;
  }

  private application(): ApplicationView {
    const run = this.run;
    const app = run.application;
    let sendExceptions = 0;
    for (const p of run.producers) sendExceptions += p.sendExceptions;
    return {
      state: app.state,
      sendMode: run.spec.workload.sendMode,
      blocked: app.state === 'blocked',
      blockedSends: app.blockedSends,
      sendExceptions,
    };
  }
}

/** The run's settings: fixed for its whole life, so built once. */
function settingsOf(run: ProducerRun): SnapshotSettings {
  const { config, spec } = run;
  const c = spec.cluster;
  return {
    topic: spec.topic,
    partitions: c.partitions,
    brokers: c.brokers,
    replicationFactor: c.replicationFactor,
    effectiveMinInsyncReplicas: Math.min(c.minInsyncReplicas, c.replicationFactor),
    lingerMs: config.lingerMs,
    batchSize: config.batchSize,
    bufferMemory: config.bufferMemory,
    acks: config.acks,
    compressionType: config.compressionType,
    maxInFlightRequestsPerConnection: config.maxInFlightRequestsPerConnection,
    enableIdempotence: config.enableIdempotence,
    effective: effectiveValues(config),
    warnings: [...run.configWarnings],
    sendMode: spec.workload.sendMode,
    throughput: spec.workload.throughput,
    durationMs: run.durationMs,
  };
}

/** Kafka reports an empty window as NaN; JSON has no NaN, so such metrics are left out. */
function finiteOnly(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key in values) {
    const v = values[key];
    if (Number.isFinite(v)) out[key] = v;
  }
  return out;
}
