/**
 * The simulated Kafka cluster: N brokers (ids 0..N−1), one topic with P partitions and replication factor RF placed
 * by the KRaft controller's striped placer, leader = first replica (epoch 0), broker↔broker links and one replica
 * fetcher per live (follower, leader) pair. Implements ClusterView as the controller's truth (leaders, ISR, epochs;
 * `metadataVersion` changes with each of them) and ClusterFaults (crash/restart, slow, stalled followers,
 * isolation, dropped responses, injected errors), with the Controller taking the elections and ISR decisions.
 * Simulation-only name; the roles are Kafka's controller + brokers.
 */
import type { ErrorName } from '../common/protocol/Errors';
import type { Random } from '../engine/Random';
import type { Simulation } from '../engine/Simulation';
import type { ClusterFaults } from '../faults/FaultTarget';
import {
  type BrokerReport,
  brokerReports,
  type PartitionReport,
  partitionReports,
} from './ClusterReports';
import type { ClusterView, PartitionInfo } from './ClusterView';
import { Controller, type ControllerListener } from './Controller';
import { bandwidthBytesPerMs, type CostModel } from './CostModel';
import { NetworkLink } from './NetworkLink';
import { LogBudget, type PartitionLog } from './PartitionLog';
import type { ReplicaFetcher } from './ReplicaFetcher';
import { ReplicaFetcherManager } from './ReplicaFetcherManager';
import { type BrokerContext, SimBroker } from './SimBroker';
import { DEFAULT_SIM_CLUSTER_CONFIG, type SimClusterConfig } from './SimClusterConfig';
import { type PartitionObserver, SimPartition } from './SimPartition';
import { placeReplicas } from './StripedReplicaPlacer';

export { DEFAULT_SIM_CLUSTER_CONFIG, type SimClusterConfig } from './SimClusterConfig';
export type { BrokerReport, PartitionReport };

/** A producer-side client told about broker faults (NetworkClient). */
export interface ClusterClient {
  /** The broker died: its connections break. */
  brokerDown(broker: number, nowMs: number): void;
  /** The producer's network to the broker is back. */
  brokerHealed(broker: number, nowMs: number): void;
}

export class SimCluster implements ClusterView, ClusterFaults, ControllerListener {
  readonly topic: string;
  readonly nodes: readonly number[];
  readonly config: SimClusterConfig;
  readonly brokers: readonly SimBroker[];
  private readonly parts: SimPartition[];
  /** links[from][to] between brokers (from ≠ to). */
  private readonly links: (NetworkLink | null)[][];
  private readonly fetcherManager: ReplicaFetcherManager;
  private nextChannelId = 1;
  private readonly controller: Controller;
  private readonly clients: ClusterClient[] = [];
  private readonly injected: { error: ErrorName; remaining: number }[][];
  private version = 0;
  // ClusterView caches, rebuilt on leadership/ISR changes.
  private available: number[] = [];
  private byNode: number[][] = [];
  private infos: PartitionInfo[] = [];

