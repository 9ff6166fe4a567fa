/**
 * Per-partition queues of ProducerBatches for the run's topic: append (sticky built-in partition or the given one,
 * last batch first, then a buffer from the BufferPool and a new batch), ready/drain for the Sender (ReadyCheck.ts,
 * Drain.ts), expiry, retries in sequence order, splitting, flush, abort and close. Mirrors
 * org.apache.kafka.clients.producer.internals.RecordAccumulator (reference §2d–§2h) for one topic.
 *
 * Blocking on memory. Kafka's append() blocks the application thread in BufferPool.allocate. Here append()
 * returns a result whose `blocked` is a PendingAppend (the record is not appended yet). The pool serves waiters
 * FIFO as batches are deallocated; when this one has its memory the accumulator calls the listener set with
 * `setAppendUnblockedListener`, and the caller then calls `resumeAppend(pending, nowMs, cluster)` (best from a
 * fresh event: the listener runs inside the Sender's deallocate), which finishes Kafka's append loop with the
 * buffer and returns the usual result. The caller enforces max.block.ms: at `pending.waiter.deadlineMs` it calls
 * `abortPendingAppend`, which returns the BufferExhaustedException to fail the send with. After close() the
 * listener fires with `pending.waiter.state === 'closed'` and resumeAppend throws KafkaException.
 *
 * Left out: threads and locks (appendsInProgress), multiple topics, magic < 2, the per-topic metrics.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import type { CompressionType } from '../../../common/compress/CompressionType';
import type { DoubleSource } from '../../../common/utils/ExponentialBackoff';
import { ExponentialBackoff } from '../../../common/utils/ExponentialBackoff';
import type { Random } from '../../../engine/Random';
import {
  type BufferPoolView,
  bufferPoolView,
  type PartitionQueueView,
  partitionQueues,
} from './AccumulatorViews';
import {
  append,
  type PendingAppend,
  type RecordAppendResult,
  resumeAppend,
  UNKNOWN_PARTITION,
} from './Append';
import type { BufferExhaustedException, BufferPool } from './BufferPool';
import { BuiltInPartitioner } from './BuiltInPartitioner';
import type { CompressionSamplerOptions } from './CompressionSampler';
import { drain } from './Drain';
import { IncompleteBatches } from './IncompleteBatches';
import { createProducerBatchContext, type ProducerBatchContext } from './MemoryRecordsBuilder';
import type { ProducerBatch } from './ProducerBatch';
import {
  type AccumulatorTransactionManager,
  LONG_MAX_VALUE,
  type NodeLatencyStats,
  type ReadyCheckResult,
  ready,
} from './ReadyCheck';
import type { RecordState } from './RecordState';
import { expiredBatches, type RequeueInternals, reenqueue, splitAndReenqueue } from './Requeue';

export type {
  AccumulatorTransactionManager,
  NodeLatencyStats,
  PendingAppend,
  ReadyCheckResult,
  RecordAppendResult,
};
export { LONG_MAX_VALUE, UNKNOWN_PARTITION };

export interface RecordAccumulatorConfig {
  readonly topic: string;
  /** batch.size, at least 1 (KafkaProducer passes max(1, batch.size)). */
  readonly batchSize: number;
  readonly compressionType: CompressionType;
  /** compression.<codec>.level; null = the codec's default. */
  readonly compressionLevel?: number | null;
  readonly lingerMs: number;
  readonly retryBackoffMs: number;
  readonly retryBackoffMaxMs: number;
  readonly deliveryTimeoutMs: number;
  /** partitioner.adaptive.partitioning.enable (Kafka's PartitionerConfig default: false). */
  readonly enableAdaptivePartitioning?: boolean;
  /** partitioner.availability.timeout.ms (0 = off). */
  readonly partitionAvailabilityTimeoutMs?: number;
  /** Seed source: forks drive the built-in partitioner and the retry-backoff jitter. */
  readonly random: Random;
  readonly transactionManager?: AccumulatorTransactionManager | null;
  /** How closed batches are compressed (see CompressionSampler); null = always with the real codec. */
  readonly compressionSampler?: CompressionSamplerOptions | null;
  /** Tests: a prepared partitioner (e.g. with a sequential random) and backoff jitter source. */
  readonly builtInPartitioner?: BuiltInPartitioner;
  readonly backoffRandom?: DoubleSource;
}

