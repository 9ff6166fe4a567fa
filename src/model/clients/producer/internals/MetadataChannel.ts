/**
 * How the producer's metadata cache asks the brokers for the topic's metadata. Kafka sends a MetadataRequest to the
 * least loaded node over the same NetworkClient as produce requests; the simulated NetworkClient only carries
 * produce requests, so the exchange is its own small channel (like InitProducerIdChannel): `send` answers later
 * through a callback with the cluster's truth as the answering broker saw it, or null when the request failed.
 * `SimulatedMetadataChannel` models one request: latency to the broker, the broker's handling cost (the snapshot is
 * taken then), latency back. Left out: leastLoadedNode's in-flight counting (the lowest-numbered reachable broker
 * answers), metadata request sizes, request timeouts (a broker that cannot answer fails the request at once).
 */
import type { ClusterView, PartitionInfo } from '../../../cluster/ClusterView';
import type { Simulation } from '../../../engine/Simulation';

/** The topic's metadata as one MetadataResponse carried it (plain data). */
export interface MetadataResponseData {
  /** Brokers the response lists. */
  readonly nodes: readonly number[];
  /** One entry per partition, in partition order. */
  readonly partitions: readonly PartitionInfo[];
  /** The broker that answered. */
  readonly node: number;
}

export interface MetadataChannel {
  /**
   * Sends a MetadataRequest at `nowMs`. Returns the node it went to, or null when no node can take it now (the
   * cache then counts a failed attempt and backs off). Must call `onResponse` exactly once, later: with the data,
   * or null if the request failed.
   */
  send(
    nowMs: number,
    onResponse: (response: MetadataResponseData | null, nowMs: number) => void,
  ): number | null;
}

/** The cluster's truth as a MetadataResponse (a copy of the view's arrays). */
export function metadataResponseFrom(truth: ClusterView, node: number): MetadataResponseData {
  const count = truth.partitionCount();
  const partitions: PartitionInfo[] = new Array(count);
  for (let p = 0; p < count; p++) partitions[p] = truth.partitionInfo(p);
  return { nodes: [...truth.nodes], partitions, node };
}

export interface SimulatedMetadataChannelOptions {
  /** One-way network latency producer↔broker, ms. */
  readonly latencyMs: number;
  /** The broker's time to build the answer, ms. */
  readonly brokerCostMs: number;
  /** Whether the producer can reach `node` at `nowMs` (crashed or isolated brokers cannot answer). Default: all. */
  readonly reachable?: (node: number, nowMs: number) => boolean;
}

export class SimulatedMetadataChannel implements MetadataChannel {
  /** Requests sent (for reports and tests). */
  requests = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly truth: ClusterView,
    private readonly options: SimulatedMetadataChannelOptions,
  ) {}

  send(
    nowMs: number,
    onResponse: (response: MetadataResponseData | null, nowMs: number) => void,
  ): number | null {
    const node = this.pickNode(nowMs);
    if (node === null) return null;
    this.requests++;
    const { latencyMs, brokerCostMs } = this.options;
    const answerMs = nowMs + latencyMs + brokerCostMs;
    this.sim.at(answerMs, () => {
      // A broker that died (or was cut off) meanwhile never answers: the client sees the connection drop.
      const response = this.isReachable(node, answerMs)
        ? metadataResponseFrom(this.truth, node)
        : null;
      const arrivalMs = answerMs + latencyMs;
      this.sim.at(arrivalMs, () => onResponse(response, arrivalMs));
    });
    return node;
  }

  private pickNode(nowMs: number): number | null {
    for (const node of this.truth.nodes) if (this.isReachable(node, nowMs)) return node;
    return null;
  }

  private isReachable(node: number, nowMs: number): boolean {
    return this.options.reachable?.(node, nowMs) ?? true;
  }
}
