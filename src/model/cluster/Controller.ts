/**
 * The cluster's controller decisions: fencing a crashed broker (out of every ISR, new leaders for its partitions),
 * unfencing a restarted one (its replicas truncate to their high watermark, leaderless partitions get a leader),
 * ISR shrink (the leaders' periodic `replica.lag.time.max.ms` check) and ISR expand (a follower caught up to the
 * HW). Mirrors KRaft's `ReplicationControlManager` + `PartitionChangeBuilder` (election: first ISR replica in
 * replica order that is alive; unclean: first live replica; no candidate: no leader, the last ISR member stays in the
 * ISR) and the leader side of `ReplicaManager.maybeShrinkIsr` (every replica.lag.time.max.ms / 2).
 * Left out: heartbeats (a crash is noticed after `leaderElectionDelayMs`, standing in for broker.session.timeout.ms),
 * controlled shutdown, preferred-leader rebalancing (auto.leader.rebalance.enable), eligible leader replicas
 * (KIP-966), the AlterPartition round trip, controller failover.
 */
import type { Simulation } from '../engine/Simulation';
import type { SimBroker } from './SimBroker';
import type { PartitionListener, SimPartition } from './SimPartition';

export interface ControllerConfig {
  readonly replicaLagTimeMaxMs: number;
  readonly uncleanLeaderElectionEnable: boolean;
  readonly leaderElectionDelayMs: number;
}

/** What the controller tells the cluster after each decision. */
export interface ControllerListener {
  /** Leadership or ISR changed; `leadersChanged` when replica fetchers must be re-planned. */
  metadataChanged(leadersChanged: boolean, nowMs: number): void;
}

/** One leadership change, for reports and tests. */
export interface ElectionRecord {
  readonly atMs: number;
  readonly partition: number;
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly unclean: boolean;
  /** Records cut from the log because the new leader lacked them. */
  readonly truncatedRecords: number;
}

export class Controller implements PartitionListener {
  readonly elections: ElectionRecord[] = [];
  isrShrinks = 0;
  isrExpands = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly config: ControllerConfig,
    private readonly brokers: readonly SimBroker[],
    private readonly partitions: readonly SimPartition[],
    private readonly listener: ControllerListener,
  ) {
    for (const p of partitions) p.listener = this;
    const period = config.replicaLagTimeMaxMs / 2;
    const tick = (nowMs: number): void => {
      this.shrinkIsrs(nowMs);
      sim.after(period, tick);
    };
    sim.after(period, tick);
  }

  /** The broker died: after the session timeout it is fenced, unless it came back in between. */
  brokerCrashed(broker: number): void {
    const incarnation = this.brokers[broker].incarnation;
    this.sim.after(this.config.leaderElectionDelayMs, (nowMs) => {
      const b = this.brokers[broker];
      if (!b.alive && b.incarnation === incarnation) this.fence(broker, nowMs);
    });
  }

  /** Fences the broker: out of every ISR (but never emptying one), new leaders where it led. */
  fence(broker: number, nowMs: number): void {
    let leadersChanged = false;
    for (const p of this.partitions) {
      const ri = p.replicaIndexOf(broker);
      if (ri < 0) continue;
      if (p.isInIsr(ri) && p.isr.length > 1)
        p.alterIsr(
          p.isr.filter((b) => b !== broker),
          nowMs,
        );
      if (p.leader === broker) {
        this.elect(p, nowMs);
        leadersChanged = true;
      }
    }
    this.listener.metadataChanged(leadersChanged, nowMs);
  }

  /**
   * The broker is back: leaderless partitions it can lead get it as leader (keeping its log); elsewhere its replicas
   * truncate to the high watermark they knew and will fetch from the leader.
   */
  brokerRestarted(broker: number, nowMs: number): void {
    for (const p of this.partitions) {
      const ri = p.replicaIndexOf(broker);
      if (ri < 0) continue;
      if (p.leader === null && (p.isInIsr(ri) || this.config.uncleanLeaderElectionEnable)) {
        // A replica becoming leader keeps its whole log (leaders never truncate).
        this.makeLeader(p, broker, !p.isInIsr(ri), nowMs);
      } else if (p.leader !== broker) {
        p.truncateReplicaToHighWatermark(ri);
      }
    }
    this.listener.metadataChanged(true, nowMs);
  }

  /** @internal A follower reached the HW and the leader epoch start: it rejoins the ISR. */
  isrExpandRequested(p: SimPartition, broker: number, nowMs: number): void {
    if (!this.brokers[broker].alive) return;
    this.isrExpands++;
    p.alterIsr([...p.isr, broker], nowMs);
    this.listener.metadataChanged(false, nowMs);
  }

  /** Each live leader drops followers not caught up for replica.lag.time.max.ms. */
  shrinkIsrs(nowMs: number): void {
    let changed = false;
    for (const p of this.partitions) {
      if (p.leader === null || !this.brokers[p.leader].alive) continue;
      const out = p.outOfSyncReplicas(nowMs, this.config.replicaLagTimeMaxMs);
      if (out.length === 0) continue;
      this.isrShrinks++;
      p.alterIsr(
        p.isr.filter((b) => !out.includes(b)),
        nowMs,
      );
      changed = true;
    }
    if (changed) this.listener.metadataChanged(false, nowMs);
  }

  private elect(p: SimPartition, nowMs: number): void {
    const alive = (b: number) => this.brokers[b].alive;
    const clean = p.replicas.find((b) => p.isr.includes(b) && alive(b));
    if (clean !== undefined) {
      this.makeLeader(p, clean, false, nowMs);
      return;
    }
    const unclean = this.config.uncleanLeaderElectionEnable ? p.replicas.find(alive) : undefined;
    if (unclean !== undefined) this.makeLeader(p, unclean, true, nowMs);
    else this.makeLeader(p, null, false, nowMs);
  }

  private makeLeader(
    p: SimPartition,
    leader: number | null,
    unclean: boolean,
    nowMs: number,
  ): void {
    const truncated = p.changeLeader(leader, nowMs);
    // An unclean leader starts a new ISR of its own.
    if (unclean && leader !== null) p.alterIsr([leader], nowMs);
    this.elections.push({
      atMs: nowMs,
      partition: p.partition,
      leader,
      leaderEpoch: p.leaderEpoch,
      unclean,
      truncatedRecords: truncated,
    });
  }
}
