/**
 * Broker-side idempotence for one partition: per producer id the epoch and the metadata of its last 5 batches
 * (first/last sequence, first/last offset), used to answer duplicates with the original offset and to reject gaps
 * and stale epochs. Mirrors Kafka's `ProducerStateManager` + `ProducerStateEntry` (NUM_BATCHES_TO_RETAIN = 5) +
 * `ProducerAppendInfo.checkProducerEpoch/checkSequence` and `UnifiedLog.analyzeAndValidateProducerState`'s
 * duplicate check, for client (leader) appends.
 * There is one instance per partition, describing the leader's log (followers would rebuild the same state from the
 * replicated batches, which carry producer id, epoch and sequences): after a truncation it is rebuilt from the
 * batches left in the log. Left out: transactions (markers, ongoing txns, last stable offset), snapshots,
 * producer.id.expiration.ms (state never expires), coordinator epochs.
 */

import type { PartitionLog } from './PartitionLog';

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN. */
export const NUM_BATCHES_TO_RETAIN = 5;

/** Outcome of validating one batch (Kafka's exceptions become these). */
export type ProducerCheck =
  | 'NONE'
  | 'DUPLICATE'
  | 'OUT_OF_ORDER_SEQUENCE_NUMBER'
  | 'INVALID_PRODUCER_EPOCH';

const NO_PRODUCER_EPOCH = -1;
const NO_SEQUENCE = -1;

/** One producer's state: epoch and its last ≤ 5 batches of that epoch, oldest first. */
export class ProducerStateEntry {
  producerEpoch = NO_PRODUCER_EPOCH;
  readonly firstSeq: number[] = [];
  readonly lastSeq: number[] = [];
  readonly firstOffset: number[] = [];
  readonly lastOffset: number[] = [];

  constructor(readonly producerId: number) {}

  get batchCount(): number {
    return this.firstSeq.length;
  }

  /** Sequence of the last record appended in the current epoch, -1 if none. */
  get lastSequence(): number {
    const n = this.lastSeq.length;
    return n === 0 ? NO_SEQUENCE : this.lastSeq[n - 1];
  }

  /** Index of a cached batch with exactly this sequence range (same epoch assumed by the caller), or -1. */
  findBatch(firstSeq: number, lastSeq: number): number {
    for (let i = 0; i < this.firstSeq.length; i++) {
      if (this.firstSeq[i] === firstSeq && this.lastSeq[i] === lastSeq) return i;
    }
    return -1;
  }

  /** ProducerStateEntry.addBatch: a new epoch clears the cache; the oldest of 5 is evicted. */
  addBatch(
    epoch: number,
    firstSeq: number,
    lastSeq: number,
    firstOffset: number,
    lastOffset: number,
  ): void {
    if (epoch !== this.producerEpoch) {
      this.producerEpoch = epoch;
      this.clear();
    }
    if (this.firstSeq.length === NUM_BATCHES_TO_RETAIN) {
      this.firstSeq.shift();
      this.lastSeq.shift();
      this.firstOffset.shift();
      this.lastOffset.shift();
    }
    this.firstSeq.push(firstSeq);
    this.lastSeq.push(lastSeq);
    this.firstOffset.push(firstOffset);
    this.lastOffset.push(lastOffset);
  }

  /** Puts an older batch in front (rebuilding after truncation, scanning the log backwards). */
  prependBatch(firstSeq: number, lastSeq: number, firstOffset: number, lastOffset: number): void {
    this.firstSeq.unshift(firstSeq);
    this.lastSeq.unshift(lastSeq);
    this.firstOffset.unshift(firstOffset);
    this.lastOffset.unshift(lastOffset);
  }

  clear(): void {
    this.firstSeq.length = 0;
    this.lastSeq.length = 0;
    this.firstOffset.length = 0;
    this.lastOffset.length = 0;
  }
}

/** ProducerAppendInfo.inSequence: next follows last, or wraps from Integer.MAX_VALUE to 0. */
export function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === 2147483647);
}

