/**
 * One batch of records for one partition, from first append to completion: exact RecordBatch v2 sizes (61-byte
 * header + Σ record sizes with their offset/timestamp deltas), Kafka's "full" rule with the compression-ratio
 * estimate, producer id/epoch/sequence, retry bookkeeping, completion of its records and splitting.
 * Mirrors org.apache.kafka.clients.producer.internals.ProducerBatch with its MemoryRecordsBuilder (hasRoomFor,
 * isFull, estimatedSizeInBytes, close). Left out: record bytes (sizes only; the records section is encoded only
 * to measure compression), futures/thunks (the batch's RecordState objects are updated instead), magic v0/v1,
 * control batches. Added for the explorer: closeReason, readyReason and their times.
 * Over 400 lines because it keeps the whole method set of Kafka's class that the Sender and TransactionManager
 * call; the size rules live in MemoryRecordsBuilder.ts.
 */

import type { WireBatch } from '../../../cluster/ProduceRequest';
import {
  estimateSizeInBytesUpperBound,
  incrementSequence,
} from '../../../common/record/DefaultRecordBatch';
import { IllegalStateException } from './BufferPool';
import {
  MemoryRecordsBuilder,
  NO_SEQUENCE,
  type ProducerBatchContext,
} from './MemoryRecordsBuilder';
import type { RecordState } from './RecordState';
import type { ProducerIdAndEpoch } from './TransactionManager';

export {
  createProducerBatchContext,
  NO_SEQUENCE,
  type ProducerBatchContext,
} from './MemoryRecordsBuilder';

export type FinalState = 'ABORTED' | 'FAILED' | 'SUCCEEDED';

/** Why a batch stopped taking records. */
export type BatchCloseReason =
  | 'full'
  | 'linger-expired'
  | 'flush'
  | 'buffer-exhausted'
  | 'closing'
  | 'transaction-completing'
  | 'drained'
  | 'retry'
  | 'expired'
  | 'aborted'
  | 'split';

/** Why a batch became sendable (the first reason ready() saw; 'piggybacked' = drained with a ready sibling). */
export type BatchReadyReason =
  | Exclude<BatchCloseReason, 'drained' | 'retry' | 'expired' | 'aborted' | 'split'>
  | 'retry-backoff-elapsed'
  | 'leader-changed'
  | 'piggybacked';

export class ProducerBatch {
  readonly id: number;
  readonly partition: number;
  readonly createdMs: number;
  readonly isSplitBatch: boolean;
  /** Allocated buffer size (Kafka's initialCapacity and writeLimit): max(batch.size, the first record's bound). */
  readonly writeLimit: number;
  readonly recordsBuilder: MemoryRecordsBuilder;
  /** The batch's records in offset order (the builder's array; do not mutate). */
  readonly records: RecordState[];
  attempts = 0;
  lastAttemptMs: number;
  lastAppendTime: number;
  /** Last drain time, -1 before the first. */
  drainedMs = -1;
  finalState: FinalState | null = null;
  /** True while a request holding it is outstanding (the Sender sets it). */
  inflight = false;
  closeReason: BatchCloseReason | null = null;
  closedForAppendsMs = -1;
  readyReason: BatchReadyReason | null = null;
  readyMs = -1;
  /** Ids of the batches this one was split into, or null. */
  splitBatchIds: number[] | null = null;
  /** Leader epoch of the attempt in progress (-1 unknown) and the attempt at which it last changed (KIP-951). */
  currentLeaderEpoch = -1;
  attemptsWhenLeaderLastChanged = 0;
  /**
   * The jittered retry backoff drawn for this batch in the Sender loop at `retryBackoffDrawnAtMs`, for attempt
   * `retryBackoffDrawnForAttempts` (RecordAccumulator.batchRetryBackoffMs; -1: none drawn yet).
   */
  retryBackoffDrawnMs = -1;
  retryBackoffDrawnAtMs = -1;
  retryBackoffDrawnForAttempts = -1;

  private readonly context: ProducerBatchContext;
  private retry = false;
  private reopened = false;
  private maxRecordSizeCache = -1;

