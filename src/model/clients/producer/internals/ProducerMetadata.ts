/**
 * The producer's metadata cache for the run's one topic: leaders, leader epochs, replicas and the partition count as
 * last fetched, not the cluster's truth. `requestUpdate()` (the Sender, on invalid-metadata errors, disconnects and
 * unknown leaders) and `metadata.max.age.ms` trigger a MetadataRequest through a MetadataChannel; requests are
 * spaced by Kafka's refresh backoff (exponential since 3.7: retry.backoff.ms … retry.backoff.max.ms, by failed
 * attempts and by responses that brought nothing new); KIP-951 leader hints (`updatePartitionLeadership`) are
 * applied at once when their epoch is newer. Implements ClusterView, so the accumulator, partitioners and Sender
 * read it. Mirrors org.apache.kafka.clients.Metadata + ProducerMetadata (and NetworkClient's DefaultMetadataUpdater,
 * which sends the request). Left out: several topics and topic expiry (metadata.max.idle.ms), topic ids, cluster id,
 * bootstrap (the cache starts with the cluster's metadata at construction, as after the producer's first fetch).
 */
import type { ClusterView, PartitionInfo } from '../../../cluster/ClusterView';
import type { DoubleSource } from '../../../common/utils/ExponentialBackoff';
import { ExponentialBackoff } from '../../../common/utils/ExponentialBackoff';
import type { EventHandle } from '../../../engine/EventQueue';
import type { Simulation } from '../../../engine/Simulation';
import type { MetadataChannel, MetadataResponseData } from './MetadataChannel';
import { metadataResponseFrom } from './MetadataChannel';

export interface ProducerMetadataConfig {
  readonly retryBackoffMs: number;
  readonly retryBackoffMaxMs: number;
  readonly metadataMaxAgeMs: number;
}

export class ProducerMetadata implements ClusterView {
  readonly topic: string;
  nodes: readonly number[];
  /** Bumped on every applied response or leader hint. */
  updateVersion = 0;
  /** MetadataRequests sent, failed, and leader hints applied (for reports and tests). */
  requestsSent = 0;
  requestsFailed = 0;
  leaderHintsApplied = 0;
  /** Called after the cache changed (the Sender wakes up: a leader may now be known). */
  onUpdate: ((nowMs: number) => void) | null = null;

  private infos: readonly PartitionInfo[] = [];
  private leaders: (number | null)[] = [];
  private available: number[] = [];
  private byNode: number[][] = [];
  private readonly refreshBackoff: ExponentialBackoff;
  private lastRefreshMs: number;
  private lastSuccessfulRefreshMs: number;
  private attempts = 0;
  private equivalentResponseCount = 0;
  /** Jittered backoffs drawn when the state they depend on changed (Kafka draws on every call). */
  private attemptsBackoffMs = 0;
  private equivalentBackoffMs = 0;
  private needFullUpdate = false;
  private inProgress = false;
  private timer: EventHandle | null = null;
  private timerAtMs = Number.POSITIVE_INFINITY;
  private closed = false;

  /**
   * @param bootstrap the cluster's metadata at construction (the cache's first content)
   * @param random jitter of the refresh backoff
   */
  constructor(
    private readonly sim: Simulation,
    private readonly config: ProducerMetadataConfig,
    private readonly channel: MetadataChannel,
    private readonly random: DoubleSource,
    bootstrap: ClusterView,
  ) {
    this.topic = bootstrap.topic;
    this.nodes = bootstrap.nodes;
    this.refreshBackoff = new ExponentialBackoff(
      config.retryBackoffMs,
      2,
      config.retryBackoffMaxMs,
      0.2,
    );
    const nowMs = sim.nowMs;
    this.lastRefreshMs = nowMs;
    this.lastSuccessfulRefreshMs = nowMs;
    this.setPartitions(metadataResponseFrom(bootstrap, -1).partitions);
    this.drawBackoffs();
    this.scheduleNextUpdate(nowMs);
  }

  // ---- ClusterView ----

  partitionCount(): number {
    return this.infos.length;
  }

