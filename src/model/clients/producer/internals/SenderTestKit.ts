/**
 * Test support for Sender tests: a scripted network client (Kafka's MockClient: requests are held until the test
 * writes or answers them), a scripted InitProducerId channel, and a harness wiring the real RecordAccumulator,
 * BufferPool, TransactionManager and ProducerMetrics to a Sender over a hand-built cluster. Test-only.
 */
import type { NetworkClientHandler } from '../../../cluster/NetworkClient';
import {
  localProduceResponse,
  type PartitionResponse,
  type ProduceErrorName,
  type ProduceRequest,
} from '../../../cluster/ProduceRequest';
import type { CompressionType } from '../../../common/compress/CompressionType';
import { Random } from '../../../engine/Random';
import { Simulation } from '../../../engine/Simulation';
import { record, TestCluster } from './AccumulatorTestUtils';
import { BufferPool } from './BufferPool';
import type { InitProducerIdChannel, InitProducerIdResult } from './InitProducerIdChannel';
import { SimulatedMetadataChannel } from './MetadataChannel';
import type { ProducerBatch } from './ProducerBatch';
import { ProducerMetadata } from './ProducerMetadata';
import { ProducerMetrics } from './ProducerMetrics';
import { RecordAccumulator } from './RecordAccumulator';
import type { RecordState } from './RecordState';
import { Sender, type SenderNetworkClient } from './Sender';
import { TransactionManager } from './TransactionManager';

/** Kafka's MockClient: ready while in-flight < max; the test decides when requests are written and answered. */
export class MockClient implements SenderNetworkClient {
  handler: NetworkClientHandler | null = null;
  /** Every request sent, in order. */
  readonly sent: ProduceRequest[] = [];
  readonly outstanding: ProduceRequest[] = [];
  /** Nodes the test made unusable. */
  readonly down = new Set<number>();
  private readonly nextOffset: number[] = [];

  constructor(private readonly maxInFlight: number) {}

  setHandler(handler: NetworkClientHandler): void {
    this.handler = handler;
  }

  isReady(node: number, _nowMs: number): boolean {
    return !this.down.has(node) && this.inFlightRequestCount(node) < this.maxInFlight;
  }

  connectionDelay(_node: number, _nowMs: number): number {
    return Number.POSITIVE_INFINITY;
  }

  send(request: ProduceRequest, _nowMs: number): void {
    this.sent.push(request);
    this.outstanding.push(request);
  }

  inFlightRequestCount(node?: number): number {
    return this.outstanding.filter((r) => node === undefined || r.node === node).length;
  }

  /** The request's last byte was written (acks=0 requests are done here). */
  write(request: ProduceRequest, nowMs: number): void {
    if (request.acks === 0) this.remove(request);
    this.handler?.onRequestSent?.(request, nowMs);
  }

  /**
   * Answers `request`: one error for all partitions or one per batch; successful partitions get the next offsets.
   */
  respond(
    request: ProduceRequest,
    errors: ProduceErrorName | ProduceErrorName[],
    nowMs: number,
    extra: Partial<PartitionResponse> = {},
  ): void {
    this.remove(request);
    const partitions: PartitionResponse[] = request.batches.map((b, i) => {
      const error = Array.isArray(errors) ? errors[i] : errors;
      let baseOffset = -1;
      if (error === 'NONE') {
        baseOffset = this.nextOffset[b.partition] ?? 0;
        this.nextOffset[b.partition] = baseOffset + b.recordCount;
      }
      return { partition: b.partition, error, baseOffset, logAppendTimeMs: -1, ...extra };
    });
    this.handler?.onResponse(
      { requestId: request.id, node: request.node, partitions, sizeInBytes: 0 },
      nowMs,
    );
  }

  /**
   * The connection to `node` dropped (a crashed broker): the handler hears of the disconnect (as from the
   * NetworkClient, in flight or not), then every request on it fails with NETWORK_EXCEPTION.
   */
  disconnect(node: number, nowMs: number): void {
    this.handler?.onDisconnected?.(node, nowMs);
    for (const r of this.outstanding.filter((x) => x.node === node)) {
      this.remove(r);
      this.handler?.onResponse(localProduceResponse(r, 'NETWORK_EXCEPTION'), nowMs);
    }
  }

  /** request.timeout.ms passed: the connection closes and every request on it fails locally. */
  timeOut(node: number, nowMs: number): void {
    this.handler?.onDisconnected?.(node, nowMs);
    for (const r of this.outstanding.filter((x) => x.node === node)) {
      this.remove(r);
      this.handler?.onResponse(localProduceResponse(r, 'REQUEST_TIMED_OUT'), nowMs);
    }
  }

  /** The oldest outstanding request (throws if none). */
  head(): ProduceRequest {
    const r = this.outstanding[0];
    if (r === undefined) throw new Error('no outstanding request');
    return r;
  }

  private remove(request: ProduceRequest): void {
    const i = this.outstanding.indexOf(request);
    if (i >= 0) this.outstanding.splice(i, 1);
  }
}

/** An InitProducerId channel the test answers by hand. */
export class ScriptedInitProducerId implements InitProducerIdChannel {
  readonly pending: ((result: InitProducerIdResult, nowMs: number) => void)[] = [];
  sends = 0;

  send(_nowMs: number, onResponse: (result: InitProducerIdResult, nowMs: number) => void): number {
    this.sends++;
    this.pending.push(onResponse);
    return 0;
  }

  answer(result: InitProducerIdResult, nowMs: number): void {
    const cb = this.pending.shift();
    if (cb === undefined) throw new Error('no InitProducerId outstanding');
    cb(result, nowMs);
  }
}

