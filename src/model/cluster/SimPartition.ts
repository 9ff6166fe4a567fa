/**
 * The replicated state of one partition: replicas, leader and leader epoch, ISR, each replica's log end offset,
 * the high watermark, the acks=all waiters and the producer state (broker-side idempotence). Mirrors the leader side
 * of Kafka's `kafka.cluster.Partition` (appendRecordsToLeader, updateFollowerFetchState with maybeExpandIsr,
 * getOutOfSyncReplicas, maybeIncrementLeaderHW, checkEnoughReplicasReachOffset, makeLeader) plus the followers' own
 * LEO/HW and their truncation. One object per partition stands in for the per-broker Partition objects of a real
 * cluster; the controller's decisions (ISR changes, elections) are applied to it by the Controller.
 * Left out: the AlterPartition round trip (ISR changes apply at once), a new leader's HW lagging until followers
 * fetch (it keeps min(HW, its LEO)), caught-up out-of-ISR replicas holding the HW back, leader epochs in fetches
 * (a replica that lacks part of a new leader's log is cut back at the election, as OffsetsForLeaderEpoch would).
 */
import type { DelayedProduce } from './DelayedProduce';
import type { LogBudget } from './PartitionLog';
import { lastSequenceOf, PartitionLog } from './PartitionLog';
import type { WireBatch } from './ProduceRequest';
import { ProducerStateManager } from './ProducerStateManager';

/**
 * An optional observer of the leader's log for the explorer (run/JourneyRecorder): appends, high-watermark
 * advances and truncations. Simulation-only; it reads and never changes the partition. The high watermark's time
 * is the simulation's current time (the methods that move it do not all take `nowMs`).
 */
export interface PartitionObserver {
  /** The leader appended `batch` at `baseOffset` (its last record is at baseOffset + recordCount − 1). */
  leaderAppended(
    partition: SimPartition,
    batch: WireBatch,
    baseOffset: number,
    nowMs: number,
  ): void;
  /** `partition.highWatermark` just increased. */
  highWatermarkAdvanced(partition: SimPartition): void;
  /** A new leader cut the log back to `logEndOffset`: records at or above it are gone. */
  logTruncated(partition: SimPartition, logEndOffset: number): void;
}

/** Who applies a follower's ISR join (the controller's AlterPartition). */
export interface PartitionListener {
  isrExpandRequested(partition: SimPartition, broker: number, nowMs: number): void;
}

export class SimPartition {
  leader: number | null;
  leaderEpoch = 0;
  /** Bumped on every ISR or leader change (KRaft's partition epoch). */
  partitionEpoch = 0;
  /** In-sync replicas, in replica order; changed only through `alterIsr`. */
  isr: number[];
  /** Per replica index: in the ISR. */
  private readonly inIsr: boolean[];
  /** Log end offset when the current leader took over; a follower must reach it to rejoin the ISR. */
  leaderEpochStartOffset = 0;
  /** Broker-side idempotence state of the leader's log. */
  readonly producerState = new ProducerStateManager();
  listener: PartitionListener | null = null;
  /** The explorer's observer (SimCluster.setPartitionObserver); null when nobody watches. */
  observer: PartitionObserver | null = null;
  highWatermark = 0;
  readonly log: PartitionLog;
  /** Each replica's own log end offset, indexed like `replicas` (the leader's equals log.logEndOffset). */
  readonly replicaLeo: number[];
  /** Each replica's own high watermark (followers learn the leader's from fetch responses). */
  readonly replicaHw: number[];
  /** Follower LEOs as the leader last saw them in a fetch (the leader's own entry is unused). */
  readonly leoSeenByLeader: number[];
  /** Kafka's Replica.lastCaughtUpTimeMs, per replica (the ISR shrink rule). */
  readonly lastCaughtUpTimeMs: number[];
  private readonly lastFetchLeaderLogEndOffset: number[];
  private readonly lastFetchTimeMs: number[];
  // acks=all waiters in append order: their required offsets increase, so a FIFO suffices.
  private waitOps: DelayedProduce[] = [];
  private waitIndex: number[] = [];
  private waitRequired: number[] = [];
  private waitHead = 0;

  constructor(
    readonly partition: number,
    readonly replicas: readonly number[],
    readonly minInsyncReplicas: number,
    budget: LogBudget,
    nowMs: number,
  ) {
    this.leader = replicas.length > 0 ? replicas[0] : null;
    this.isr = [...replicas];
    this.inIsr = replicas.map(() => true);
    this.log = new PartitionLog(partition, budget);
    const n = replicas.length;
    this.replicaLeo = new Array<number>(n).fill(0);
    this.replicaHw = new Array<number>(n).fill(0);
    this.leoSeenByLeader = new Array<number>(n).fill(0);
    this.lastCaughtUpTimeMs = new Array<number>(n).fill(nowMs);
    this.lastFetchLeaderLogEndOffset = new Array<number>(n).fill(0);
    this.lastFetchTimeMs = new Array<number>(n).fill(nowMs);
  }

  /** min(min.insync.replicas, replication factor), as Kafka since 3.7. */
  effectiveMinIsr(): number {
    return Math.min(this.minInsyncReplicas, this.replicas.length);
  }

