/**
 * The simulated Kafka cluster: N brokers (ids 0..N−1), one topic with P partitions and replication factor RF placed
 * by the KRaft controller's striped placer, leader = first replica (epoch 0), broker↔broker links and one replica
 * fetcher per (follower, leader) pair. Implements ClusterView (the producer's metadata view; leadership is static
 * for now, so the view is always current). Simulation-only name; the roles are Kafka's controller + brokers.
 * Left out for now (state is in place): crashes, ISR shrink/expand, elections, unclean election, truncation.
 */
import type { Random } from '../engine/Random';
import type { Simulation } from '../engine/Simulation';
import type { ClusterView, PartitionInfo } from './ClusterView';
import { bandwidthBytesPerMs, type CostModel } from './CostModel';
import { NetworkLink } from './NetworkLink';
import { LogBudget, type PartitionLog } from './PartitionLog';
import { ReplicaFetcher } from './ReplicaFetcher';
import { type BrokerContext, SimBroker } from './SimBroker';
import { SimPartition } from './SimPartition';
import { placeReplicas } from './StripedReplicaPlacer';

export interface SimClusterConfig {
  /** Topic name. */
  readonly topic: string;
  /** Number of brokers N (ids 0..N−1). */
  readonly brokers: number;
  /** Number of partitions P. */
  readonly partitions: number;
  /** Replication factor RF ≤ N. */
  readonly replicationFactor: number;
  /** min.insync.replicas (topic/broker), Kafka default 1. */
  readonly minInsyncReplicas: number;
  /** message.max.bytes: largest batch (after compression) a broker accepts, default 1048588. */
  readonly messageMaxBytes: number;
  /** replica.lag.time.max.ms, default 30000 (kept for the coming ISR shrink). */
  readonly replicaLagTimeMaxMs: number;
  /** replica.fetch.max.bytes per partition, default 1048576. */
  readonly replicaFetchMaxBytes: number;
  /** replica.fetch.response.max.bytes, default 10485760. */
  readonly replicaFetchResponseMaxBytes: number;
  /** Record ids stored over all partition logs; beyond it offsets are still counted (log `truncated`). */
  readonly maxLoggedRecords: number;
}

export const DEFAULT_SIM_CLUSTER_CONFIG: SimClusterConfig = Object.freeze({
  topic: 'topic',
  brokers: 3,
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 1,
  messageMaxBytes: 1048588,
  replicaLagTimeMaxMs: 30000,
  replicaFetchMaxBytes: 1048576,
  replicaFetchResponseMaxBytes: 10485760,
  maxLoggedRecords: 10_000_000,
});

/** A partition's replication state, for reports (plain data). */
export interface PartitionReport {
  readonly partition: number;
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Each replica's log end offset, aligned with `replicas`. */
  readonly replicaLogEndOffsets: readonly number[];
  readonly highWatermark: number;
  readonly logEndOffset: number;
  readonly storedRecordCount: number;
  readonly truncated: boolean;
}

export class SimCluster implements ClusterView {
  readonly topic: string;
  readonly nodes: readonly number[];
  readonly config: SimClusterConfig;
  readonly brokers: readonly SimBroker[];
  private readonly parts: SimPartition[];
  /** links[from][to] between brokers (from ≠ to). */
  private readonly links: (NetworkLink | null)[][];
  private fetchers: ReplicaFetcher[] = [];
  private fetchersByPartition: ReplicaFetcher[][] = [];
  private nextChannelId = 1;
  // ClusterView caches, rebuilt on leadership/ISR changes.
  private available: number[] = [];
  private byNode: number[][] = [];
  private infos: PartitionInfo[] = [];

  /**
   * @param random used for replica placement (pass `sim.random.fork('cluster')`)
   * @throws Error for an invalid size or replication factor (Kafka's wording for the latter)
   */
  constructor(
    private readonly sim: Simulation,
    readonly cost: CostModel,
    config: Partial<SimClusterConfig>,
    random: Random,
  ) {
    const c: SimClusterConfig = { ...DEFAULT_SIM_CLUSTER_CONFIG, ...config };
    if (!Number.isInteger(c.brokers) || c.brokers < 1) throw new Error('brokers must be >= 1');
    if (!Number.isInteger(c.partitions) || c.partitions < 1) {
      throw new Error('partitions must be >= 1');
    }
    this.config = c;
    this.topic = c.topic;
    this.nodes = Array.from({ length: c.brokers }, (_, i) => i);
    const assignment = placeReplicas(this.nodes, c.partitions, c.replicationFactor, random);
    const budget = new LogBudget(c.maxLoggedRecords);
    const nowMs = sim.nowMs;
    this.parts = assignment.map(
      (replicas, p) => new SimPartition(p, replicas, c.minInsyncReplicas, budget, nowMs),
    );
    const ctx: BrokerContext = {
      topic: c.topic,
      messageMaxBytes: c.messageMaxBytes,
      partition: (p) => this.parts[p],
      followerFetchersOf: (p) => this.fetchersByPartition[p],
    };
    this.brokers = this.nodes.map((id) => new SimBroker(id, sim, cost, ctx));
    const bw = bandwidthBytesPerMs(cost);
    this.links = this.nodes.map((from) =>
      this.nodes.map((to) =>
        from === to
          ? null
          : new NetworkLink(`broker-${from}`, `broker-${to}`, cost.netLatencyMs, bw),
      ),
    );
    this.rebuildMetadataCaches();
    this.startFetchers(nowMs);
  }