export class RecordAccumulator implements RequeueInternals {
  readonly topic: string;
  readonly batchSize: number;
  readonly lingerMs: number;
  readonly deliveryTimeoutMs: number;
  readonly enableAdaptivePartitioning: boolean;
  readonly partitionAvailabilityTimeoutMs: number;
  readonly free: BufferPool;
  readonly transactionManager: AccumulatorTransactionManager | null;
  readonly builtInPartitioner: BuiltInPartitioner;
  readonly batchContext: ProducerBatchContext;
  readonly deques: (ProducerBatch[] | undefined)[] = [];
  readonly nodeStats = new Map<number, NodeLatencyStats>();
  readonly nodesDrainIndex = new Map<number, number>();
  private readonly retryBackoff: ExponentialBackoff;
  private readonly backoffRandom: DoubleSource;
  private readonly muted = new Set<number>();
  readonly incomplete = new IncompleteBatches();
  private dequeCount_ = 0;
  private closed = false;
  private flushesInProgress = 0;
  private nextBatchExpiryTimeMs = LONG_MAX_VALUE;
  private appendUnblocked: ((pending: PendingAppend, nowMs: number) => void) | null = null;

  constructor(config: RecordAccumulatorConfig, bufferPool: BufferPool) {
    this.topic = config.topic;
    this.batchSize = config.batchSize;
    this.lingerMs = config.lingerMs;
    this.deliveryTimeoutMs = config.deliveryTimeoutMs;
    this.enableAdaptivePartitioning = config.enableAdaptivePartitioning ?? false;
    this.partitionAvailabilityTimeoutMs = config.partitionAvailabilityTimeoutMs ?? 0;
    this.free = bufferPool;
    this.transactionManager = config.transactionManager ?? null;
    this.retryBackoff = new ExponentialBackoff(
      config.retryBackoffMs,
      2,
      config.retryBackoffMaxMs,
      0.2,
    );
    this.backoffRandom =
      config.backoffRandom ?? config.random.fork('RecordAccumulator.retryBackoff');
    this.builtInPartitioner =
      config.builtInPartitioner ??
      new BuiltInPartitioner(
        config.topic,
        config.batchSize,
        config.random.fork('BuiltInPartitioner'),
      );
    this.batchContext = createProducerBatchContext(
      config.compressionType,
      config.compressionLevel ?? null,
      config.compressionSampler === undefined ? {} : config.compressionSampler,
    );
    this.batchContext.onBatchDone = (batch, nowMs) => this.incomplete.batchDone(batch, nowMs);
    bufferPool.setWaiterListener((waiter, nowMs) => {
      const pending = waiter.attachment as PendingAppend | null;
      if (pending !== null) this.appendUnblocked?.(pending, nowMs);
    });
  }

  /** Who to tell when a blocked append got its memory (or the pool closed under it). */
  setAppendUnblockedListener(
    listener: ((pending: PendingAppend, nowMs: number) => void) | null,
  ): void {
    this.appendUnblocked = listener;
  }

  /**
   * Add a record (Kafka's append): to `partition`, or with UNKNOWN_PARTITION to the built-in sticky partition;
   * the deque's last batch if it fits, else (unless `abortOnNewBatch`) a new batch in a buffer of
   * max(batch.size, the record's upper bound) from the pool, or a PendingAppend when the pool is short.
   * Sets record.partition. Throws KafkaException after close(), IllegalArgumentException for a record bigger
   * than buffer.memory, BufferExhaustedException when memory is short and maxTimeToBlockMs ≤ 0.
   */
  append(
    record: RecordState,
    partition: number,
    maxTimeToBlockMs: number,
    abortOnNewBatch: boolean,
    nowMs: number,
    cluster: ClusterView,
  ): RecordAppendResult {
    return append(this, record, partition, maxTimeToBlockMs, abortOnNewBatch, nowMs, cluster);
  }

  /** Finish an append whose memory arrived (see the class comment). */
  resumeAppend(pending: PendingAppend, nowMs: number, cluster: ClusterView): RecordAppendResult {
    return resumeAppend(this, pending, nowMs, cluster);
  }

