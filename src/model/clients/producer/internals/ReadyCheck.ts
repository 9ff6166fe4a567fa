/**
 * RecordAccumulator.ready(): which leaders have sendable data, how long until the next lingering or backing-off
 * batch becomes sendable, which partitions lack a leader, and (as a side effect, as in Kafka) the queue-size load
 * stats of the adaptive built-in partitioner. Mirrors RecordAccumulator.partitionReady/batchReady/shouldBackoff
 * (reference §2e). Split out of RecordAccumulator.ts for size; it works on the accumulator's state through
 * `AccumulatorInternals`. Also records, for the explorer, why a head batch became sendable.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import type { BufferPool } from './BufferPool';
import type { BuiltInPartitioner } from './BuiltInPartitioner';
import type { BatchReadyReason, ProducerBatch } from './ProducerBatch';
import type { ProducerIdAndEpoch } from './TransactionManager';

/** Kafka's Long.MAX_VALUE for "no deadline" (nextReadyCheckDelayMs, nextExpiryTimeMs). */
export const LONG_MAX_VALUE = Number.MAX_SAFE_INTEGER;

/**
 * What the accumulator needs from the TransactionManager (Kafka's method names; partitions are numbers since a
 * run has one topic). TransactionManager<ProducerBatch> satisfies it.
 */
export interface AccumulatorTransactionManager {
  /** The producer's current id and epoch (invalid until InitProducerId succeeded). */
  readonly producerIdAndEpoch: ProducerIdAndEpoch;
  isTransactional(): boolean;
  /** A transaction is committing or aborting: every batch is sendable. Absent = never. */
  isCompleting?(): boolean;
  isSendToPartitionAllowed(partition: number): boolean;
  hasInflightBatches(partition: number): boolean;
  hasStaleProducerIdAndEpoch(partition: number): boolean;
  hasUnresolvedSequence(partition: number): boolean;
  /** Base sequence of the lowest in-flight batch, or -1. */
  firstInFlightSequence(partition: number): number;
  maybeUpdateProducerIdAndEpoch(partition: number): void;
  sequenceNumber(partition: number): number;
  incrementSequenceNumber(partition: number, increment: number): void;
  addInFlightBatch(batch: ProducerBatch): void;
}

/** Last time a leader had ready data and last time it could be drained (partitioner.availability.timeout.ms). */
export interface NodeLatencyStats {
  readyTimeMs: number;
  drainTimeMs: number;
}

export interface ReadyCheckResult {
  /** Leaders with at least one sendable partition. */
  readonly readyNodes: Set<number>;
  /** Time until a not-yet-sendable batch may become sendable; LONG_MAX_VALUE if none waits. */
  readonly nextReadyCheckDelayMs: number;
  /** Topics with data for a partition without a known leader (→ metadata refresh). */
  readonly unknownLeaderTopics: Set<string>;
}

/** The accumulator state ready() and drain() work on (RecordAccumulator implements it). */
export interface AccumulatorInternals {
  readonly topic: string;
  readonly lingerMs: number;
  /** Deque per partition (undefined until the partition got its first batch). */
  readonly deques: readonly (ProducerBatch[] | undefined)[];
  readonly free: BufferPool;
  readonly transactionManager: AccumulatorTransactionManager | null;
  readonly builtInPartitioner: BuiltInPartitioner;
  readonly enableAdaptivePartitioning: boolean;
  readonly partitionAvailabilityTimeoutMs: number;
  readonly nodeStats: Map<number, NodeLatencyStats>;
  readonly nodesDrainIndex: Map<number, number>;
  /** Number of partitions that have a deque (Kafka's batches.size()). */
  dequeCount(): number;
  isMuted(partition: number): boolean;
  isClosed(): boolean;
  flushInProgress(): boolean;
  /** Jittered retry backoff before attempt `attempts + 1`; draws from the accumulator's random source. */
  retryBackoffMs(attempts: number): number;
  /** The batch's jittered backoff, drawn once per Sender loop so that ready() and drain() agree. */
  batchRetryBackoffMs(batch: ProducerBatch, nowMs: number): number;
}

/** The partition's leader epoch as the metadata knows it, -1 when unknown (Kafka's empty OptionalInt). */
export function leaderEpochFor(cluster: ClusterView, partition: number): number {
  return partition < cluster.partitionCount() ? cluster.partitionInfo(partition).leaderEpoch : -1;
}

/** A retried batch still inside its backoff, unless its leader changed since the last attempt (KIP-951). */
export function shouldBackoff(
  acc: AccumulatorInternals,
  hasLeaderChanged: boolean,
  batch: ProducerBatch,
  waitedTimeMs: number,
  nowMs: number,
): boolean {
  const shouldWaitMore = batch.attempts > 0 && waitedTimeMs < acc.batchRetryBackoffMs(batch, nowMs);
  return !hasLeaderChanged && shouldWaitMore;
}

