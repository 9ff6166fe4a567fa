/**
 * RecordAccumulator.append(): the effective partition (the given one, or the built-in sticky one, re-checked
 * "under the deque lock" so a deferred switch lands the record on the new partition), the deque's last batch,
 * else (custom partitioners) abortForNewBatch, else a buffer of max(batch.size, the record's upper bound) from the
 * BufferPool and a new batch. When the pool is short the append parks as a PendingAppend and resumes here with
 * its buffer (see RecordAccumulator's header). Mirrors RecordAccumulator.append, appendNewBatch, tryAppend,
 * partitionChanged and allBatchesFull (reference §2d); split out of RecordAccumulator.ts for size.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import { estimateSizeInBytesUpperBound } from '../../../common/record/DefaultRecordBatch';
import { type BufferPoolWaiter, IllegalStateException, KafkaException } from './BufferPool';
import type { StickyPartitionInfo } from './BuiltInPartitioner';
import type { IncompleteBatches } from './IncompleteBatches';
import type { ProducerBatchContext } from './MemoryRecordsBuilder';
import { ProducerBatch } from './ProducerBatch';
import type { AccumulatorInternals } from './ReadyCheck';
import type { RecordState } from './RecordState';

/** RecordMetadata.UNKNOWN_PARTITION: let the built-in partitioner choose. */
export const UNKNOWN_PARTITION = -1;

/** Kafka's RecordAppendResult, plus the batch, the partition used and the blocked state. */
export interface RecordAppendResult {
  /** The batch the record went into (null when aborted for a new batch or blocked). */
  readonly batch: ProducerBatch | null;
  /** The partition the record went (or will go) to. */
  readonly partition: number;
  readonly batchIsFull: boolean;
  readonly newBatchCreated: boolean;
  /** Custom partitioner path: a new batch would be needed; call onNewBatch, partition again, append again. */
  readonly abortForNewBatch: boolean;
  /** Growth of the batch's estimated size (a new batch counts its header). */
  readonly appendedBytes: number;
  /** Non-null: parked until the pool has memory (see RecordAccumulator's header). */
  readonly blocked: PendingAppend | null;
}

/** An append parked until the BufferPool has memory for its new batch. */
export interface PendingAppend {
  readonly record: RecordState;
  /** The partition asked for (UNKNOWN_PARTITION: built-in). */
  readonly requestedPartition: number;
  readonly waiter: BufferPoolWaiter;
  /** Free for the caller's bookkeeping (e.g. the parked send). */
  context: unknown;
  /** The sticky info peeked before allocating: Kafka re-checks it once the memory is there. */
  readonly partitionInfo: StickyPartitionInfo | null;
  readonly effectivePartition: number;
}

/** What append needs beyond ready/drain's view of the accumulator. */
export interface AppendInternals extends AccumulatorInternals {
  readonly batchSize: number;
  readonly batchContext: ProducerBatchContext;
  readonly incomplete: IncompleteBatches;
  getOrCreateDeque(partition: number): ProducerBatch[];
}

export function append(
  acc: AppendInternals,
  record: RecordState,
  partition: number,
  maxTimeToBlockMs: number,
  abortOnNewBatch: boolean,
  nowMs: number,
  cluster: ClusterView,
  buffer = 0,
): RecordAppendResult {
  const bip = acc.builtInPartitioner;
  for (;;) {
    // The sticky partition is peeked before the "lock" and validated after it, as in Kafka.
    const partitionInfo =
      partition === UNKNOWN_PARTITION ? bip.peekCurrentPartitionInfo(cluster) : null;
    const effectivePartition = partitionInfo !== null ? partitionInfo.partition() : partition;
    record.partition = effectivePartition;
    const dq = acc.getOrCreateDeque(effectivePartition);
    if (partitionChanged(acc, partitionInfo, dq, cluster)) continue;
    const appended = tryAppend(acc, record, dq, nowMs, effectivePartition);
    if (appended !== null) {
      bip.updatePartitionInfo(partitionInfo, appended.appendedBytes, cluster, allBatchesFull(dq));
      if (buffer > 0) acc.free.deallocate(buffer, nowMs);
      return appended;
    }
    if (abortOnNewBatch) return result(null, effectivePartition, false, false, true, 0, null);
    if (buffer === 0) {
      const size = Math.max(
        acc.batchSize,
        estimateSizeInBytesUpperBound(record.keyBytes, record.valueBytes, record.headers),
      );
      const allocated = acc.free.allocate(size, maxTimeToBlockMs, nowMs);
      if (typeof allocated !== 'number') {
        const pending: PendingAppend = {
          record,
          requestedPartition: partition,
          waiter: allocated,
          context: null,
          partitionInfo,
          effectivePartition,
        };
        allocated.attachment = pending;
        return result(null, effectivePartition, false, false, false, 0, pending);
      }
      buffer = allocated;
    }
    return appendWithBuffer(
      acc,
      record,
      partition,
      partitionInfo,
      effectivePartition,
      buffer,
      nowMs,
      cluster,
    );
  }
}