  /**
   * @param random used for replica placement (pass `sim.random.fork('cluster')`)
   * @throws Error for an invalid size or replication factor (Kafka's wording for the latter)
   */
  constructor(
    readonly sim: Simulation,
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
      followerFetchersOf: (p) => this.fetcherManager.byPartition[p],
      takeInjectedError: (p) => this.takeInjectedError(p),
    };
    this.injected = this.parts.map(() => []);
    this.brokers = this.nodes.map((id) => new SimBroker(id, sim, cost, ctx));
    const bw = bandwidthBytesPerMs(cost);
    this.links = this.nodes.map((from) =>
      this.nodes.map((to) =>
        from === to
          ? null
          : new NetworkLink(`broker-${from}`, `broker-${to}`, cost.netLatencyMs, bw),
      ),
    );
    this.fetcherManager = new ReplicaFetcherManager(
      sim,
      cost,
      {
        replicaFetchMaxBytes: c.replicaFetchMaxBytes,
        replicaFetchResponseMaxBytes: c.replicaFetchResponseMaxBytes,
      },
      this.nodes,
      this.brokers,
      this.parts,
      (from, to) => this.link(from, to),
    );
    this.controller = new Controller(sim, c, this.brokers, this.parts, this);
    this.rebuildMetadataCaches();
    this.fetcherManager.plan(nowMs);
  }

  /** Changes with every leadership or ISR change (the producer's metadata compares it). */
  get metadataVersion(): number {
    return this.version;
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

  /** Installs (or with null removes) the explorer's observer on every partition's leader log. */
  setPartitionObserver(observer: PartitionObserver | null): void {
    for (const p of this.parts) p.observer = observer;
  }

  /** The broker→broker link (for reports). */
  link(from: number, to: number): NetworkLink {
    const l = this.links[from][to];
    if (l === null) throw new Error(`no link from broker ${from} to itself`);
    return l;
  }

  /** The replica fetchers, one per (follower, leader) pair with shared partitions. */
  replicaFetchers(): readonly ReplicaFetcher[] {
    return this.fetcherManager.fetchers;
  }

  /** A fresh id for a client connection (unique over the cluster's lifetime). */
  allocateChannelId(): number {
    return this.nextChannelId++;
  }

  /**
   * Sets a partition's ISR, as an AlterPartition accepted by the controller would; the HW and the acks=all waiters
   * are re-checked.
   */
  alterPartitionIsr(partition: number, isr: readonly number[], nowMs: number): void {
    this.parts[partition].alterIsr(isr, nowMs);
    this.metadataChanged(false, nowMs);
  }

  /** The controller (elections, ISR changes, counters). */
  get controllerState(): Controller {
    return this.controller;
  }

  /** Plain-data state of every partition, for reports. */
  partitionReports(): PartitionReport[] {
    return partitionReports(this.parts);
  }

  /** Plain-data state of every broker, for reports. */
  brokerReports(): BrokerReport[] {
    return brokerReports(this.brokers);
  }

  /** Record ids of partition `p`'s committed log (offsets below the high watermark); a view. */
  committedRecordIds(p: number): Int32Array {
    const part = this.parts[p];
    return part.log.recordIdsBelow(part.highWatermark);
  }

  /** Registers a client to be told about broker faults; returns a function that unregisters it. */
  addClient(client: ClusterClient): () => void {
    this.clients.push(client);
    return () => {
      const i = this.clients.indexOf(client);
      if (i >= 0) this.clients.splice(i, 1);
    };
  }

  crashBroker(broker: number, nowMs: number): void {
    const b = this.checkedBroker(broker);
    if (!b.alive) return;
    b.crash(nowMs);
    for (const c of [...this.clients]) c.brokerDown(broker, nowMs);
    this.controller.brokerCrashed(broker);
    this.fetcherManager.plan(nowMs);
  }

  restartBroker(broker: number, nowMs: number): void {
    const b = this.checkedBroker(broker);
    if (b.alive) return;
    b.restart(nowMs);
    this.controller.brokerRestarted(broker, nowMs);
  }

  slowBroker(broker: number, extraMs: number, _nowMs: number): void {
    if (!(extraMs >= 0)) throw new RangeError(`slow: extraMs must be >= 0, got ${extraMs}`);
    this.checkedBroker(broker).appendExtraMs = extraMs;
  }

  stallFollower(broker: number, nowMs: number): void {
    this.checkedBroker(broker).stalled = true;
    this.fetcherManager.plan(nowMs);
  }

  resumeBroker(broker: number, nowMs: number): void {
    const b = this.checkedBroker(broker);
    b.appendExtraMs = 0;
    if (b.stalled) {
      b.stalled = false;
      this.fetcherManager.plan(nowMs);
    }
  }

  isolateBroker(broker: number, _nowMs: number): void {
    this.checkedBroker(broker).isolated = true;
  }

  healBroker(broker: number, nowMs: number): void {
    const b = this.checkedBroker(broker);
    if (!b.isolated) return;
    b.isolated = false;
    for (const c of [...this.clients]) c.brokerHealed(broker, nowMs);
  }

  dropResponses(broker: number, count: number, _nowMs: number): void {
    this.checkedBroker(broker).dropResponsesRemaining += Math.max(0, count);
  }

  injectErrors(partition: number, error: ErrorName, count: number, _nowMs: number): void {
    if (!(partition >= 0 && partition < this.parts.length)) {
      throw new RangeError(`error: no partition ${partition}`);
    }
    if (count > 0) this.injected[partition].push({ error, remaining: count });
  }

  /** @internal ControllerListener: leaders or ISRs changed. */
  metadataChanged(leadersChanged: boolean, nowMs: number): void {
    this.version++;
    this.rebuildMetadataCaches();
    if (leadersChanged) this.fetcherManager.plan(nowMs);
  }

  private takeInjectedError(p: number): ErrorName | null {
    const queue = this.injected[p];
    if (queue.length === 0) return null;
    const head = queue[0];
    if (--head.remaining === 0) queue.shift();
    return head.error;
  }

  private checkedBroker(broker: number): SimBroker {
    const b = this.brokers[broker];
    if (b === undefined) throw new RangeError(`no broker ${broker}`);
    return b;
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
}