  constructor(
    context: ProducerBatchContext,
    partition: number,
    writeLimit: number,
    createdMs: number,
    isSplitBatch = false,
  ) {
    this.context = context;
    this.id = context.nextBatchId++;
    this.partition = partition;
    this.writeLimit = writeLimit;
    this.createdMs = createdMs;
    this.lastAttemptMs = createdMs;
    this.lastAppendTime = createdMs;
    this.isSplitBatch = isSplitBatch;
    this.recordsBuilder = new MemoryRecordsBuilder(context, writeLimit);
    this.records = this.recordsBuilder.records;
    context.observer?.batchCreated(this);
  }

  /**
   * Append the record if it fits (the first record always does): returns how much the estimated size grew
   * (Kafka's appendedBytes), or null when it does not fit. Sets the record's batchId.
   */
  tryAppend(record: RecordState, nowMs: number): number | null {
    const grown = this.recordsBuilder.tryAppend(record);
    if (grown === null) return null;
    this.lastAppendTime = nowMs;
    this.maxRecordSizeCache = -1;
    record.batchId = this.id;
    this.context.observer?.recordAppended(this, record, nowMs);
    return grown;
  }

  get recordCount(): number {
    return this.recordsBuilder.numRecords;
  }

  /** Batch header + uncompressed records, exact (RecordBatch v2 as written without a codec). */
  get sizeInBytes(): number {
    return this.recordsBuilder.uncompressedSizeInBytes();
  }

  /** Size on the wire (header + records section, compressed if a codec is used) once closed; -1 before. */
  get compressedSizeInBytes(): number {
    return this.recordsBuilder.builtSizeInBytes();
  }

  /** Exact once closed; before, the header plus uncompressed bytes × estimated ratio × 1.05. */
  estimatedSizeInBytes(): number {
    return this.recordsBuilder.estimatedSizeInBytes();
  }

  /** Closed for appends, or holding ≥ 1 record with the estimate at the write limit. */
  isFull(): boolean {
    return this.recordsBuilder.isFull();
  }

  /** Whether the compressed size came from the real codec (false: sampled ratio, or no codec). */
  get compressionMeasured(): boolean {
    return this.recordsBuilder.compressionMeasured;
  }

  /** Largest record timestamp (CreateTime), -1 while empty. */
  get maxTimestamp(): number {
    return this.recordsBuilder.maxTimestamp;
  }

  /** Largest per-record upper-bound estimate (61 + 21 + key + value + headers), Kafka's maxRecordSize. */
  get maxRecordSize(): number {
    if (this.maxRecordSizeCache < 0) {
      let max = 0;
      for (const r of this.records) {
        max = Math.max(max, estimateSizeInBytesUpperBound(r.keyBytes, r.valueBytes, r.headers));
      }
      this.maxRecordSizeCache = max;
    }
    return this.maxRecordSizeCache;
  }

  /** Compressed / uncompressed records section of the closed batch (1 without a codec). */
  compressionRatio(): number {
    return this.recordsBuilder.compressionRatio();
  }

  initialCapacity(): number {
    return this.writeLimit;
  }

  isCompressed(): boolean {
    return this.context.compressionType !== 'none';
  }

  /** No more appends (Kafka releases the compression stream here); the first reason given is kept. */
  closeForRecordAppends(reason: BatchCloseReason = 'full', nowMs = this.lastAppendTime): void {
    if (!this.recordsBuilder.isClosedForRecordAppends()) {
      this.recordsBuilder.closeForRecordAppends();
      this.closeReason ??= reason;
      this.closedForAppendsMs = nowMs;
    }
  }

  /**
   * Build the batch (Kafka writes header and CRC right before sending): fixes the size on the wire and folds
   * the observed compression ratio into the topic's estimate.
   */
  close(): void {
    if (this.recordsBuilder.isClosed()) return;
    this.closeForRecordAppends('drained');
    this.recordsBuilder.close();
    this.context.estimator.updateEstimation(
      this.context.compressionType,
      this.recordsBuilder.compressionRatio(),
    );
    this.reopened = false;
  }

  isClosed(): boolean {
    return this.recordsBuilder.isClosed();
  }

  /** Abort the builder so the batch can never be sent (expiry, abort); the records complete with abort(). */
  abortRecordAppends(reason: BatchCloseReason = 'aborted'): void {
    this.closeForRecordAppends(reason);
    this.recordsBuilder.abort();
  }

  // ---- completion ----