export class ProducerStateManager {
  private readonly entries = new Map<number, ProducerStateEntry>();
  /** Set by `check` when it returns DUPLICATE: the cached batch's offsets. */
  duplicateFirstOffset = -1;
  duplicateLastOffset = -1;

  /** The state kept for a producer id (undefined: none, any sequence is accepted). */
  entry(producerId: number): ProducerStateEntry | undefined {
    return this.entries.get(producerId);
  }

  get producerCount(): number {
    return this.entries.size;
  }

  /**
   * Validates a client batch before a leader append, in Kafka's order: exact duplicate of a cached batch of the
   * same epoch → DUPLICATE (offsets in duplicateFirstOffset/LastOffset); lower epoch → INVALID_PRODUCER_EPOCH;
   * new epoch with firstSeq ≠ 0, or same epoch with a gap → OUT_OF_ORDER_SEQUENCE_NUMBER. No state → NONE.
   */
  check(producerId: number, epoch: number, firstSeq: number, lastSeq: number): ProducerCheck {
    if (producerId < 0) return 'NONE';
    const e = this.entries.get(producerId);
    if (e === undefined) return 'NONE';
    if (epoch === e.producerEpoch) {
      const i = e.findBatch(firstSeq, lastSeq);
      if (i >= 0) {
        this.duplicateFirstOffset = e.firstOffset[i];
        this.duplicateLastOffset = e.lastOffset[i];
        return 'DUPLICATE';
      }
    }
    if (epoch < e.producerEpoch) return 'INVALID_PRODUCER_EPOCH';
    if (epoch !== e.producerEpoch) {
      // A bumped epoch restarts sequences at 0 (unless the entry never had an epoch).
      return firstSeq !== 0 && e.producerEpoch !== NO_PRODUCER_EPOCH
        ? 'OUT_OF_ORDER_SEQUENCE_NUMBER'
        : 'NONE';
    }
    const last = e.lastSequence;
    // An entry whose batches were all truncated away accepts any sequence (Kafka: no current epoch / no state).
    if (e.batchCount === 0 || inSequence(last, firstSeq)) return 'NONE';
    return 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  }

  /** Records an appended batch (after a successful `check`). */
  update(
    producerId: number,
    epoch: number,
    firstSeq: number,
    lastSeq: number,
    firstOffset: number,
    lastOffset: number,
  ): void {
    if (producerId < 0) return;
    let e = this.entries.get(producerId);
    if (e === undefined) {
      e = new ProducerStateEntry(producerId);
      this.entries.set(producerId, e);
    }
    e.addBatch(epoch, firstSeq, lastSeq, firstOffset, lastOffset);
  }

  /**
   * The log was truncated to `offset`: forget batches at or above it and refill each affected producer's cache
   * from the batches still in the log (newest first, same epoch as its newest remaining batch), as Kafka rebuilds
   * producer state from the log after a truncation. A producer with no batch left loses its state.
   */
  truncateTo(offset: number, log: PartitionLog): void {
    const affected: ProducerStateEntry[] = [];
    for (const e of this.entries.values()) {
      const n = e.batchCount;
      if (n > 0 && e.lastOffset[n - 1] >= offset) {
        e.clear();
        e.producerEpoch = NO_PRODUCER_EPOCH;
        affected.push(e);
      }
    }
    if (affected.length === 0) return;
    let open = affected.length;
    const done = new Set<number>();
    log.scanBatchesBackward(offset, (pid, epoch, baseSeq, lastSeq, baseOffset, lastOffset) => {
      const e = this.entries.get(pid);
      if (e === undefined || done.has(pid) || !affected.includes(e)) return open > 0;
      if (e.producerEpoch === NO_PRODUCER_EPOCH) e.producerEpoch = epoch;
      if (epoch !== e.producerEpoch) {
        done.add(pid);
        open--;
        return open > 0;
      }
      e.prependBatch(baseSeq, lastSeq, baseOffset, lastOffset);
      if (e.batchCount === NUM_BATCHES_TO_RETAIN) {
        done.add(pid);
        open--;
      }
      return open > 0;
    });
    for (const e of affected) {
      if (e.batchCount === 0) this.entries.delete(e.producerId);
    }
  }
}
