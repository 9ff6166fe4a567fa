/**
 * The Sender's drained batches that are not finished or re-queued yet, per partition in drain order, and the scan
 * for those past delivery.timeout.ms. Mirrors Sender's `inFlightBatches` map with addToInflightBatches,
 * maybeRemoveFromInflightBatches and getExpiredInflightBatches; split out of Sender.ts for size.
 */
import { IllegalStateException } from './BufferPool';
import type { ProducerBatch } from './ProducerBatch';

export class InFlightBatches {
  private readonly lists: (ProducerBatch[] | undefined)[] = [];

  add(batch: ProducerBatch): void {
    let list = this.lists[batch.partition];
    if (list === undefined) {
      list = [];
      this.lists[batch.partition] = list;
    }
    list.push(batch);
  }

  remove(batch: ProducerBatch): void {
    batch.inflight = false;
    const list = this.lists[batch.partition];
    if (list === undefined) return;
    const i = list.indexOf(batch);
    if (i >= 0) list.splice(i, 1);
  }

  /** The partition's batches, oldest first. */
  of(partition: number): readonly ProducerBatch[] {
    return this.lists[partition] ?? [];
  }

  /** Every batch (a copy, so the caller may remove while iterating). */
  all(): ProducerBatch[] {
    const out: ProducerBatch[] = [];
    for (const list of this.lists) if (list !== undefined) out.push(...list);
    return out;
  }

  /**
   * Removes and returns the batches with now − createdMs ≥ delivery.timeout.ms. Each partition's list is in
   * drain order, so the scan stops at its first young batch and reports it to `young` (the next expiry).
   */
  removeExpired(
    deliveryTimeoutMs: number,
    nowMs: number,
    young: (batch: ProducerBatch) => void,
  ): ProducerBatch[] {
    const expired: ProducerBatch[] = [];
    for (const list of this.lists) {
      if (list === undefined) continue;
      while (list.length > 0) {
        const batch = list[0];
        if (!batch.hasReachedDeliveryTimeout(deliveryTimeoutMs, nowMs)) {
          young(batch);
          break;
        }
        list.shift();
        batch.inflight = false;
        // Finished batches leave the list at once, so one found here is a bookkeeping bug.
        if (batch.isDone()) {
          throw new IllegalStateException(
            `${batch.partition} batch created at ${batch.createdMs} gets unexpected final state ${batch.finalState}`,
          );
        }
        expired.push(batch);
      }
    }
    return expired;
  }
}
