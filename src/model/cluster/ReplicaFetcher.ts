/**
 * The follower's fetch loop towards one leader broker, and the leader's handling of it. Mirrors Kafka's
 * `ReplicaFetcherThread` (one per follower/leader pair: num.replica.fetchers = 1) and the leader side of
 * `ReplicaManager.fetchMessages` with `DelayedFetch` (replica.fetch.min.bytes = 1: answer as soon as any partition
 * has data, else hold up to replica.fetch.wait.max.ms). Each fetch carries the follower's LEO per partition, which is
 * how the leader learns follower progress and moves the high watermark. The follower appends what it got (charged to
 * its CPU), then fetches again at once.
 * The cluster stops a fetcher when its leader or follower dies, the follower stalls, or leadership moves, and
 * starts a new one (from the follower's current LEO) when they change back.
 * Left out: fetch sessions (KIP-227: every fetch lists all partitions), leader epochs in fetches and divergence
 * checks, fetch backoff on errors, throttling, the leader's CPU for serving fetches (zero-copy sendfile).
 */
import type { EventHandle, SimEvent } from '../engine/EventQueue';
import type { Simulation } from '../engine/Simulation';
import type { CostModel } from './CostModel';
import type { NetworkLink } from './NetworkLink';
import type { FetchSlice } from './PartitionLog';
import type { SimPartition } from './SimPartition';

/** Approximate FetchRequest v12+ size: ~82 bytes of header and fields + 33 per partition. */
export function fetchRequestSizeInBytes(partitionCount: number): number {
  return 82 + 33 * partitionCount;
}

/** Approximate FetchResponse v12+ size: ~30 bytes + ~39 per partition + the record batches. */
export function fetchResponseSizeInBytes(partitionCount: number, recordBytes: number): number {
  return 30 + 39 * partitionCount + recordBytes;
}

/** What a fetcher needs of its follower broker (its appends run on the fetcher's own thread). */
export interface FollowerBroker {
  readonly alive: boolean;
  /** Extra ms per partition append (a slow broker). */
  readonly appendExtraMs: number;
}

export interface ReplicaFetcherLimits {
  /** replica.fetch.max.bytes: per partition (the first batch always goes). */
  readonly replicaFetchMaxBytes: number;
  /** replica.fetch.response.max.bytes: per response. */
  readonly replicaFetchResponseMaxBytes: number;
}

const IDLE = 0;
const TO_LEADER = 1;
const HELD = 2;
const TO_FOLLOWER = 3;
const APPENDING = 4;

export class ReplicaFetcher implements SimEvent {
  /** Partitions the follower copies from this leader, and the follower's index in each one's replicas. */
  private readonly replicaIndex: number[];
  private readonly fetchOffset: number[];
  private readonly respRecords: number[];
  private readonly respBytes: number[];
  private readonly respBatches: number[];
  private respLeaderHw: number[];
  private readonly slice: FetchSlice = { records: 0, bytes: 0, batches: 0 };
  private phase = IDLE;
  private pending: EventHandle | null = null;
  /** When this fetcher thread is free for its next append (a thread of its own, as Kafka's ReplicaFetcherThread). */
  private threadFreeAtMs = 0;
  fetchesSent = 0;
  bytesFetched = 0;
  recordsFetched = 0;
  stopped = false;

  constructor(
    private readonly sim: Simulation,
    private readonly cost: CostModel,
    private readonly limits: ReplicaFetcherLimits,
    readonly followerId: number,
    readonly leaderId: number,
    readonly partitions: readonly SimPartition[],
    private readonly follower: FollowerBroker,
    private readonly toLeader: NetworkLink,
    private readonly toFollower: NetworkLink,
  ) {
    const n = partitions.length;
    this.replicaIndex = partitions.map((p) => p.replicaIndexOf(followerId));
    this.fetchOffset = new Array<number>(n).fill(0);
    this.respRecords = new Array<number>(n).fill(0);
    this.respBytes = new Array<number>(n).fill(0);
    this.respBatches = new Array<number>(n).fill(0);
    this.respLeaderHw = new Array<number>(n).fill(0);
  }

  /** True while the leader holds this fetch waiting for data (long poll). */
  get isHeld(): boolean {
    return this.phase === HELD;
  }

  /** Starts the loop: sends the first fetch. */
  start(nowMs: number): void {
    if (this.phase === IDLE && !this.stopped) this.sendFetch(nowMs);
  }

  /** Stops the loop (leadership change, crash): any event in flight is dropped. */
  stop(): void {
    this.stopped = true;
    if (this.pending !== null) this.sim.cancel(this.pending);
    this.pending = null;
    this.phase = IDLE;
  }