  /**
   * max.block.ms passed while waiting for memory: give the partial memory back and return the exception the
   * send fails with; null if the memory had already arrived (then resume instead).
   */
  abortPendingAppend(pending: PendingAppend, nowMs: number): BufferExhaustedException | null {
    return this.free.cancelWaiter(pending.waiter, nowMs);
  }

  // ---- Sender side ----

  /** Leaders with sendable data (reference §2e); see ReadyCheck.ts. */
  ready(cluster: ClusterView, nowMs: number): ReadyCheckResult {
    return ready(this, cluster, nowMs);
  }

  /** Batches to send per node, ≤ maxSize bytes each (first batch always); see Drain.ts. */
  drain(
    cluster: ClusterView,
    nodes: Iterable<number>,
    maxSize: number,
    nowMs: number,
  ): Map<number, ProducerBatch[]> {
    return drain(this, cluster, nodes, maxSize, nowMs);
  }

  /**
   * For partitioner.availability.timeout.ms: a ready node that could not be drained moves only its ready time;
   * one that could moves both.
   */
  updateNodeLatencyStats(nodeId: number, nowMs: number, canDrain: boolean): void {
    if (this.partitionAvailabilityTimeoutMs <= 0) return;
    let stats = this.nodeStats.get(nodeId);
    if (stats === undefined) {
      stats = { readyTimeMs: nowMs, drainTimeMs: nowMs };
      this.nodeStats.set(nodeId, stats);
    }
    if (canDrain) stats.drainTimeMs = nowMs;
    stats.readyTimeMs = nowMs;
  }

  getNodeLatencyStats(nodeId: number): NodeLatencyStats | undefined {
    return this.nodeStats.get(nodeId);
  }

  /** Head-of-deque batches with now − createdMs ≥ delivery.timeout.ms, removed and aborted for appends. */
  expiredBatches(nowMs: number): ProducerBatch[] {
    return expiredBatches(this, nowMs);
  }

  resetNextBatchExpiryTime(): void {
    this.nextBatchExpiryTimeMs = LONG_MAX_VALUE;
  }

  maybeUpdateNextBatchExpiryTime(batch: ProducerBatch): void {
    this.nextBatchExpiryTimeMs = Math.min(
      this.nextBatchExpiryTimeMs,
      batch.createdMs + this.deliveryTimeoutMs,
    );
  }

  /** Earliest absolute time a queued batch expires (LONG_MAX_VALUE if none was seen). */
  nextExpiryTimeMs(): number {
    return this.nextBatchExpiryTimeMs;
  }

  /** Put a retried batch back at the front (idempotent: in sequence order). No delivery-timeout check here. */
  reenqueue(batch: ProducerBatch, nowMs: number): void {
    reenqueue(this, batch, nowMs);
  }

  /**
   * MESSAGE_TOO_LARGE: reset the ratio estimate to max(1, the batch's ratio), split into batch.size batches
   * (allocated off the pool) and put them at the front. Returns how many. The caller deallocates the big one.
   */
  splitAndReenqueue(bigBatch: ProducerBatch): number {
    return splitAndReenqueue(this, bigBatch);
  }

  /** Return the batch's buffer (not for split batches, which were allocated off the pool). */
  deallocate(batch: ProducerBatch, nowMs: number): void {
    this.incomplete.remove(batch);
    if (!batch.isSplitBatch) this.free.deallocate(batch.initialCapacity(), nowMs);
  }

  mutePartition(partition: number): void {
    this.muted.add(partition);
  }

  unmutePartition(partition: number): void {
    this.muted.delete(partition);
  }

  isMuted(partition: number): boolean {
    return this.muted.has(partition);
  }

  // ---- flush, close, abort ----

  /** Make every batch sendable until the flush completes. */
  beginFlush(): void {
    this.flushesInProgress++;
  }

  flushInProgress(): boolean {
    return this.flushesInProgress > 0;
  }

  /**
   * Calls `onComplete` once every batch incomplete now has completed (at once if none), then ends the flush
   * started by beginFlush (Kafka blocks in awaitFlushCompletion instead).
   */
  awaitFlushCompletion(nowMs: number, onComplete: (nowMs: number) => void): void {
    const waiting = this.incomplete.awaitCompletion((doneMs) => {
      this.flushesInProgress--;
      onComplete(doneMs);
    });
    if (!waiting) {
      this.flushesInProgress--;
      onComplete(nowMs);
    }
  }