export interface HarnessOptions {
  readonly idempotent?: boolean;
  readonly acks?: -1 | 0 | 1;
  readonly retries?: number;
  readonly maxInFlight?: number;
  readonly lingerMs?: number;
  readonly batchSize?: number;
  readonly deliveryTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Leader of each partition (default: partitions 0 and 1 on node 0, partition 2 on node 1). */
  readonly leaders?: (number | null)[];
  readonly compressionType?: CompressionType;
  /**
   * The Sender reads a ProducerMetadata cache over `cluster` (the truth), refreshed on `sim` with metadata
   * requests of `metadataLatencyMs` each way (no jitter), instead of reading the cluster directly.
   */
  readonly metadataCache?: boolean;
  /** partitioner.adaptive.partitioning.enable and partitioner.availability.timeout.ms (default off, 0). */
  readonly adaptive?: boolean;
  readonly availabilityTimeoutMs?: number;
  readonly metadataLatencyMs?: number;
}

/** Sender + real accumulator on Kafka's test layout; retry backoff without jitter: exactly 100, 200, 400 … ms. */
export class SenderHarness {
  readonly cluster: TestCluster;
  readonly pool: BufferPool;
  readonly acc: RecordAccumulator;
  readonly tm: TransactionManager<ProducerBatch> | null;
  readonly client: MockClient;
  readonly init = new ScriptedInitProducerId();
  readonly metrics = new ProducerMetrics(0);
  readonly sender: Sender;
  /** Batches handed to onBatchCompleted, in order. */
  readonly completed: ProducerBatch[] = [];
  readonly metadataUpdates: string[] = [];
  readonly leaderHints: [number, number, number][] = [];
  readonly batchSize: number;
  /** Clock of the metadata requests (metadataCache only). */
  readonly sim = new Simulation(1);
  readonly metadata: ProducerMetadata | null;

  constructor(o: HarnessOptions = {}) {
    const maxInFlight = o.maxInFlight ?? 5;
    this.batchSize = o.batchSize ?? 16384;
    this.cluster = new TestCluster(o.leaders ?? [0, 0, 1]);
    this.pool = new BufferPool(1024 * 1024, this.batchSize);
    this.tm = o.idempotent === true ? new TransactionManager<ProducerBatch>() : null;
    this.acc = new RecordAccumulator(
      {
        topic: 'test',
        batchSize: this.batchSize,
        compressionType: o.compressionType ?? 'none',
        compressionSampler: null,
        lingerMs: o.lingerMs ?? 0,
        retryBackoffMs: 100,
        retryBackoffMaxMs: 1000,
        deliveryTimeoutMs: o.deliveryTimeoutMs ?? 120000,
        random: new Random(7),
        transactionManager: this.tm,
        backoffRandom: { nextDouble: () => 0.5 },
        enableAdaptivePartitioning: o.adaptive ?? false,
        partitionAvailabilityTimeoutMs: o.availabilityTimeoutMs ?? 0,
      },
      this.pool,
    );
    this.client = new MockClient(maxInFlight);
    const noJitter = { nextDouble: () => 0.5 };
    const metadata =
      o.metadataCache === true
        ? new ProducerMetadata(
            this.sim,
            { retryBackoffMs: 100, retryBackoffMaxMs: 1000, metadataMaxAgeMs: 300000 },
            new SimulatedMetadataChannel(this.sim, this.cluster, {
              latencyMs: o.metadataLatencyMs ?? 1,
              brokerCostMs: 0,
            }),
            noJitter,
            this.cluster,
          )
        : null;
    this.metadata = metadata;
    this.sender = new Sender(
      {
        clientId: 'producer-1',
        acks: o.acks ?? -1,
        retries: o.retries ?? 2147483647,
        maxRequestSize: 1024 * 1024,
        requestTimeoutMs: o.requestTimeoutMs ?? 30000,
        retryBackoffMs: 100,
        retryBackoffMaxMs: 1000,
        maxInFlightRequestsPerConnection: maxInFlight,
      },
      {
        accumulator: this.acc,
        client: this.client,
        metadata: metadata ?? this.cluster,
        transactionManager: this.tm,
        initProducerId: this.init,
        metrics: this.metrics,
        onBatchCompleted: (batch, nowMs) => {
          // What KafkaProducer's completion does besides the callbacks.
          for (const r of batch.records) this.metrics.recordDeliveryLatency(nowMs - r.sendMs);
          this.completed.push(batch);
        },
        onMetadataUpdateRequested: (reason, nowMs) => {
          this.metadataUpdates.push(reason);
          metadata?.requestUpdate(nowMs);
        },
        onLeaderHint: (p, id, epoch, nowMs) => {
          this.leaderHints.push([p, id, epoch]);
          metadata?.updatePartitionLeadership(p, id, epoch, nowMs);
        },
      },
    );
  }

  /** Appends a record with a `valueSize`-byte value to `partition` at `nowMs`; returns it. */
  append(partition: number, nowMs: number, valueSize = 10): RecordState {
    const r = record(null, new Uint8Array(valueSize), nowMs);
    this.acc.append(r, partition, 1000, false, nowMs, this.metadata ?? this.cluster);
    return r;
  }

  /** Runs the Sender once at `nowMs`; returns its next wanted run time. */
  run(nowMs: number): number {
    return this.sender.runOnce(nowMs);
  }

  /** Gets a producer id: the first loop sends InitProducerId, the answer arrives at `nowMs`. */
  initProducerId(producerId: number, epoch: number, nowMs: number): void {
    this.run(nowMs);
    this.init.answer({ error: 'NONE', producerId, epoch }, nowMs);
  }
}
