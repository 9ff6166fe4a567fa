/**
 * Helpers shared by the cluster tests: builds produce requests with fresh ids, a recording broker channel, and a
 * cluster on a fresh Simulation. Test support only; nothing in the model imports it.
 */
import { Simulation } from '../engine/Simulation';
import { type CostModel, costModelFrom } from './CostModel';
import type { ProduceRequest, ProduceResponse, WireBatch } from './ProduceRequest';
import type { BrokerChannel } from './SimBroker';
import { SimCluster, type SimClusterConfig } from './SimCluster';

export interface BatchSpec {
  partition: number;
  records: number;
  size?: number;
  /** Idempotent producer fields (default -1: not idempotent). */
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
}

/**
 * A fixed cost model for the cluster tests (their exact timelines), independent of the calibrated defaults:
 * 0.25 ms latency, 1 Gbit/s links, 20 µs + 1 ns/byte per broker append.
 */
export const TEST_COST_MODEL: CostModel = costModelFrom({
  'net.latency.ms': 0.25,
  'net.bandwidth.mbps': 1000,
  'producer.cpu.record.us': 1,
  'producer.cpu.byte.ns': 0.5,
  'broker.append.batch.us': 20,
  'broker.append.byte.ns': 1,
  'replica.fetch.wait.max.ms': 500,
});

export class RequestFactory {
  private nextRequest = 0;
  private nextBatch = 0;
  nextRecord = 0;

  batch(spec: BatchSpec): WireBatch {
    const recordIds = Array.from({ length: spec.records }, () => this.nextRecord++);
    return {
      batchId: this.nextBatch++,
      partition: spec.partition,
      recordIds,
      recordCount: spec.records,
      sizeInBytes: spec.size ?? 61 + 20 * spec.records,
      producerId: spec.producerId ?? -1,
      producerEpoch: spec.producerEpoch ?? -1,
      baseSequence: spec.baseSequence ?? -1,
      maxTimestamp: 0,
    };
  }

  request(
    node: number,
    acks: -1 | 0 | 1,
    specs: BatchSpec[],
    opts: { timeoutMs?: number; createdMs?: number; overhead?: number } = {},
  ): ProduceRequest {
    const batches = specs.map((s) => this.batch(s));
    return {
      id: this.nextRequest++,
      node,
      acks,
      timeoutMs: opts.timeoutMs ?? 30000,
      batches,
      sizeInBytes: batches.reduce((n, b) => n + b.sizeInBytes, opts.overhead ?? 100),
      createdMs: opts.createdMs ?? 0,
    };
  }
}

/** A broker-side channel that records responses; sending takes `sendDelayMs`. */
export class StubChannel implements BrokerChannel {
  open = true;
  readonly responses: { response: ProduceResponse; atMs: number }[] = [];
  closedAtMs: number | null = null;
  constructor(
    readonly channelId: number,
    private readonly sendDelayMs = 0,
  ) {}
  sendResponse(response: ProduceResponse, nowMs: number): number {
    (this.responsesLost ? this.lost : this.responses).push({ response, atMs: nowMs });
    return nowMs + this.sendDelayMs;
  }
  closeFromBroker(nowMs: number): void {
    this.open = false;
    this.closedAtMs = nowMs;
  }
  /** Responses sent after loseResponses() land here instead. */
  readonly lost: { response: ProduceResponse; atMs: number }[] = [];
  responsesLost = false;
  loseResponses(): void {
    this.responsesLost = true;
  }
}

/** Delivers `req` to its broker at `atMs` on `ch` (as if it had just arrived over the network). */
export function deliverAt(
  sim: Simulation,
  cluster: SimCluster,
  req: ProduceRequest,
  ch: BrokerChannel,
  atMs: number,
): void {
  sim.at(atMs, (t) => cluster.broker(req.node).handleProduceRequest(req, ch, t));
}

export function makeCluster(
  config: Partial<SimClusterConfig>,
  seed = 1,
  cost: CostModel = TEST_COST_MODEL,
): { sim: Simulation; cluster: SimCluster } {
  const sim = new Simulation(seed);
  const cluster = new SimCluster(sim, cost, config, sim.random.fork('cluster'));
  return { sim, cluster };
}
