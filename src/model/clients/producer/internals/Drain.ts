/**
 * RecordAccumulator.drain(): per ready node, take at most one batch from the head of each partition it leads,
 * round-robin from a per-node drain index, up to max.request.size (the first batch always goes), skipping muted
 * and backing-off partitions; no linger check here, so a ready node carries every non-empty partition it leads
 * ("piggybacking"). Idempotence: the TransactionManager hooks of §2f stop the node's drain, and a never-sent
 * batch gets producer id/epoch and the partition's next sequence. Mirrors RecordAccumulator.drain,
 * drainBatchesForOneNode and shouldStopDrainBatchesForPartition (reference §2f); split out for size.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import type { BatchCloseReason, ProducerBatch } from './ProducerBatch';
import {
  type AccumulatorInternals,
  type AccumulatorTransactionManager,
  leaderEpochFor,
  shouldBackoff,
} from './ReadyCheck';

export function drain(
  acc: AccumulatorInternals,
  cluster: ClusterView,
  nodes: Iterable<number>,
  maxSize: number,
  nowMs: number,
): Map<number, ProducerBatch[]> {
  const batches = new Map<number, ProducerBatch[]>();
  for (const node of nodes)
    batches.set(node, drainBatchesForOneNode(acc, cluster, node, maxSize, nowMs));
  return batches;
}

function drainBatchesForOneNode(
  acc: AccumulatorInternals,
  cluster: ClusterView,
  node: number,
  maxSize: number,
  nowMs: number,
): ProducerBatch[] {
  let size = 0;
  const parts = cluster.partitionsForNode(node);
  const ready: ProducerBatch[] = [];
  if (parts.length === 0) return ready;
  // Each node keeps its own index so that later partitions are not starved.
  let drainIndex = (acc.nodesDrainIndex.get(node) ?? 0) % parts.length;
  const start = drainIndex;
  const tm = acc.transactionManager;
  do {
    const partition = parts[drainIndex];
    acc.nodesDrainIndex.set(node, drainIndex);
    drainIndex = (drainIndex + 1) % parts.length;
    if (acc.isMuted(partition)) continue;
    const deque = acc.deques[partition];
    if (deque === undefined) continue;
    const first = deque[0];
    if (first === undefined) continue;
    first.maybeUpdateLeaderEpoch(leaderEpochFor(cluster, partition));
    if (
      shouldBackoff(
        acc,
        first.hasLeaderChangedForTheOngoingRetry(),
        first,
        first.waitedTimeMs(nowMs),
        nowMs,
      )
    ) {
      continue;
    }
    // A batch bigger than the request (possible with compression) still goes alone, as the first one.
    if (size + first.estimatedSizeInBytes() > maxSize && ready.length > 0) break;
    if (tm !== null && shouldStopDrainBatchesForPartition(tm, first, partition)) break;
    const batch = deque.shift()!;
    const producerIdAndEpoch = tm !== null ? tm.producerIdAndEpoch : null;
    if (tm !== null && producerIdAndEpoch !== null && !batch.hasSequence()) {
      // Never sent: take the partition's next sequence. A batch that already has one keeps it, since its
      // earlier attempt may have been written and a new sequence would make a duplicate.
      tm.maybeUpdateProducerIdAndEpoch(partition);
      batch.setProducerState(
        producerIdAndEpoch,
        tm.sequenceNumber(partition),
        tm.isTransactional(),
      );
      tm.incrementSequenceNumber(partition, batch.recordCount);
      tm.addInFlightBatch(batch);
    }
    explainDrain(acc, batch, nowMs);
    batch.close();
    size += batch.estimatedSizeInBytes();
    ready.push(batch);
    batch.drained(nowMs);
  } while (start !== drainIndex);
  return ready;
}

function shouldStopDrainBatchesForPartition(
  tm: AccumulatorTransactionManager,
  first: ProducerBatch,
  partition: number,
): boolean {
  if (!tm.isSendToPartitionAllowed(partition)) return true;
  // No valid producer id yet: nothing can be sent until InitProducerId succeeds.
  if (!(tm.producerIdAndEpoch.producerId > -1)) return true;
  if (!first.hasSequence()) {
    // A sequence-0 batch of a new epoch must not overtake in-flight batches of the old one.
    if (tm.hasInflightBatches(partition) && tm.hasStaleProducerIdAndEpoch(partition)) return true;
    // Earlier sequences expired after being sent: their fate is unknown.
    if (tm.hasUnresolvedSequence(partition)) return true;
  }
  // A retried batch goes only when it is the lowest in flight: one at a time while recovering.
  const firstInFlightSequence = tm.firstInFlightSequence(partition);
  return (
    firstInFlightSequence !== -1 &&
    first.hasSequence() &&
    first.baseSequence() !== firstInFlightSequence
  );
}

/** Why the batch stops taking records and why it was sendable, for batches ready() did not label. */
function explainDrain(acc: AccumulatorInternals, batch: ProducerBatch, nowMs: number): void {
  if (batch.readyReason === null) {
    if (batch.attempts > 0) {
      batch.readyReason = batch.hasLeaderChangedForTheOngoingRetry()
        ? 'leader-changed'
        : 'retry-backoff-elapsed';
    } else if (batch.isFull()) batch.readyReason = 'full';
    else if (batch.waitedTimeMs(nowMs) >= acc.lingerMs) batch.readyReason = 'linger-expired';
    else batch.readyReason = 'piggybacked';
    batch.readyMs = nowMs;
  }
  const reason = batch.readyReason;
  let closeReason: BatchCloseReason;
  if (
    reason === 'piggybacked' ||
    reason === 'retry-backoff-elapsed' ||
    reason === 'leader-changed'
  ) {
    closeReason = 'drained';
  } else {
    closeReason = reason;
  }
  batch.closeForRecordAppends(closeReason, nowMs);
}
