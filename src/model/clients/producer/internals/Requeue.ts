/**
 * Batches coming back to the accumulator: expiry of queued head batches (delivery.timeout.ms), re-enqueue of a
 * retried batch at the front of its deque (idempotent: in sequence order), and MESSAGE_TOO_LARGE splits.
 * Mirrors RecordAccumulator.expiredBatches, reenqueue, splitAndReenqueue and insertInSequenceOrder (reference
 * §2h); split out of RecordAccumulator.ts for size.
 */
import type { AppendInternals } from './Append';
import { IllegalStateException } from './BufferPool';
import type { ProducerBatch } from './ProducerBatch';

/** What requeueing needs from the accumulator. */
export interface RequeueInternals extends AppendInternals {
  readonly deliveryTimeoutMs: number;
  maybeUpdateNextBatchExpiryTime(batch: ProducerBatch): void;
}

/** Head-of-deque batches with now − createdMs ≥ delivery.timeout.ms, removed and aborted for appends. */
export function expiredBatches(acc: RequeueInternals, nowMs: number): ProducerBatch[] {
  const expired: ProducerBatch[] = [];
  for (const dq of acc.deques) {
    if (dq === undefined) continue;
    // In sending order: stop at the first batch that has time left.
    while (dq.length > 0) {
      const batch = dq[0];
      if (!batch.hasReachedDeliveryTimeout(acc.deliveryTimeoutMs, nowMs)) {
        acc.maybeUpdateNextBatchExpiryTime(batch);
        break;
      }
      dq.shift();
      batch.abortRecordAppends('expired');
      expired.push(batch);
    }
  }
  return expired;
}

export function reenqueue(acc: RequeueInternals, batch: ProducerBatch, nowMs: number): void {
  batch.reenqueued(nowMs);
  const dq = acc.getOrCreateDeque(batch.partition);
  if (acc.transactionManager !== null) insertInSequenceOrder(acc, dq, batch);
  else dq.unshift(batch);
}

export function splitAndReenqueue(acc: RequeueInternals, bigBatch: ProducerBatch): number {
  // The most conservative reset, so that splits do not happen too often.
  const ctx = acc.batchContext;
  ctx.estimator.setEstimation(ctx.compressionType, Math.max(1, bigBatch.compressionRatio()));
  const batches = bigBatch.split(acc.batchSize);
  const dq = acc.getOrCreateDeque(bigBatch.partition);
  const tm = acc.transactionManager;
  for (let i = batches.length - 1; i >= 0; i--) {
    const batch = batches[i];
    acc.incomplete.add(batch);
    // Split batches count as never tried; with idempotence they already carry sequences to track.
    if (tm !== null) {
      tm.addInFlightBatch(batch);
      insertInSequenceOrder(acc, dq, batch);
    } else {
      dq.unshift(batch);
    }
  }
  // flush() waits for the records, which now live in the split batches.
  acc.incomplete.replace(bigBatch, batches);
  return batches.length;
}

/**
 * Retries of a partition come back one at a time while others may still be queued with sequences: the batch
 * goes before the first queued batch with a higher (or no) sequence.
 */
function insertInSequenceOrder(
  acc: RequeueInternals,
  dq: ProducerBatch[],
  batch: ProducerBatch,
): void {
  if (!batch.hasSequence()) {
    throw new IllegalStateException(
      "Trying to re-enqueue a batch which doesn't have a sequence even though idempotency is enabled.",
    );
  }
  if (!acc.transactionManager?.hasInflightBatches(batch.partition)) {
    throw new IllegalStateException(
      'We are re-enqueueing a batch which is not tracked as part of the in flight requests. ' +
        `batch.topicPartition: ${acc.topic}-${batch.partition}; batch.baseSequence: ${batch.baseSequence()}`,
    );
  }
  const sequence = batch.baseSequence();
  let i = 0;
  while (i < dq.length && dq[i].hasSequence() && dq[i].baseSequence() < sequence) i++;
  dq.splice(i, 0, batch);
}
