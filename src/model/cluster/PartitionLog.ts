/**
 * The log of one partition, kept compactly: offsets are counted without limit, while record ids and per-batch
 * metadata are stored only up to a shared budget of `maxLoggedRecords` (then `truncated` is set). Mirrors the parts
 * of Kafka's `UnifiedLog`/`LogSegment` a producer can observe: offsets assigned at leader append, the log end offset,
 * batch boundaries with their producer fields. Left out: segments, retention, compaction, timestamps index, the
 * bytes themselves.
 *
 * There is one log per partition (the current leader's). Every replica's log is a prefix of it, described by the
 * replica's LEO: followers only ever copy from the leader, and when a new leader lacks the tail the log is cut back
 * to its LEO (`truncateTo`, the divergent tail is gone and new appends get fresh offsets from there); replicas that
 * had that tail are cut back too (Kafka's followers truncate to the new leader's epoch start offset).
 */
import type { WireBatch } from './ProduceRequest';

/** Shared cap on stored record ids over all partitions of a cluster. */
export class LogBudget {
  constructor(public remaining: number) {}
}

/** One appended batch, as reported (not used on hot paths). */
export interface LogBatchEntry {
  readonly batchId: number;
  readonly baseOffset: number;
  /** Offset of the batch's last record. */
  readonly lastOffset: number;
  readonly recordCount: number;
  readonly sizeInBytes: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  /** baseSequence + recordCount − 1 (wrapping after 2147483647), -1 without a producer id. */
  readonly lastSequence: number;
  readonly appendTimeMs: number;
}

class GrowableColumn {
  data: Float64Array;
  constructor(capacity: number) {
    this.data = new Float64Array(capacity);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < n) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.data);
    this.data = next;
  }
}

const INITIAL_CAPACITY = 64;

export class PartitionLog {
  private ids = new Int32Array(INITIAL_CAPACITY);
  private storedIds = 0;
  private leo = 0;
  private isTruncated = false;
  private batchesAppended = 0;
  private storedBatchCount = 0;
  // Batch columns: stored while the budget lasts, in append order.
  private readonly batchIdCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly baseOffsetCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly countCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly sizeCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly pidCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly epochCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly seqCol = new GrowableColumn(INITIAL_CAPACITY);
  private readonly timeCol = new GrowableColumn(INITIAL_CAPACITY);
  // Replication window: batches not yet copied by every replica (offset ≥ min replica LEO), uncapped.
  private winBase: number[] = [];
  private winCount: number[] = [];
  private winSize: number[] = [];
  private winPid: number[] = [];
  private winEpoch: number[] = [];
  private winSeq: number[] = [];
  private winHead = 0;
  /** Records removed by truncations over the log's life. */
  recordsTruncated = 0;

  constructor(
    readonly partition: number,
    private readonly budget: LogBudget,
  ) {}

  /** Log end offset: the offset the next appended record gets. */
  get logEndOffset(): number {
    return this.leo;
  }

  /** True once some record ids were not stored because the budget ran out. */
  get truncated(): boolean {
    return this.isTruncated;
  }

  /** Number of record ids stored (offsets 0 … storedRecordCount − 1). */
  get storedRecordCount(): number {
    return this.storedIds;
  }

  /** Number of batches appended (stored or not). */
  get batchCount(): number {
    return this.batchesAppended;
  }

  /** Batches kept for followers that have not fetched them yet. */
  get replicationWindowBatches(): number {
    return this.winBase.length - this.winHead;
  }

  /** Appends a batch at the log end and returns its base offset. */
  append(batch: WireBatch, nowMs: number): number {
    const base = this.leo;
    const count = batch.recordCount;
    this.leo = base + count;
    this.batchesAppended++;
    this.winBase.push(base);
    this.winCount.push(count);
    this.winSize.push(batch.sizeInBytes);
    this.winPid.push(batch.producerId);
    this.winEpoch.push(batch.producerEpoch);
    this.winSeq.push(batch.baseSequence);
    // Ids are stored only while the log is complete, so stored ids always sit at their own offsets.
    if (!this.isTruncated) {
      const budget = this.budget;
      const n = Math.min(count, budget.remaining);
      if (n > 0) {
        this.ensureIds(this.storedIds + n);
        const ids = this.ids;
        const recordIds = batch.recordIds;
        let at = this.storedIds;
        for (let i = 0; i < n; i++) ids[at++] = recordIds[i];
        this.storedIds = at;
        budget.remaining -= n;
      }
      if (n === count) this.storeBatch(batch, base, nowMs);
      else this.isTruncated = true;
    }
    return base;
  }