  /**
   * Finish the batch: success (`errorText` null: offsets baseOffset + index, or -1 when baseOffset is -1) or
   * failure (`Name: message` for every record, or per record index from `recordErrors`). Returns the records in
   * order for the callbacks, or null when the batch had already failed or been aborted (Kafka only logs that).
   * Throws IllegalStateException for any change after success.
   */
  done(
    baseOffset: number,
    logAppendTime: number,
    errorText: string | null,
    nowMs: number,
    recordErrors: ReadonlyMap<number, string> | null = null,
  ): RecordState[] | null {
    const tryFinalState: FinalState = errorText === null ? 'SUCCEEDED' : 'FAILED';
    if (this.finalState === null) {
      this.finalState = tryFinalState;
      this.completeRecords(baseOffset, logAppendTime, errorText, recordErrors, nowMs);
      return this.records;
    }
    if (this.finalState !== 'SUCCEEDED') return null;
    throw new IllegalStateException(
      `A ${this.finalState} batch must not attempt another state change to ${tryFinalState}`,
    );
  }

  complete(baseOffset: number, logAppendTime: number, nowMs: number): RecordState[] | null {
    return this.done(baseOffset, logAppendTime, null, nowMs);
  }

  /** Abort: every record fails with `errorText`; throws if the batch already has a final state. */
  abort(errorText: string, nowMs: number): RecordState[] {
    if (this.finalState !== null) {
      throw new IllegalStateException(
        `Batch has already been completed in final state ${this.finalState}`,
      );
    }
    this.finalState = 'ABORTED';
    this.completeRecords(-1, -1, errorText, null, nowMs);
    return this.records;
  }

  isDone(): boolean {
    return this.finalState !== null;
  }

  // ---- retries, expiry, leader epochs ----

  hasReachedDeliveryTimeout(deliveryTimeoutMs: number, nowMs: number): boolean {
    return deliveryTimeoutMs <= nowMs - this.createdMs;
  }

  reenqueued(nowMs: number): void {
    this.attempts++;
    this.lastAttemptMs = Math.max(this.lastAppendTime, nowMs);
    this.lastAppendTime = Math.max(this.lastAppendTime, nowMs);
    this.retry = true;
    this.readyReason = null;
    this.readyMs = -1;
  }

  inRetry(): boolean {
    return this.retry;
  }

  waitedTimeMs(nowMs: number): number {
    return Math.max(0, nowMs - this.lastAttemptMs);
  }

  drained(nowMs: number): void {
    this.drainedMs = Math.max(this.drainedMs, nowMs);
  }

  queueTimeMs(): number {
    return this.drainedMs - this.createdMs;
  }

  /** Remember a newer leader epoch (negative = unknown, ignored) and the attempt at which it changed. */
  maybeUpdateLeaderEpoch(latestLeaderEpoch: number): void {
    if (
      latestLeaderEpoch >= 0 &&
      (this.currentLeaderEpoch < 0 || this.currentLeaderEpoch < latestLeaderEpoch)
    ) {
      this.attemptsWhenLeaderLastChanged = this.attempts;
      this.currentLeaderEpoch = latestLeaderEpoch;
    }
  }

  /** A retry going to a newer leader than the previous attempt did: it skips the backoff (KIP-951). */
  hasLeaderChangedForTheOngoingRetry(): boolean {
    return this.attempts >= 1 && this.attempts === this.attemptsWhenLeaderLastChanged;
  }

  // ---- producer id / sequence (idempotence) ----

  setProducerState(
    producerIdAndEpoch: ProducerIdAndEpoch,
    baseSequence: number,
    isTransactional: boolean,
  ): void {
    this.recordsBuilder.setProducerState(
      producerIdAndEpoch.producerId,
      producerIdAndEpoch.epoch,
      baseSequence,
      isTransactional,
    );
  }

  /** After an epoch bump: rewrite id/epoch/sequence; the batch is built again at its next drain. */
  resetProducerState(producerIdAndEpoch: ProducerIdAndEpoch, baseSequence: number): void {
    this.reopened = true;
    this.recordsBuilder.reopenAndRewriteProducerState(
      producerIdAndEpoch.producerId,
      producerIdAndEpoch.epoch,
      baseSequence,
      this.isTransactional(),
    );
  }

  producerId(): number {
    return this.recordsBuilder.producerId;
  }