/** Finish a parked append whose memory arrived. */
export function resumeAppend(
  acc: AppendInternals,
  pending: PendingAppend,
  nowMs: number,
  cluster: ClusterView,
): RecordAppendResult {
  const waiter = pending.waiter;
  if (waiter.state === 'closed')
    throw new KafkaException('Producer closed while allocating memory');
  if (waiter.state !== 'allocated') {
    throw new IllegalStateException(`Cannot resume an append whose memory is ${waiter.state}`);
  }
  return appendWithBuffer(
    acc,
    pending.record,
    pending.requestedPartition,
    pending.partitionInfo,
    pending.effectivePartition,
    waiter.size,
    nowMs,
    cluster,
  );
}

/** Kafka's second locked section: a new batch in `buffer`, unless the partition or the deque changed. */
function appendWithBuffer(
  acc: AppendInternals,
  record: RecordState,
  partition: number,
  partitionInfo: StickyPartitionInfo | null,
  effectivePartition: number,
  buffer: number,
  nowMs: number,
  cluster: ClusterView,
): RecordAppendResult {
  const dq = acc.getOrCreateDeque(effectivePartition);
  if (partitionChanged(acc, partitionInfo, dq, cluster)) {
    return append(acc, record, partition, 0, false, nowMs, cluster, buffer);
  }
  let appended = tryAppend(acc, record, dq, nowMs, effectivePartition);
  if (appended !== null) {
    // Someone made a batch meanwhile: use it and give the buffer back.
    acc.free.deallocate(buffer, nowMs);
  } else {
    const batch = new ProducerBatch(acc.batchContext, effectivePartition, buffer, nowMs);
    const appendedBytes = batch.tryAppend(record, nowMs);
    if (appendedBytes === null)
      throw new IllegalStateException('A new batch must take its first record');
    dq.push(batch);
    acc.incomplete.add(batch);
    const full = dq.length > 1 || batch.isFull();
    appended = result(
      batch,
      effectivePartition,
      full,
      true,
      false,
      batch.estimatedSizeInBytes(),
      null,
    );
  }
  acc.builtInPartitioner.updatePartitionInfo(
    partitionInfo,
    appended.appendedBytes,
    cluster,
    allBatchesFull(dq),
  );
  return appended;
}

/**
 * The sticky partition moved since it was peeked, or a deferred switch completes now that the deque's last
 * batch is full (so the record that found it full goes to the new partition, KAFKA-14156).
 */
function partitionChanged(
  acc: AppendInternals,
  partitionInfo: StickyPartitionInfo | null,
  dq: readonly ProducerBatch[],
  cluster: ClusterView,
): boolean {
  const bip = acc.builtInPartitioner;
  if (bip.isPartitionChanged(partitionInfo)) return true;
  if (partitionInfo !== null && allBatchesFull(dq)) {
    bip.updatePartitionInfo(partitionInfo, 0, cluster, true);
    if (bip.isPartitionChanged(partitionInfo)) return true;
  }
  return false;
}

/** Into the deque's last batch; a batch the record does not fit is closed for appends. */
function tryAppend(
  acc: AppendInternals,
  record: RecordState,
  dq: readonly ProducerBatch[],
  nowMs: number,
  partition: number,
): RecordAppendResult | null {
  if (acc.isClosed()) throw new KafkaException('Producer closed while send in progress');
  const last = dq[dq.length - 1];
  if (last === undefined) return null;
  const appendedBytes = last.tryAppend(record, nowMs);
  if (appendedBytes === null) {
    last.closeForRecordAppends('full', nowMs);
    return null;
  }
  return result(last, partition, dq.length > 1 || last.isFull(), false, false, appendedBytes, null);
}

/** Only the last batch may still take records, so checking it is enough. */
export function allBatchesFull(dq: readonly ProducerBatch[]): boolean {
  const last = dq[dq.length - 1];
  return last === undefined || last.isFull();
}

function result(
  batch: ProducerBatch | null,
  partition: number,
  batchIsFull: boolean,
  newBatchCreated: boolean,
  abortForNewBatch: boolean,
  appendedBytes: number,
  blocked: PendingAppend | null,
): RecordAppendResult {
  return {
    batch,
    partition,
    batchIsFull,
    newBatchCreated,
    abortForNewBatch,
    appendedBytes,
    blocked,
  };
}