  /** Record ids in offset order (offsets 0 … storedRecordCount − 1); a view, valid until the next append. */
  recordIds(): Int32Array {
    return this.ids.subarray(0, this.storedIds);
  }

  /** Record ids of offsets below `endOffset` (e.g. the high watermark: the committed log); a view. */
  recordIdsBelow(endOffset: number): Int32Array {
    return this.ids.subarray(0, Math.min(this.storedIds, Math.max(0, endOffset)));
  }

  /** Offset of the first record still retained for replication (followers cannot fetch below it). */
  get replicationWindowStart(): number {
    return this.winHead < this.winBase.length ? this.winBase[this.winHead] : this.leo;
  }

  /**
   * Cuts the log back to `offset` (a batch boundary at or above the replication window's start): the records from
   * there on are gone, their stored ids and batches too, and the next append gets `offset`. Returns the number of
   * records removed.
   */
  truncateTo(offset: number): number {
    const oldLeo = this.leo;
    if (offset >= oldLeo) return 0;
    const base = this.winBase;
    let i = base.length;
    while (i > this.winHead && base[i - 1] >= offset) i--;
    if (i === base.length || base[i] !== offset) {
      throw new Error(
        i === this.winHead
          ? `PartitionLog ${this.partition}: truncation offset ${offset} is below the replication window`
          : `PartitionLog ${this.partition}: truncation offset ${offset} is not a batch boundary`,
      );
    }
    const removedBatches = base.length - i;
    for (const col of [
      base,
      this.winCount,
      this.winSize,
      this.winPid,
      this.winEpoch,
      this.winSeq,
    ]) {
      col.length = i;
    }
    this.batchesAppended -= removedBatches;
    this.leo = offset;
    if (this.storedIds >= offset) {
      this.budget.remaining += this.storedIds - offset;
      this.storedIds = offset;
      this.isTruncated = false;
    }
    let lo = 0;
    let hi = this.storedBatchCount;
    const offsets = this.baseOffsetCol.data;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    this.storedBatchCount = lo;
    this.recordsTruncated += oldLeo - offset;
    return oldLeo - offset;
  }

  /**
   * Visits the batches that start below `beforeOffset`, newest first (replication window, then stored batches
   * below it), until `visit` returns false. For rebuilding producer state; not a hot path.
   */
  scanBatchesBackward(
    beforeOffset: number,
    visit: (
      producerId: number,
      epoch: number,
      baseSequence: number,
      lastSequence: number,
      baseOffset: number,
      lastOffset: number,
    ) => boolean,
  ): void {
    const base = this.winBase;
    let lowest = this.leo;
    for (let i = base.length - 1; i >= this.winHead; i--) {
      lowest = base[i];
      if (base[i] >= beforeOffset) continue;
      const count = this.winCount[i];
      const pid = this.winPid[i];
      if (pid < 0) continue;
      const seq = this.winSeq[i];
      if (
        !visit(pid, this.winEpoch[i], seq, lastSequenceOf(seq, count), base[i], base[i] + count - 1)
      ) {
        return;
      }
    }
    const limit = Math.min(lowest, beforeOffset);
    for (let i = this.storedBatchCount - 1; i >= 0; i--) {
      const b = this.baseOffsetCol.data[i];
      if (b >= limit) continue;
      const pid = this.pidCol.data[i];
      if (pid < 0) continue;
      const count = this.countCol.data[i];
      const seq = this.seqCol.data[i];
      if (!visit(pid, this.epochCol.data[i], seq, lastSequenceOf(seq, count), b, b + count - 1)) {
        return;
      }
    }
  }

