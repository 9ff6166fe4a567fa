/**
 * One run: a Simulation with a SimCluster, a NetworkClient, a KafkaProducer and the Application that calls it, all
 * built from a RunSpec, plus what the report needs (the first records and batches, totals). Simulation-only.
 * The run ends at `duration.ms`, or earlier when the application has closed the producer (it does after its last
 * record when `num.records` is set or records come from standard input), whichever comes first.
 */

import {
  type InitProducerIdChannel,
  SimulatedInitProducerId,
} from '../clients/producer/internals/InitProducerIdChannel';
import { SimulatedMetadataChannel } from '../clients/producer/internals/MetadataChannel';
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
import { asClusterFaults, asProducerFaults, FaultSchedule } from '../faults/FaultSchedule';
import type { FaultAction } from '../faults/FaultTarget';
import { Application, type ApplicationProducer } from '../workload/Application';
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

/** Sees a record; must not change it or the run. */
export type RecordListener = (record: RecordState) => void;

/** Sees a producer of the run (`generation`: 0 = the first, n = after the n-th restart); must not change it. */
export type ProducerListener = (producer: KafkaProducer, generation: number) => void;

export class ProducerRun {
  readonly spec: RunSpec;
  readonly config: ResolvedProducerConfig;
  readonly configWarnings: readonly string[];
  readonly sim: Simulation;
  readonly cluster: SimCluster;
  /** The current producer's connections (a restarted producer gets new ones). */
  network: NetworkClient;
  /** The application's current producer (restartProducer replaces it). */
  producer: KafkaProducer;
  /** Every producer of the run, oldest first (more than one after restartProducer). */
  readonly producers: KafkaProducer[] = [];
  readonly application: Application;
  /** The fault timeline (the scenario's `fault=` keys) and the explorer's fault commands. */
  readonly faults: FaultSchedule;
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
  private readonly options: RunOptions;
  /** Shared by the producers, so a restarted one gets the next producer id (the brokers' ProducerIdManager). */
  private readonly initProducerId: InitProducerIdChannel;
  private readonly appProducer: CurrentProducer;
  /** Observers of every record (the explorer's SnapshotBuilder); they read, never change the run. */
  private readonly createdListeners: RecordListener[] = [];
  private readonly completedListeners: RecordListener[] = [];
  /** Observers of every producer of the run (the explorer's JourneyRecorder installs its hooks). */
  private readonly producerListeners: ProducerListener[] = [];

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
        uncleanLeaderElectionEnable: c.uncleanLeaderElectionEnable,
        maxLoggedRecords: this.retain,
      },
      this.sim.random.fork('cluster'),
    );
    this.options = options;
    this.initProducerId = new SimulatedInitProducerId(this.sim, {
      roundTripMs: this.requestRoundTripMs(),
    });
    this.network = this.newNetworkClient();
    this.producer = this.newProducer(0);
    this.appProducer = new CurrentProducer(this.producer);
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
    this.application = new Application(this.sim, this.appProducer, source, {
      throughput: w.throughput,
      sendMode: w.sendMode,
      flushEvery: w.flushEvery,
      cpuPerRecordMs: cost.producerCpuRecordUs / 1000,
      cpuPerByteMs: cost.producerCpuByteNs / 1e6,
      stopSendingAtMs: this.durationMs,
      closeWhenDone: options.consoleRecords !== undefined || w.numRecords >= 0,
    });
    this.application.start(this.sim.nowMs);
    this.faults = new FaultSchedule(this.sim, {
      cluster: asClusterFaults(this.cluster),
      producer: asProducerFaults(this),
    });
    this.faults.schedule(spec.faults ?? []);
  }

  /**
   * ProducerFaults.restartProducer: the current producer is closed at once (its incomplete records fail with
   * "Producer is closed forcefully.", a send() blocked on memory ends, the application hears of each), its
   * connections are dropped (answers still on their way are lost), and a new KafkaProducer with the same config,
   * new connections, an empty metadata cache filled from the cluster, and a new producer id (sequences from 0)
   * takes its place; the application goes on sending through it. Record ids continue.
   */
  restartProducer(nowMs: number): void {
    const old = this.producer;
    const oldNetwork = this.network;
    old.forceClose(nowMs);
    // Kafka closes the sockets: responses to the old producer's requests go nowhere.
    oldNetwork.setHandler(IGNORE_RESPONSES);
    for (const node of this.cluster.nodes) oldNetwork.disconnect(node, nowMs);
    // …and it no longer hears of broker faults.
    oldNetwork.close();
    this.network = this.newNetworkClient();
    this.producer = this.newProducer(this.producers.length, old.nextRecordIdValue);
    this.appProducer.replace(this.producer);
  }

  /** send() calls over every producer of the run. */
  get sendCalls(): number {
    let n = 0;
    for (const p of this.producers) n += p.sendCalls;
    return n;
  }

  /** A fault command on the running simulation, applied now (FaultSchedule.applyFault). */
  applyFault(action: FaultAction): void {
    this.faults.applyFault(action, this.sim.nowMs);
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
    return this.sendCalls - this.acked - this.failed;
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

  /**
   * The explorer's "step": runs every event due at the next event time (and those they schedule for that same
   * time), as advanceTo(next event time) would. False, doing nothing, when the run has finished or nothing is
   * scheduled; an event past duration.ms only moves the clock to the end, as advanceTo does.
   */
  stepEvent(): boolean {
    if (this.finished) return false;
    const nextMs = this.sim.nextEventTimeMs();
    if (nextMs === Number.POSITIVE_INFINITY) return false;
    this.advanceTo(nextMs);
    return true;
  }

  /**
   * Calls `listener` with every record as send() creates it, before serialization and partitioning (from the
   * producers' onRecordCreated hook). Returns the function that removes it.
   */
  onRecordCreated(listener: RecordListener): () => void {
    return addListener(this.createdListeners, listener);
  }

  /** Calls `listener` with every record as it completes (acked or failed), before its callback runs. */
  onRecordCompleted(listener: RecordListener): () => void {
    return addListener(this.completedListeners, listener);
  }

  /**
   * Calls `listener` with every producer of the run: at once with those that exist, then with each one a restart
   * builds, before it handles any record. `generation` is its index in `producers`. Returns the remover.
   */
  onProducer(listener: ProducerListener): () => void {
    for (let i = 0; i < this.producers.length; i++) listener(this.producers[i], i);
    const list = this.producerListeners;
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** A small request's round trip (InitProducerId, Metadata): a link each way plus the broker's handling. */
  private requestRoundTripMs(): number {
    const cost = this.spec.cost;
    return 2 * cost.netLatencyMs + cost.brokerAppendBatchUs / 1000;
  }

  private newNetworkClient(): NetworkClient {
    return new NetworkClient(this.sim, this.cluster, this.spec.cost, {
      maxInFlightRequestsPerConnection: this.config.maxInFlightRequestsPerConnection,
    });
  }

  /** The run's `generation`-th producer (0 = the first), on the current network client. */
  private newProducer(generation: number, firstRecordId = 0): KafkaProducer {
    const cost = this.spec.cost;
    const network = this.network;
    const producer = new KafkaProducer(this.config, {
      sim: this.sim,
      metadata: this.cluster,
      network,
      // The first producer keeps the stream of runs without restarts.
      random: this.sim.random.fork(generation === 0 ? 'producer' : `producer-${generation}`),
      initProducerIdRoundTripMs: this.requestRoundTripMs(),
      initProducerId: this.initProducerId,
      // A broker the producer has no connection to (crashed, isolated) cannot answer metadata requests.
      metadataChannel: new SimulatedMetadataChannel(this.sim, this.cluster, {
        latencyMs: cost.netLatencyMs,
        brokerCostMs: cost.brokerAppendBatchUs / 1000,
        reachable: (node) => network.isConnected(node),
      }),
      firstRecordId,
      compressEveryBatch: this.options.compressEveryBatch,
      onRecordCreated: (r) => {
        if (this.records.length < this.retain) this.records.push(r);
        const listeners = this.createdListeners;
        for (let i = 0; i < listeners.length; i++) listeners[i](r);
      },
      onRecordCompleted: (r) => {
        if (r.status === 'acked') this.acked++;
        else this.failed++;
        const listeners = this.completedListeners;
        for (let i = 0; i < listeners.length; i++) listeners[i](r);
      },
      onBatchCompleted: (b: ProducerBatch) => {
        this.batchesCompleted++;
        if (this.completedBatches.length < this.retain)
          this.completedBatches.push(summarizeBatch(b));
      },
    });
    this.producers.push(producer);
    for (const listener of this.producerListeners) listener(producer, generation);
    return producer;
  }

  /** When the run ended (the close time, or the duration), or the current time while running. */
  get endMs(): number {
    if (this.endedAtMs >= 0) return this.endedAtMs;
    return this.sim.nowMs;
  }
}

const IGNORE_RESPONSES = { onResponse: () => {} };

function addListener(list: RecordListener[], listener: RecordListener): () => void {
  list.push(listener);
  return () => {
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
  };
}

/**
 * What the Application holds: the run's current producer. restartProducer swaps the producer underneath, so the
 * application keeps calling send() (and a send() that was blocked in the old producer returns through here).
 */
class CurrentProducer implements ApplicationProducer {
  onSendReturned: ((nowMs: number) => void) | null = null;
  private readonly returned = (nowMs: number): void => this.onSendReturned?.(nowMs);

  constructor(private current: KafkaProducer) {
    current.onSendReturned = this.returned;
  }

  replace(next: KafkaProducer): void {
    this.current = next;
    next.onSendReturned = this.returned;
  }

  send(
    input: Parameters<ApplicationProducer['send']>[0],
    nowMs: number,
    callback: Parameters<ApplicationProducer['send']>[2],
  ): RecordState {
    return this.current.send(input, nowMs, callback);
  }

  get isSendBlocked(): boolean {
    return this.current.isSendBlocked;
  }

  flush(nowMs: number, onDone: (nowMs: number) => void): void {
    this.current.flush(nowMs, onDone);
  }

  close(nowMs: number, onDone: (nowMs: number) => void): void {
    this.current.close(nowMs, onDone);
  }
}
