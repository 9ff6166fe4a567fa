/**
 * One run: a Simulation with a SimCluster, a NetworkClient, a KafkaProducer and the Application that calls it, all
 * built from a RunSpec, plus what the report needs (the first records and batches, totals). Simulation-only.
 * The run ends at `duration.ms`, or earlier when the application has closed the producer (it does after its last
 * record when `num.records` is set or records come from standard input), whichever comes first.
 */

import type { ProducerBatch } from '../clients/producer/internals/ProducerBatch';
import type { RecordState } from '../clients/producer/internals/RecordState';
import { KafkaProducer } from '../clients/producer/KafkaProducer';
import {
  parseProducerConfig,
  type ResolvedProducerConfig,
} from '../clients/producer/ProducerConfig';
import { NetworkClient } from '../cluster/NetworkClient';
import { SimCluster } from '../cluster/SimCluster';
import { Simulation } from '../engine/Simulation';
import { Application } from '../workload/Application';
import { KeyChooser } from '../workload/KeyChooser';
import type { ConsoleRecord } from '../workload/LineMessageReader';
import { ConsoleSource, GeneratedSource, type RecordSource } from '../workload/RecordSource';
import { ValueCorpus } from '../workload/ValueCorpus';
import { type BatchSummary, summarizeBatch } from './BatchSummary';
import type { RunSpec } from './RunSpec';

export interface RunOptions {
  /** Records from standard input (console-producer lines) instead of the generated workload. */
  readonly consoleRecords?: readonly ConsoleRecord[];
  /** Overrides the spec's duration.ms. */
  readonly durationMs?: number;
  /** How many records, batches and logged record ids the report keeps (default 100,000 each). */
  readonly retain?: number;
  /** Compress every batch with the real codec instead of a deterministic sample. */
  readonly compressEveryBatch?: boolean;
}

export type RunEnd = 'running' | 'duration' | 'closed';

export const DEFAULT_RETAIN = 100_000;

export class ProducerRun {
  readonly spec: RunSpec;
  readonly config: ResolvedProducerConfig;
  readonly configWarnings: readonly string[];
  readonly sim: Simulation;
  readonly cluster: SimCluster;
  readonly network: NetworkClient;
  readonly producer: KafkaProducer;
  readonly application: Application;
  readonly durationMs: number;
  readonly retain: number;
  /** The first `retain` records, in send order. */
  readonly records: RecordState[] = [];
  /** The first `retain` completed batches, in completion order. */
  readonly completedBatches: BatchSummary[] = [];
  batchesCompleted = 0;
  acked = 0;
  failed = 0;
  private endedAtMs = -1;

  /** Builds a run. Throws an Error listing Kafka's messages if the producer configs do not resolve. */
  constructor(spec: RunSpec, options: RunOptions = {}) {
    const parsed = parseProducerConfig({ ...spec.producer });
    if (!parsed.ok) {
      throw new Error(parsed.errors.map((e) => `${e.key}: ${e.message}`).join('\n'));
    }
    this.spec = spec;
    this.config = parsed.config;
    this.configWarnings = parsed.warnings;
    this.durationMs = options.durationMs ?? spec.workload.durationMs;
    this.retain = options.retain ?? DEFAULT_RETAIN;
    const { cluster: c, workload: w, cost } = spec;
    this.sim = new Simulation(spec.seed);
    this.cluster = new SimCluster(
      this.sim,
      cost,
      {
        topic: spec.topic,
        brokers: c.brokers,
        partitions: c.partitions,
        replicationFactor: c.replicationFactor,
        minInsyncReplicas: c.minInsyncReplicas,
        messageMaxBytes: c.messageMaxBytes,
        replicaLagTimeMaxMs: c.replicaLagTimeMaxMs,
        maxLoggedRecords: this.retain,
      },
      this.sim.random.fork('cluster'),
    );
    this.network = new NetworkClient(this.sim, this.cluster, cost, {
      maxInFlightRequestsPerConnection: this.config.maxInFlightRequestsPerConnection,
    });
    this.producer = new KafkaProducer(this.config, {
      sim: this.sim,
      metadata: this.cluster,
      network: this.network,
      random: this.sim.random.fork('producer'),
      // InitProducerId: a small request and response over one link each way, plus the broker's handling.
      initProducerIdRoundTripMs: 2 * cost.netLatencyMs + cost.brokerAppendBatchUs / 1000,
      compressEveryBatch: options.compressEveryBatch,
      onRecordCreated: (r) => {
        if (this.records.length < this.retain) this.records.push(r);
      },
      onRecordCompleted: (r) => {
        if (r.status === 'acked') this.acked++;
        else this.failed++;
      },
      onBatchCompleted: (b: ProducerBatch) => {
        this.batchesCompleted++;
        if (this.completedBatches.length < this.retain)
          this.completedBatches.push(summarizeBatch(b));
      },
    });
    const source: RecordSource = options.consoleRecords
      ? new ConsoleSource(options.consoleRecords, w.partition)
      : new GeneratedSource(
          new KeyChooser(
            {
              keys: w.keys,
              prefix: w.keyPrefix,
              list: w.keyList,
              distribution: w.keyDistribution,
              zipfS: w.keyZipfS,
              hotFraction: w.keyHotFraction,
            },
            this.sim.random.fork('keys'),
          ),
          new ValueCorpus(w.valueContent, w.recordSize, this.sim.random.fork('values')),
          { numRecords: w.numRecords, headers: w.headers, partition: w.partition },
        );
    this.application = new Application(this.sim, this.producer, source, {
      throughput: w.throughput,
      sendMode: w.sendMode,
      flushEvery: w.flushEvery,
      cpuPerRecordMs: cost.producerCpuRecordUs / 1000,
      cpuPerByteMs: cost.producerCpuByteNs / 1e6,
      stopSendingAtMs: this.durationMs,
      closeWhenDone: options.consoleRecords !== undefined || w.numRecords >= 0,
    });
    this.application.start(this.sim.nowMs);
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  get end(): RunEnd {
    if (this.application.state === 'closed') return 'closed';
    return this.sim.nowMs >= this.durationMs ? 'duration' : 'running';
  }

  get finished(): boolean {
    return this.end !== 'running';
  }

  /** Records sent and neither acknowledged nor failed. */
  get pending(): number {
    return this.producer.sendCalls - this.acked - this.failed;
  }

  /** Runs events up to `targetMs` (capped at the duration), stopping early when the run finishes. */
  advanceTo(targetMs: number): void {
    const sim = this.sim;
    const limit = Math.min(targetMs, this.durationMs);
    sim.horizonMs = limit;
    while (this.application.state !== 'closed' && sim.nextEventTimeMs() <= limit) sim.step();
    sim.horizonMs = Number.POSITIVE_INFINITY;
    if (this.application.state === 'closed') {
      if (this.endedAtMs < 0) this.endedAtMs = sim.nowMs;
      return;
    }
    sim.runUntil(limit);
  }

  /** Runs to the end (duration or close). */
  runToEnd(): void {
    this.advanceTo(this.durationMs);
  }

  /** When the run ended (the close time, or the duration), or the current time while running. */
  get endMs(): number {
    if (this.endedAtMs >= 0) return this.endedAtMs;
    return this.sim.nowMs;
  }
}
