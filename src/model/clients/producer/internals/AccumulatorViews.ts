/**
 * Read-only, JSON-safe views of the RecordAccumulator and its BufferPool for the explorer: each partition's queue
 * (bytes vs batch.size, creation time, linger deadline, why a batch closed and became sendable) and the pool's
 * memory and waiters. Simulation-only (Kafka exposes only metrics). They allocate: build them per snapshot.
 */
import type { BufferPool } from './BufferPool';
import type { BatchCloseReason, BatchReadyReason, ProducerBatch } from './ProducerBatch';

export interface BatchView {
  readonly id: number;
  readonly partition: number;
  readonly recordCount: number;
  /** Kafka's estimate (exact once closed): what counts against batch.size. */
  readonly estimatedSizeInBytes: number;
  /** Header + uncompressed records, exact. */
  readonly sizeInBytes: number;
  /** On the wire once closed, else -1. */
  readonly compressedSizeInBytes: number;
  /** The buffer allocated for it (batch.size, or more for a big first record). */
  readonly writeLimit: number;
  readonly batchSize: number;
  readonly createdMs: number;
  readonly lastAttemptMs: number;
  readonly attempts: number;
  /** createdMs + linger.ms for a batch never sent, -1 for a retry (which waits for its backoff instead). */
  readonly lingerDeadlineMs: number;
  readonly full: boolean;
  readonly closeReason: BatchCloseReason | null;
  readonly readyReason: BatchReadyReason | null;
  readonly readyMs: number;
  readonly isSplitBatch: boolean;
  readonly baseSequence: number;
}

export interface PartitionQueueView {
  readonly partition: number;
  readonly muted: boolean;
  /** Oldest first (the head is what ready()/drain() look at). */
  readonly batches: BatchView[];
}

export interface BufferPoolWaiterView {
  readonly id: number;
  readonly size: number;
  readonly accumulated: number;
  readonly startMs: number;
  readonly deadlineMs: number;
}

export interface BufferPoolView {
  readonly totalMemory: number;
  readonly poolableSize: number;
  /** Free pooled + non-pooled bytes. */
  readonly availableMemory: number;
  readonly unallocatedMemory: number;
  readonly freeBuffers: number;
  /** Held by batches (queued or in flight) and by waiters still gathering memory. */
  readonly allocatedMemory: number;
  readonly waiters: BufferPoolWaiterView[];
  readonly waitTimeNsTotal: number;
  readonly bufferExhaustedTotal: number;
}

/** What the views read from the accumulator. */
export interface AccumulatorViewSource {
  readonly batchSize: number;
  readonly lingerMs: number;
  readonly deques: readonly (readonly ProducerBatch[] | undefined)[];
  isMuted(partition: number): boolean;
}

export function batchView(batch: ProducerBatch, batchSize: number, lingerMs: number): BatchView {
  return {
    id: batch.id,
    partition: batch.partition,
    recordCount: batch.recordCount,
    estimatedSizeInBytes: batch.estimatedSizeInBytes(),
    sizeInBytes: batch.sizeInBytes,
    compressedSizeInBytes: batch.compressedSizeInBytes,
    writeLimit: batch.writeLimit,
    batchSize,
    createdMs: batch.createdMs,
    lastAttemptMs: batch.lastAttemptMs,
    attempts: batch.attempts,
    lingerDeadlineMs: batch.attempts === 0 ? batch.createdMs + lingerMs : -1,
    full: batch.isFull(),
    closeReason: batch.closeReason,
    readyReason: batch.readyReason,
    readyMs: batch.readyMs,
    isSplitBatch: batch.isSplitBatch,
    baseSequence: batch.baseSequence(),
  };
}

/** Every partition that has a queue, ascending. */
export function partitionQueues(acc: AccumulatorViewSource): PartitionQueueView[] {
  const views: PartitionQueueView[] = [];
  acc.deques.forEach((dq, partition) => {
    if (dq === undefined) return;
    views.push({
      partition,
      muted: acc.isMuted(partition),
      batches: dq.map((b) => batchView(b, acc.batchSize, acc.lingerMs)),
    });
  });
  return views;
}

export function bufferPoolView(pool: BufferPool): BufferPoolView {
  const waiters = pool.waiting().map((w) => ({
    id: w.id,
    size: w.size,
    accumulated: w.accumulated,
    startMs: w.startMs,
    deadlineMs: w.deadlineMs,
  }));
  return {
    totalMemory: pool.totalMemory,
    poolableSize: pool.poolableSize,
    availableMemory: pool.availableMemory(),
    unallocatedMemory: pool.unallocatedMemory(),
    freeBuffers: pool.freeSize(),
    allocatedMemory: pool.totalMemory - pool.availableMemory(),
    waiters,
    waitTimeNsTotal: pool.waitTimeNsTotal(),
    bufferExhaustedTotal: pool.bufferExhaustedTotal(),
  };
}