  hasIncomplete(): boolean {
    return !this.incomplete.isEmpty();
  }

  /** Batches created and not yet deallocated (queued or in flight). */
  incompleteBatches(): ReadonlySet<ProducerBatch> {
    return this.incomplete.all();
  }

  hasUndrained(): boolean {
    for (const dq of this.deques) if (dq !== undefined && dq.length > 0) return true;
    return false;
  }

  /** Every batch becomes sendable; waiting allocations end (state 'closed'). */
  close(nowMs: number): void {
    this.closed = true;
    this.free.close(nowMs);
  }

  isClosed(): boolean {
    return this.closed;
  }

  /**
   * Forced close: fail every incomplete batch, sent or not ("Producer is closed forcefully."), return their
   * memory and drop the deques. Returns the batches aborted here, for their callbacks.
   */
  abortIncompleteBatches(nowMs: number): ProducerBatch[] {
    const aborted = this.abortBatches(
      'KafkaException: Producer is closed forcefully.',
      nowMs,
      false,
    );
    this.deques.length = 0;
    this.dequeCount_ = 0;
    return aborted;
  }

  /** Abort the batches not yet drained (transaction abort), with `errorText` (`Name: message`). */
  abortUndrainedBatches(errorText: string, nowMs: number): ProducerBatch[] {
    return this.abortBatches(errorText, nowMs, true);
  }

  private abortBatches(errorText: string, nowMs: number, undrainedOnly: boolean): ProducerBatch[] {
    const aborted: ProducerBatch[] = [];
    for (const batch of this.incomplete.copyAll()) {
      if (undrainedOnly) {
        const undrained =
          this.transactionManager !== null ? !batch.hasSequence() : !batch.isClosed();
        if (!undrained) continue;
      }
      const dq = this.deques[batch.partition];
      const i = dq === undefined ? -1 : dq.indexOf(batch);
      if (i >= 0) dq?.splice(i, 1);
      batch.abortRecordAppends('aborted');
      if (!batch.isDone()) {
        batch.abort(errorText, nowMs);
        aborted.push(batch);
      }
      this.deallocate(batch, nowMs);
    }
    return aborted;
  }

  // ---- state for ReadyCheck/Drain and views ----

  dequeCount(): number {
    return this.dequeCount_;
  }

  /** The partition's queue, oldest first, or undefined before its first batch. Do not mutate. */
  getDeque(partition: number): readonly ProducerBatch[] | undefined {
    return this.deques[partition];
  }

  retryBackoffMs(attempts: number): number {
    return this.retryBackoff.backoff(attempts, this.backoffRandom);
  }

  /**
   * The batch's jittered backoff before its next attempt, drawn once per Sender loop (`nowMs`). Kafka draws anew
   * at every check, so ready() may find a batch past its backoff and drain() then skip it on a longer draw; Kafka
   * polls with timeout 0 and loops until a draw lets it through. The Sender here sleeps until nextReadyCheckDelay
   * (nothing, for a node that was ready) instead of spinning, so ready() and drain() must agree within one loop,
   * or the retried batch is never sent again.
   */
  batchRetryBackoffMs(batch: ProducerBatch, nowMs: number): number {
    const attempts = batch.attempts;
    if (batch.retryBackoffDrawnAtMs !== nowMs || batch.retryBackoffDrawnForAttempts !== attempts) {
      batch.retryBackoffDrawnMs = this.retryBackoffMs(attempts > 0 ? attempts - 1 : 0);
      batch.retryBackoffDrawnAtMs = nowMs;
      batch.retryBackoffDrawnForAttempts = attempts;
    }
    return batch.retryBackoffDrawnMs;
  }

  /** buffer-available-bytes. */
  bufferPoolAvailableMemory(): number {
    return this.free.availableMemory();
  }

  /** Explorer: every partition's queue (allocates; per snapshot, not per record). */
  partitionQueues(): PartitionQueueView[] {
    return partitionQueues(this);
  }

  /** Explorer: the buffer pool's memory and waiters. */
  bufferPoolView(): BufferPoolView {
    return bufferPoolView(this.free);
  }

  getOrCreateDeque(partition: number): ProducerBatch[] {
    let dq = this.deques[partition];
    if (dq === undefined) {
      dq = [];
      this.deques[partition] = dq;
      this.dequeCount_++;
    }
    return dq;
  }
}