  /** The stored batches in offset order (allocates: for reports). */
  batches(): LogBatchEntry[] {
    const out: LogBatchEntry[] = [];
    for (let i = 0; i < this.storedBatchCount; i++) {
      const baseOffset = this.baseOffsetCol.data[i];
      const recordCount = this.countCol.data[i];
      const producerId = this.pidCol.data[i];
      const baseSequence = this.seqCol.data[i];
      out.push({
        batchId: this.batchIdCol.data[i],
        baseOffset,
        lastOffset: baseOffset + recordCount - 1,
        recordCount,
        sizeInBytes: this.sizeCol.data[i],
        producerId,
        producerEpoch: this.epochCol.data[i],
        baseSequence,
        lastSequence: producerId < 0 ? -1 : lastSequenceOf(baseSequence, recordCount),
        appendTimeMs: this.timeCol.data[i],
      });
    }
    return out;
  }

  /**
   * Describes what a fetch from `fetchOffset` returns: whole batches starting at `fetchOffset` (a batch boundary)
   * up to `maxBytes` (the first batch always, as KIP-74). Writes into `out` to avoid allocation.
   */
  readForFetch(fetchOffset: number, maxBytes: number, out: FetchSlice): void {
    out.records = 0;
    out.bytes = 0;
    out.batches = 0;
    if (fetchOffset >= this.leo) return;
    const base = this.winBase;
    let lo = this.winHead;
    let hi = base.length - 1;
    // Binary search for the batch starting at fetchOffset (followers fetch from batch boundaries).
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (base[mid] < fetchOffset) lo = mid + 1;
      else hi = mid;
    }
    if (base[lo] !== fetchOffset) {
      throw new Error(
        `PartitionLog ${this.partition}: fetch offset ${fetchOffset} is not a retained batch boundary`,
      );
    }
    for (let i = lo; i < base.length; i++) {
      const size = this.winSize[i];
      if (out.batches > 0 && out.bytes + size > maxBytes) break;
      out.records += this.winCount[i];
      out.bytes += size;
      out.batches++;
    }
  }

  /** Forgets replication-window batches that end at or before `offset` (every replica has them). */
  trimReplicationWindow(offset: number): void {
    const base = this.winBase;
    let h = this.winHead;
    while (h < base.length && base[h] + this.winCount[h] <= offset) h++;
    this.winHead = h;
    if (h > 1024 && h * 2 > base.length) {
      this.winBase = base.slice(h);
      this.winCount = this.winCount.slice(h);
      this.winSize = this.winSize.slice(h);
      this.winPid = this.winPid.slice(h);
      this.winEpoch = this.winEpoch.slice(h);
      this.winSeq = this.winSeq.slice(h);
      this.winHead = 0;
    }
  }

  private ensureIds(n: number): void {
    if (n <= this.ids.length) return;
    let cap = this.ids.length * 2;
    while (cap < n) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.ids.subarray(0, this.storedIds));
    this.ids = next;
  }

  private storeBatch(batch: WireBatch, baseOffset: number, nowMs: number): void {
    const i = this.storedBatchCount++;
    if (i >= this.batchIdCol.data.length) {
      for (const c of [
        this.batchIdCol,
        this.baseOffsetCol,
        this.countCol,
        this.sizeCol,
        this.pidCol,
        this.epochCol,
        this.seqCol,
        this.timeCol,
      ]) {
        c.ensure(i + 1);
      }
    }
    this.batchIdCol.data[i] = batch.batchId;
    this.baseOffsetCol.data[i] = baseOffset;
    this.countCol.data[i] = batch.recordCount;
    this.sizeCol.data[i] = batch.sizeInBytes;
    this.pidCol.data[i] = batch.producerId;
    this.epochCol.data[i] = batch.producerEpoch;
    this.seqCol.data[i] = batch.baseSequence;
    this.timeCol.data[i] = nowMs;
  }
}

/** Output of `readForFetch`: a reusable holder. */
export interface FetchSlice {
  records: number;
  bytes: number;
  batches: number;
}

/** Kafka's DefaultRecordBatch.incrementSequence(base, count − 1). */
export function lastSequenceOf(baseSequence: number, recordCount: number): number {
  const last = baseSequence + recordCount - 1;
  return last > 2147483647 ? last - 2147483648 : last;
}