  isUnderMinIsr(): boolean {
    return this.isr.length < this.effectiveMinIsr();
  }

  replicaIndexOf(broker: number): number {
    return this.replicas.indexOf(broker);
  }

  /** True if the replica at `replicaIndex` is in the ISR. */
  isInIsr(replicaIndex: number): boolean {
    return this.inIsr[replicaIndex];
  }

  /**
   * Appends on the leader and records the batch in the producer state; returns the base offset. Checks
   * (leadership, min ISR, size, `producerState.check`) are the caller's.
   */
  appendAsLeader(batch: WireBatch, nowMs: number): number {
    const base = this.log.append(batch, nowMs);
    if (batch.producerId >= 0) {
      this.producerState.update(
        batch.producerId,
        batch.producerEpoch,
        batch.baseSequence,
        lastSequenceOf(batch.baseSequence, batch.recordCount),
        base,
        base + batch.recordCount - 1,
      );
    }
    const li = this.leader === null ? -1 : this.replicas.indexOf(this.leader);
    if (li >= 0) this.replicaLeo[li] = this.log.logEndOffset;
    // Without followers nobody will fetch this batch: keep the replication window empty.
    if (this.replicas.length === 1) this.log.trimReplicationWindow(this.log.logEndOffset);
    this.observer?.leaderAppended(this, batch, base, nowMs);
    return base;
  }

  /**
   * A follower's fetch reached the leader: its fetch offset is its LEO. Updates lastCaughtUpTimeMs as Kafka's
   * ReplicaState does, then moves the HW if possible. Returns true if the HW increased.
   */
  updateFollowerFetchState(replicaIndex: number, fetchOffset: number, nowMs: number): boolean {
    const leaderEnd = this.log.logEndOffset;
    if (fetchOffset >= leaderEnd) {
      this.lastCaughtUpTimeMs[replicaIndex] = Math.max(
        this.lastCaughtUpTimeMs[replicaIndex],
        nowMs,
      );
    } else if (fetchOffset >= this.lastFetchLeaderLogEndOffset[replicaIndex]) {
      this.lastCaughtUpTimeMs[replicaIndex] = Math.max(
        this.lastCaughtUpTimeMs[replicaIndex],
        this.lastFetchTimeMs[replicaIndex],
      );
    }
    this.lastFetchLeaderLogEndOffset[replicaIndex] = leaderEnd;
    this.lastFetchTimeMs[replicaIndex] = nowMs;
    this.leoSeenByLeader[replicaIndex] = fetchOffset;
    this.trimReplicationWindow();
    // Partition.isFollowerInSync: at the HW and past the current leader's epoch start.
    if (
      !this.inIsr[replicaIndex] &&
      fetchOffset >= this.highWatermark &&
      fetchOffset >= this.leaderEpochStartOffset &&
      this.listener !== null
    ) {
      const before = this.highWatermark;
      this.listener.isrExpandRequested(this, this.replicas[replicaIndex], nowMs);
      if (this.highWatermark > before) return true;
    }
    return this.maybeIncrementHighWatermark();
  }

  /**
   * Kafka's getOutOfSyncReplicas: ISR followers behind the leader's LEO that have not been caught up for more
   * than `maxLagMs`.
   */
  outOfSyncReplicas(nowMs: number, maxLagMs: number): number[] {
    const out: number[] = [];
    if (this.leader === null) return out;
    const leaderEnd = this.log.logEndOffset;
    for (let i = 0; i < this.replicas.length; i++) {
      const b = this.replicas[i];
      if (b === this.leader || !this.inIsr[i]) continue;
      if (this.leoSeenByLeader[i] !== leaderEnd && nowMs - this.lastCaughtUpTimeMs[i] > maxLagMs) {
        out.push(b);
      }
    }
    return out;
  }

  /**
   * Applies a leader change decided by the controller (leader epoch and partition epoch bump). A new leader's log
   * is the log from now on: whatever lies beyond its LEO is cut (that tail is lost), every replica is cut back to
   * it, the producer state is rebuilt, and the old leader's acks=all waiters are dropped (it is gone). Followers'
   * fetch state is reset as Partition.makeLeader does. Returns the number of records truncated.
   */
  changeLeader(newLeader: number | null, nowMs: number): number {
    this.leader = newLeader;
    this.leaderEpoch++;
    this.partitionEpoch++;
    this.clearWaiters();
    if (newLeader === null) return 0;
    const li = this.replicas.indexOf(newLeader);
    const cut = this.replicaLeo[li];
    const removed = this.log.truncateTo(cut);
    if (removed > 0) this.producerState.truncateTo(cut, this.log);
    if (removed > 0) this.observer?.logTruncated(this, cut);
    for (let i = 0; i < this.replicas.length; i++) {
      if (this.replicaLeo[i] > cut) this.replicaLeo[i] = cut;
      if (this.replicaHw[i] > cut) this.replicaHw[i] = cut;
      this.leoSeenByLeader[i] = i === li ? cut : 0; // unknown until the follower fetches
      this.lastCaughtUpTimeMs[i] = this.inIsr[i] ? nowMs : 0;
      this.lastFetchLeaderLogEndOffset[i] = cut;
      this.lastFetchTimeMs[i] = nowMs;
    }
    if (this.highWatermark > cut) this.highWatermark = cut;
    this.replicaHw[li] = this.highWatermark;
    this.leaderEpochStartOffset = cut;
    return removed;
  }