  partitionCount(): number {
    return this.parts.length;
  }

  leaderOf(partition: number): number | null {
    return this.parts[partition].leader;
  }

  availablePartitions(): readonly number[] {
    return this.available;
  }

  partitionsForNode(node: number): readonly number[] {
    return this.byNode[node] ?? [];
  }

  partitionInfo(partition: number): PartitionInfo {
    return this.infos[partition];
  }

  broker(id: number): SimBroker {
    return this.brokers[id];
  }

  /** Live replication state of a partition (read-only for callers). */
  partition(p: number): SimPartition {
    return this.parts[p];
  }

  log(p: number): PartitionLog {
    return this.parts[p].log;
  }

  /** The broker→broker link (for reports). */
  link(from: number, to: number): NetworkLink {
    const l = this.links[from][to];
    if (l === null) throw new Error(`no link from broker ${from} to itself`);
    return l;
  }

  /** The replica fetchers, one per (follower, leader) pair with shared partitions. */
  replicaFetchers(): readonly ReplicaFetcher[] {
    return this.fetchers;
  }

  /** A fresh id for a client connection (unique over the cluster's lifetime). */
  allocateChannelId(): number {
    return this.nextChannelId++;
  }

  /**
   * Sets a partition's ISR, as an AlterPartition accepted by the controller would; the HW and the acks=all waiters
   * are re-checked. The hook the coming ISR shrink/expand logic (replica.lag.time.max.ms) will call.
   */
  alterPartitionIsr(partition: number, isr: readonly number[], nowMs: number): void {
    this.parts[partition].alterIsr(isr, nowMs);
    this.rebuildMetadataCaches();
  }

  /** Plain-data state of every partition, for reports. */
  partitionReports(): PartitionReport[] {
    return this.parts.map((p) => ({
      partition: p.partition,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      isr: [...p.isr],
      replicaLogEndOffsets: [...p.replicaLeo],
      highWatermark: p.highWatermark,
      logEndOffset: p.log.logEndOffset,
      storedRecordCount: p.log.storedRecordCount,
      truncated: p.log.truncated,
    }));
  }

  /** Recomputes the ClusterView arrays; call after any leader or ISR change. */
  private rebuildMetadataCaches(): void {
    this.available = [];
    this.byNode = this.nodes.map(() => []);
    this.infos = [];
    for (const p of this.parts) {
      if (p.leader !== null) {
        this.available.push(p.partition);
        this.byNode[p.leader].push(p.partition);
      }
      this.infos.push(
        Object.freeze({
          partition: p.partition,
          leader: p.leader,
          leaderEpoch: p.leaderEpoch,
          replicas: Object.freeze([...p.replicas]),
          isr: Object.freeze([...p.isr]),
        }),
      );
    }
  }

  /** One fetcher per (follower, leader) pair, as Kafka's ReplicaFetcherManager with num.replica.fetchers = 1. */
  private startFetchers(nowMs: number): void {
    for (const f of this.fetchers) f.stop();
    const limits = {
      replicaFetchMaxBytes: this.config.replicaFetchMaxBytes,
      replicaFetchResponseMaxBytes: this.config.replicaFetchResponseMaxBytes,
    };
    this.fetchers = [];
    this.fetchersByPartition = this.parts.map(() => []);
    for (const follower of this.nodes) {
      for (const leader of this.nodes) {
        if (follower === leader) continue;
        const shared = this.parts.filter(
          (p) => p.leader === leader && p.replicas.includes(follower),
        );
        if (shared.length === 0) continue;
        const f = new ReplicaFetcher(
          this.sim,
          this.cost,
          limits,
          follower,
          leader,
          shared,
          this.brokers[follower],
          this.link(follower, leader),
          this.link(leader, follower),
        );
        this.fetchers.push(f);
        for (const p of shared) this.fetchersByPartition[p.partition].push(f);
      }
    }
    for (const f of this.fetchers) f.start(nowMs);
  }
}
