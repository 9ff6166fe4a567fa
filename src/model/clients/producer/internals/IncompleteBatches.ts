/**
 * The batches created and not yet deallocated (queued or in flight), and the flush() calls waiting for them.
 * Mirrors org.apache.kafka.clients.producer.internals.IncompleteBatches plus the waiting half of
 * RecordAccumulator.awaitFlushCompletion: a simulation cannot block, so a flush registers a callback that runs
 * when the last batch incomplete at flush time reaches a final state (split batches stand in for the one they
 * replace, as Kafka chains their futures).
 */
import type { ProducerBatch } from './ProducerBatch';

interface FlushWaiter {
  readonly remaining: Set<ProducerBatch>;
  readonly onComplete: (nowMs: number) => void;
}

export class IncompleteBatches {
  private readonly incomplete = new Set<ProducerBatch>();
  private readonly flushWaiters: FlushWaiter[] = [];

  add(batch: ProducerBatch): void {
    this.incomplete.add(batch);
  }

  remove(batch: ProducerBatch): void {
    this.incomplete.delete(batch);
  }

  isEmpty(): boolean {
    return this.incomplete.size === 0;
  }

  size(): number {
    return this.incomplete.size;
  }

  /** A copy, safe to iterate while batches are removed. */
  copyAll(): ProducerBatch[] {
    return [...this.incomplete];
  }

  /** Live view (do not mutate). */
  all(): ReadonlySet<ProducerBatch> {
    return this.incomplete;
  }

  /**
   * Call `onComplete` when every batch incomplete now has completed. Returns false (and does not call it)
   * when nothing is pending, so the caller can finish the flush at once.
   */
  awaitCompletion(onComplete: (nowMs: number) => void): boolean {
    const remaining = new Set<ProducerBatch>();
    for (const batch of this.incomplete) if (!batch.isDone()) remaining.add(batch);
    if (remaining.size === 0) return false;
    this.flushWaiters.push({ remaining, onComplete });
    return true;
  }

  /** Flushes still waiting. */
  pendingFlushes(): number {
    return this.flushWaiters.length;
  }

  /** A batch reached its final state: flushes that waited only for it complete. */
  batchDone(batch: ProducerBatch, nowMs: number): void {
    const waiters = this.flushWaiters;
    for (let i = 0; i < waiters.length; i++) {
      const waiter = waiters[i];
      if (waiter.remaining.delete(batch) && waiter.remaining.size === 0) {
        waiters.splice(i--, 1);
        waiter.onComplete(nowMs);
      }
    }
  }

  /** A batch was split: flushes waiting for it now wait for its parts. */
  replace(bigBatch: ProducerBatch, splitBatches: readonly ProducerBatch[]): void {
    for (const waiter of this.flushWaiters) {
      if (waiter.remaining.delete(bigBatch)) for (const b of splitBatches) waiter.remaining.add(b);
    }
  }
}