  /** A restarted replica that will follow: its log is cut back to the high watermark it last knew. */
  truncateReplicaToHighWatermark(replicaIndex: number): void {
    const hw = this.replicaHw[replicaIndex];
    if (this.replicaLeo[replicaIndex] > hw) this.replicaLeo[replicaIndex] = hw;
    if (this.leoSeenByLeader[replicaIndex] > hw) this.leoSeenByLeader[replicaIndex] = hw;
  }

  /** A follower appended fetched data: its own LEO, and its HW = min(leader's HW in the response, its LEO). */
  followerAppended(replicaIndex: number, newLeo: number, leaderHw: number): void {
    this.replicaLeo[replicaIndex] = newLeo;
    this.replicaHw[replicaIndex] = Math.min(leaderHw, newLeo);
  }

  /**
   * HW = min LEO over the ISR (the leader's own LEO included), never decreasing, and frozen while the ISR is
   * below the effective min ISR (Kafka 3.7+, KAFKA-15583). Returns true if it increased.
   * Left out: replicas outside the ISR that are caught up and about to join also hold the HW back in Kafka.
   */
  maybeIncrementHighWatermark(): boolean {
    if (this.isUnderMinIsr() || this.leader === null) return false;
    let hw = this.log.logEndOffset;
    for (const broker of this.isr) {
      if (broker === this.leader) continue;
      const i = this.replicas.indexOf(broker);
      const leo = this.leoSeenByLeader[i];
      if (leo < hw) hw = leo;
    }
    if (hw <= this.highWatermark) return false;
    this.highWatermark = hw;
    const li = this.replicas.indexOf(this.leader);
    if (li >= 0) this.replicaHw[li] = hw;
    this.observer?.highWatermarkAdvanced(this);
    return true;
  }

  /** Registers response entry `index` of `op` to complete once HW ≥ requiredOffset (batch end offset + 1). */
  watch(op: DelayedProduce, index: number, requiredOffset: number): void {
    this.waitOps.push(op);
    this.waitIndex.push(index);
    this.waitRequired.push(requiredOffset);
  }

  /**
   * Completes every waiter whose batch is below the HW (Kafka's checkEnoughReplicasReachOffset): NONE, or
   * NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR is now smaller than the effective min ISR.
   */
  completeWaiters(nowMs: number): void {
    const hw = this.highWatermark;
    const ops = this.waitOps;
    let h = this.waitHead;
    if (h >= ops.length || this.waitRequired[h] > hw) return;
    const error = this.isUnderMinIsr() ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : 'NONE';
    while (h < ops.length && this.waitRequired[h] <= hw) {
      const op = ops[h];
      const index = this.waitIndex[h];
      h++;
      this.waitHead = h;
      op.satisfy(index, error, nowMs);
    }
    this.compactWaiters();
  }

  /** Number of registered waiters not yet passed by the HW (expired ones included until the HW passes them). */
  get waiterCount(): number {
    return this.waitOps.length - this.waitHead;
  }

  /** Replaces the ISR (Kafka's AlterPartition result); HW and waiters are re-checked as after an ISR change. */
  alterIsr(isr: readonly number[], nowMs: number): void {
    for (const b of isr) {
      if (!this.replicas.includes(b)) {
        throw new Error(`Partition ${this.partition}: ISR member ${b} is not a replica`);
      }
    }
    this.isr = this.replicas.filter((r) => isr.includes(r));
    for (let i = 0; i < this.replicas.length; i++) this.inIsr[i] = isr.includes(this.replicas[i]);
    this.partitionEpoch++;
    this.maybeIncrementHighWatermark();
    this.completeWaiters(nowMs);
  }

  /**
   * Keeps every batch above the lowest high watermark any replica knows: a replica may have to truncate to its HW
   * (restart) and fetch again from there.
   */
  private trimReplicationWindow(): void {
    let min = this.highWatermark;
    const hws = this.replicaHw;
    for (let i = 0; i < hws.length; i++) if (hws[i] < min) min = hws[i];
    this.log.trimReplicationWindow(min);
  }

  private clearWaiters(): void {
    this.waitOps = [];
    this.waitIndex = [];
    this.waitRequired = [];
    this.waitHead = 0;
  }

  private compactWaiters(): void {
    const h = this.waitHead;
    if (h === this.waitOps.length) {
      this.waitOps.length = 0;
      this.waitIndex.length = 0;
      this.waitRequired.length = 0;
      this.waitHead = 0;
    } else if (h > 1024 && h * 2 > this.waitOps.length) {
      this.waitOps = this.waitOps.slice(h);
      this.waitIndex = this.waitIndex.slice(h);
      this.waitRequired = this.waitRequired.slice(h);
      this.waitHead = 0;
    }
  }
}