  leaderOf(partition: number): number | null {
    return this.leaders[partition] ?? null;
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

  // ---- updates ----

  /** Metadata.requestUpdate(false): a refresh as soon as the backoff allows. */
  requestUpdate(nowMs: number): void {
    if (this.closed) return;
    this.needFullUpdate = true;
    this.scheduleNextUpdate(nowMs);
  }

  updateRequested(): boolean {
    return this.needFullUpdate;
  }

  /** Time until the cache may be refreshed again (Metadata.timeToAllowUpdate). */
  timeToAllowUpdate(nowMs: number): number {
    const backoffForAttempts = Math.max(this.lastRefreshMs + this.attemptsBackoffMs - nowMs, 0);
    // A periodic refresh is not a sign of stale answers: no exponential backoff for it.
    if (this.lastSuccessfulRefreshMs + this.config.metadataMaxAgeMs - nowMs <= 0) {
      this.equivalentResponseCount = 0;
      this.equivalentBackoffMs = 0;
    }
    const backoffForEquivalent = Math.max(this.lastRefreshMs + this.equivalentBackoffMs - nowMs, 0);
    return Math.max(backoffForAttempts, backoffForEquivalent);
  }

  /** Time until the next refresh (Metadata.timeToNextUpdate): expiry, or now if requested, but not before backoff. */
  timeToNextUpdate(nowMs: number): number {
    const timeToExpire = this.needFullUpdate
      ? 0
      : Math.max(this.lastSuccessfulRefreshMs + this.config.metadataMaxAgeMs - nowMs, 0);
    return Math.max(timeToExpire, this.timeToAllowUpdate(nowMs));
  }

  /**
   * KIP-951 (Metadata.updatePartitionLeadership): a produce response named the partition's new leader. Applied when
   * its epoch is newer than the cached one and the node is known. Returns whether the cache changed.
   */
  updatePartitionLeadership(
    partition: number,
    leaderId: number,
    leaderEpoch: number,
    nowMs: number,
  ): boolean {
    const current = this.infos[partition];
    if (current === undefined || leaderId < 0 || leaderEpoch < 0) return false;
    if (current.leaderEpoch >= 0 && leaderEpoch <= current.leaderEpoch) return false;
    if (!this.nodes.includes(leaderId)) return false;
    const infos = this.infos.slice();
    infos[partition] = { ...current, leader: leaderId, leaderEpoch };
    this.setPartitions(infos);
    this.leaderHintsApplied++;
    this.updateVersion++;
    this.onUpdate?.(nowMs);
    return true;
  }

  /** Stops refreshing (the producer closed). */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  // ---- the metadata request (NetworkClient.DefaultMetadataUpdater) ----

  private readonly onTimer = (nowMs: number): void => {
    this.timer = null;
    this.timerAtMs = Number.POSITIVE_INFINITY;
    this.maybeUpdate(nowMs);
  };

  private maybeUpdate(nowMs: number): void {
    if (this.closed || this.inProgress) return;
    const wait = this.timeToNextUpdate(nowMs);
    if (wait > 0) {
      this.scheduleAt(nowMs + wait);
      return;
    }
    const node = this.channel.send(nowMs, this.handleResponse);
    if (node === null) {
      this.failedUpdate(nowMs);
      return;
    }
    this.inProgress = true;
    this.requestsSent++;
  }

  private readonly handleResponse = (
    response: MetadataResponseData | null,
    nowMs: number,
  ): void => {
    this.inProgress = false;
    if (this.closed) return;
    if (response === null) this.failedUpdate(nowMs);
    else this.update(response, nowMs);
  };

  /** Metadata.failedUpdate: counts an attempt, so the next request waits longer. */
  private failedUpdate(nowMs: number): void {
    this.requestsFailed++;
    this.lastRefreshMs = nowMs;
    this.attempts++;
    this.equivalentResponseCount = 0;
    this.drawBackoffs();
    this.scheduleNextUpdate(nowMs);
  }

  /** Metadata.update + updateLatestMetadata: a partition's entry is replaced unless the cache has a newer epoch. */
  private update(response: MetadataResponseData, nowMs: number): void {
    this.lastRefreshMs = nowMs;
    this.lastSuccessfulRefreshMs = nowMs;
    this.attempts = 0;
    this.needFullUpdate = false;
    this.updateVersion++;
    this.equivalentResponseCount++;
    const infos: PartitionInfo[] = [];
    let changed = response.partitions.length !== this.infos.length;
    for (const next of response.partitions) {
      const cached = this.infos[next.partition];
      if (cached === undefined || next.leaderEpoch > cached.leaderEpoch) {
        this.equivalentResponseCount = 0;
        infos.push(next);
        changed = true;
      } else if (next.leaderEpoch === cached.leaderEpoch) {
        infos.push(next);
        if (next.leader !== cached.leader) changed = true;
      } else infos.push(cached);
      // A partition without a leader keeps the producer asking.
      if (infos[infos.length - 1].leader === null) this.needFullUpdate = true;
    }
    this.nodes = response.nodes;
    this.setPartitions(infos);
    this.drawBackoffs();
    if (changed) this.onUpdate?.(nowMs);
    this.scheduleNextUpdate(nowMs);
  }

  private setPartitions(infos: readonly PartitionInfo[]): void {
    this.infos = infos;
    this.leaders = infos.map((i) => i.leader);
    this.available = [];
    this.byNode = [];
    for (const info of infos) {
      if (info.leader === null) continue;
      this.available.push(info.partition);
      const led = this.byNode[info.leader];
      if (led === undefined) this.byNode[info.leader] = [info.partition];
      else led.push(info.partition);
    }
  }

  private drawBackoffs(): void {
    const b = this.refreshBackoff;
    this.attemptsBackoffMs = b.backoff(this.attempts > 0 ? this.attempts - 1 : 0, this.random);
    const eq = this.equivalentResponseCount;
    this.equivalentBackoffMs = eq > 0 ? b.backoff(eq - 1, this.random) : 0;
  }

  private scheduleNextUpdate(nowMs: number): void {
    if (this.closed || this.inProgress) return;
    const wait = this.timeToNextUpdate(nowMs);
    if (wait === 0) this.scheduleAt(nowMs);
    else this.scheduleAt(nowMs + wait);
  }

  private scheduleAt(atMs: number): void {
    if (atMs >= this.timerAtMs) return;
    this.cancelTimer();
    this.timerAtMs = atMs;
    this.timer = this.sim.at(atMs, this.onTimer);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.sim.cancel(this.timer);
    this.timer = null;
    this.timerAtMs = Number.POSITIVE_INFINITY;
  }
}