  /** New data was appended on the leader to one of this fetcher's partitions: answer a held fetch now. */
  onLeaderAppend(nowMs: number): void {
    if (this.phase !== HELD) return;
    if (this.pending !== null) this.sim.cancel(this.pending);
    this.respond(nowMs);
  }

  run(nowMs: number): void {
    this.pending = null;
    switch (this.phase) {
      case TO_LEADER:
        this.arriveAtLeader(nowMs);
        break;
      case HELD:
        this.respond(nowMs); // replica.fetch.wait.max.ms passed: an empty response
        break;
      case TO_FOLLOWER:
        this.arriveAtFollower(nowMs);
        break;
      case APPENDING:
        this.appended(nowMs);
        break;
    }
  }

  private sendFetch(nowMs: number): void {
    const parts = this.partitions;
    for (let i = 0; i < parts.length; i++) {
      this.fetchOffset[i] = parts[i].replicaLeo[this.replicaIndex[i]];
    }
    this.fetchesSent++;
    const arrival = this.toLeader.transmit(fetchRequestSizeInBytes(parts.length), nowMs);
    this.phase = TO_LEADER;
    this.pending = this.sim.at(arrival, this);
  }

  private arriveAtLeader(nowMs: number): void {
    const parts = this.partitions;
    let hasData = false;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.updateFollowerFetchState(this.replicaIndex[i], this.fetchOffset[i], nowMs)) {
        p.completeWaiters(nowMs);
      }
      if (p.log.logEndOffset > this.fetchOffset[i]) hasData = true;
    }
    if (hasData) {
      this.respond(nowMs);
    } else {
      this.phase = HELD;
      this.pending = this.sim.after(this.cost.replicaFetchWaitMaxMs, this);
    }
  }

  private respond(nowMs: number): void {
    const parts = this.partitions;
    const slice = this.slice;
    let budget = this.limits.replicaFetchResponseMaxBytes;
    let total = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      this.respLeaderHw[i] = p.highWatermark;
      // Once the response is full, later partitions get nothing; otherwise at least one batch each.
      if (budget <= 0) slice.records = slice.bytes = slice.batches = 0;
      else
        p.log.readForFetch(
          this.fetchOffset[i],
          Math.min(this.limits.replicaFetchMaxBytes, budget),
          slice,
        );
      this.respRecords[i] = slice.records;
      this.respBytes[i] = slice.bytes;
      this.respBatches[i] = slice.batches;
      total += slice.bytes;
      budget -= slice.bytes;
    }
    const arrival = this.toFollower.transmit(fetchResponseSizeInBytes(parts.length, total), nowMs);
    this.phase = TO_FOLLOWER;
    this.pending = this.sim.at(arrival, this);
  }

  private arriveAtFollower(nowMs: number): void {
    let costMs = 0;
    let any = false;
    const cost = this.cost;
    for (let i = 0; i < this.partitions.length; i++) {
      const batches = this.respBatches[i];
      if (batches === 0) continue;
      any = true;
      // Same formula as a leader append: per batch + per byte.
      costMs += (batches * cost.brokerAppendBatchUs) / 1000;
      costMs += (this.respBytes[i] * cost.brokerAppendByteNs) / 1e6;
      costMs += this.follower.appendExtraMs;
    }
    if (!any) {
      this.applyHighWatermarks();
      this.sendFetch(nowMs);
      return;
    }
    this.phase = APPENDING;
    // The follower's ReplicaFetcherThread does its own appends, beside the request handler threads.
    const start = Math.max(this.threadFreeAtMs, nowMs);
    this.threadFreeAtMs = start + costMs;
    this.pending = this.sim.at(this.threadFreeAtMs, this);
  }

  private appended(nowMs: number): void {
    const parts = this.partitions;
    for (let i = 0; i < parts.length; i++) {
      const records = this.respRecords[i];
      const ri = this.replicaIndex[i];
      if (records > 0) {
        parts[i].followerAppended(ri, this.fetchOffset[i] + records, this.respLeaderHw[i]);
        this.recordsFetched += records;
        this.bytesFetched += this.respBytes[i];
      }
    }
    this.applyHighWatermarks();
    this.sendFetch(nowMs);
  }

  private applyHighWatermarks(): void {
    const parts = this.partitions;
    for (let i = 0; i < parts.length; i++) {
      const ri = this.replicaIndex[i];
      const p = parts[i];
      const hw = Math.min(this.respLeaderHw[i], p.replicaLeo[ri]);
      if (hw > p.replicaHw[ri]) p.replicaHw[ri] = hw;
    }
  }
}
