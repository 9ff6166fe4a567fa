/**
 * Which replica fetchers run: one per live (follower, leader) pair sharing partitions, as Kafka's
 * ReplicaFetcherManager with num.replica.fetchers = 1. Re-planned on every leadership or liveness change: a fetcher
 * whose pair and partitions are unchanged keeps running, the others stop and new ones start from the followers'
 * current LEOs. Left out: fetcher threads per broker > 1, partition removal without a restart of the fetcher.
 */
import type { Simulation } from '../engine/Simulation';
import type { CostModel } from './CostModel';
import type { NetworkLink } from './NetworkLink';
import { ReplicaFetcher, type ReplicaFetcherLimits } from './ReplicaFetcher';
import type { SimBroker } from './SimBroker';
import type { SimPartition } from './SimPartition';

export class ReplicaFetcherManager {
  fetchers: ReplicaFetcher[] = [];
  /** Per partition: the fetchers copying it from its leader. */
  byPartition: ReplicaFetcher[][] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly cost: CostModel,
    private readonly limits: ReplicaFetcherLimits,
    private readonly nodes: readonly number[],
    private readonly brokers: readonly SimBroker[],
    private readonly parts: readonly SimPartition[],
    private readonly link: (from: number, to: number) => NetworkLink,
  ) {}

  plan(nowMs: number): void {
    const old = this.fetchers;
    const next: ReplicaFetcher[] = [];
    const started: ReplicaFetcher[] = [];
    for (const follower of this.nodes) {
      const fb = this.brokers[follower];
      if (!fb.alive || fb.stalled) continue;
      for (const leader of this.nodes) {
        if (follower === leader || !this.brokers[leader].alive) continue;
        const shared = this.parts.filter(
          (p) => p.leader === leader && p.replicas.includes(follower),
        );
        if (shared.length === 0) continue;
        const same = old.find(
          (f) =>
            !f.stopped &&
            f.followerId === follower &&
            f.leaderId === leader &&
            f.partitions.length === shared.length &&
            f.partitions.every((p, i) => p === shared[i]),
        );
        if (same !== undefined) {
          next.push(same);
          continue;
        }
        const f = new ReplicaFetcher(
          this.sim,
          this.cost,
          this.limits,
          follower,
          leader,
          shared,
          fb,
          this.link(follower, leader),
          this.link(leader, follower),
        );
        next.push(f);
        started.push(f);
      }
    }
    for (const f of old) if (!next.includes(f)) f.stop();
    this.fetchers = next;
    this.byPartition = this.parts.map(() => []);
    for (const f of next) for (const p of f.partitions) this.byPartition[p.partition].push(f);
    for (const f of started) f.start(nowMs);
  }
}