export function ready(
  acc: AccumulatorInternals,
  cluster: ClusterView,
  nowMs: number,
): ReadyCheckResult {
  const readyNodes = new Set<number>();
  const unknownLeaderTopics = new Set<string>();
  let nextReadyCheckDelayMs = LONG_MAX_VALUE;
  const partitionCount = cluster.partitionCount();
  const deques = acc.deques;
  // Adaptive stats only once every partition has a deque: a missing entry could never be switched to.
  let queueSizes: Int32Array | null = null;
  let partitionIds: Int32Array | null = null;
  const dequeCount = acc.dequeCount();
  if (acc.enableAdaptivePartitioning && dequeCount >= partitionCount) {
    queueSizes = new Int32Array(dequeCount);
    partitionIds = new Int32Array(dequeCount);
  }
  let queueSizesIndex = -1;
  const exhausted = acc.free.queued() > 0;
  for (let partition = 0; partition < deques.length; partition++) {
    const deque = deques[partition];
    if (deque === undefined) continue;
    const leader = partition < partitionCount ? cluster.leaderOf(partition) : null;
    if (leader !== null && queueSizes !== null && partitionIds !== null) {
      ++queueSizesIndex;
      partitionIds[queueSizesIndex] = partition;
    }
    const batch = deque[0];
    if (batch === undefined) continue;
    const waitedTimeMs = batch.waitedTimeMs(nowMs);
    batch.maybeUpdateLeaderEpoch(leaderEpochFor(cluster, partition));
    const backingOff = shouldBackoff(
      acc,
      batch.hasLeaderChangedForTheOngoingRetry(),
      batch,
      waitedTimeMs,
      nowMs,
    );
    const full = deque.length > 1 || batch.isFull();
    if (leader === null) {
      unknownLeaderTopics.add(acc.topic);
      continue;
    }
    if (queueSizes !== null) queueSizes[queueSizesIndex] = deque.length;
    if (acc.partitionAvailabilityTimeoutMs > 0) {
      // A leader that had ready data but could not be drained for too long: keep the partitioner away.
      const stats = acc.nodeStats.get(leader);
      if (
        stats !== undefined &&
        stats.readyTimeMs - stats.drainTimeMs > acc.partitionAvailabilityTimeoutMs
      ) {
        --queueSizesIndex;
      }
    }
    nextReadyCheckDelayMs = batchReady(
      acc,
      exhausted,
      partition,
      leader,
      waitedTimeMs,
      backingOff,
      full,
      nextReadyCheckDelayMs,
      readyNodes,
      batch,
      nowMs,
    );
  }
  acc.builtInPartitioner.updatePartitionLoadStats(queueSizes, partitionIds, queueSizesIndex + 1);
  return { readyNodes, nextReadyCheckDelayMs, unknownLeaderTopics };
}

function batchReady(
  acc: AccumulatorInternals,
  exhausted: boolean,
  partition: number,
  leader: number,
  waitedTimeMs: number,
  backingOff: boolean,
  full: boolean,
  nextReadyCheckDelayMs: number,
  readyNodes: Set<number>,
  batch: ProducerBatch,
  nowMs: number,
): number {
  if (readyNodes.has(leader) || acc.isMuted(partition)) return nextReadyCheckDelayMs;
  const attempts = batch.attempts;
  const timeToWaitMs = backingOff ? acc.batchRetryBackoffMs(batch, nowMs) : acc.lingerMs;
  const expired = waitedTimeMs >= timeToWaitMs;
  const transactionCompleting = acc.transactionManager?.isCompleting?.() ?? false;
  const closed = acc.isClosed();
  const flush = acc.flushInProgress();
  const sendable = full || expired || exhausted || closed || flush || transactionCompleting;
  if (sendable && !backingOff) {
    readyNodes.add(leader);
    if (batch.readyReason === null) {
      let reason: BatchReadyReason;
      if (attempts > 0) {
        reason = batch.hasLeaderChangedForTheOngoingRetry()
          ? 'leader-changed'
          : 'retry-backoff-elapsed';
      } else if (full) reason = 'full';
      else if (expired) reason = 'linger-expired';
      else if (exhausted) reason = 'buffer-exhausted';
      else if (closed) reason = 'closing';
      else if (flush) reason = 'flush';
      else reason = 'transaction-completing';
      batch.readyReason = reason;
      batch.readyMs = nowMs;
    }
    return nextReadyCheckDelayMs;
  }
  // Conservative: an unsendable partition may share a leader that turns out ready; the Sender just wakes early.
  const timeLeftMs = Math.max(timeToWaitMs - waitedTimeMs, 0);
  return Math.min(timeLeftMs, nextReadyCheckDelayMs);
}