  producerEpoch(): number {
    return this.recordsBuilder.producerEpoch;
  }

  baseSequence(): number {
    return this.recordsBuilder.baseSequence;
  }

  /** baseSequence + recordCount − 1, wrapping past 2147483647 as DefaultRecordBatch.incrementSequence. */
  lastSequence(): number {
    return incrementSequence(this.recordsBuilder.baseSequence, this.recordCount - 1);
  }

  hasSequence(): boolean {
    return this.recordsBuilder.baseSequence !== NO_SEQUENCE;
  }

  isTransactional(): boolean {
    return this.recordsBuilder.isTransactional;
  }

  sequenceHasBeenReset(): boolean {
    return this.reopened;
  }

  // ---- split (MESSAGE_TOO_LARGE) ----

  /**
   * Split into batches of at most `splitBatchSize` bytes (a bigger record gets its own batch), allocated off
   * the buffer pool, keeping this batch's createdMs and giving contiguous sequences from its base sequence.
   * The records' batchId moves to the new batches.
   */
  split(splitBatchSize: number): ProducerBatch[] {
    if (this.recordCount === 0)
      throw new IllegalStateException('Cannot split an empty producer batch.');
    const batches: ProducerBatch[] = [];
    let batch: ProducerBatch | null = null;
    for (const record of this.records) {
      if (batch === null) batch = this.createBatchOffAccumulatorForRecord(record, splitBatchSize);
      if (batch.tryAppendForSplit(record) === null) {
        batches.push(batch);
        batch.closeForRecordAppends('split', this.lastAppendTime);
        batch = this.createBatchOffAccumulatorForRecord(record, splitBatchSize);
        batch.tryAppendForSplit(record);
      }
    }
    if (batch !== null) {
      batches.push(batch);
      batch.closeForRecordAppends('split', this.lastAppendTime);
    }
    if (this.hasSequence()) {
      let sequence = this.baseSequence();
      const producerIdAndEpoch = { producerId: this.producerId(), epoch: this.producerEpoch() };
      for (const b of batches) {
        b.setProducerState(producerIdAndEpoch, sequence, this.isTransactional());
        sequence = incrementSequence(sequence, b.recordCount);
      }
    }
    this.splitBatchIds = batches.map((b) => b.id);
    return batches;
  }

  /** The batch as a ProduceRequest carries it. Allocates: once per drained batch. */
  toWire(): WireBatch {
    const count = this.recordCount;
    const recordIds = new Array<number>(count);
    for (let i = 0; i < count; i++) recordIds[i] = this.records[i].id;
    return {
      batchId: this.id,
      partition: this.partition,
      recordIds,
      recordCount: count,
      sizeInBytes: this.estimatedSizeInBytes(),
      producerId: this.producerId(),
      producerEpoch: this.producerEpoch(),
      baseSequence: this.baseSequence(),
      maxTimestamp: this.maxTimestamp,
    };
  }

  toString(): string {
    return `ProducerBatch(topicPartition=${this.partition}, recordCount=${this.recordCount})`;
  }

  private tryAppendForSplit(record: RecordState): number | null {
    const grown = this.recordsBuilder.tryAppend(record);
    if (grown !== null) record.batchId = this.id;
    return grown;
  }

  private completeRecords(
    baseOffset: number,
    _logAppendTime: number,
    errorText: string | null,
    recordErrors: ReadonlyMap<number, string> | null,
    nowMs: number,
  ): void {
    const records = this.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      r.ackMs = nowMs;
      r.batchId = this.id;
      if (errorText === null) {
        r.status = 'acked';
        r.offset = baseOffset < 0 ? -1 : baseOffset + i;
        r.error = null;
      } else {
        r.status = 'failed';
        r.offset = -1;
        r.error = recordErrors?.get(i) ?? errorText;
      }
    }
    this.context.onBatchDone?.(this, nowMs);
    this.context.observer?.batchDone(this, nowMs);
  }

  private createBatchOffAccumulatorForRecord(
    record: RecordState,
    batchSize: number,
  ): ProducerBatch {
    const initialSize = Math.max(
      estimateSizeInBytesUpperBound(record.keyBytes, record.valueBytes, record.headers),
      batchSize,
    );
    return new ProducerBatch(this.context, this.partition, initialSize, this.createdMs, true);
  }
}
