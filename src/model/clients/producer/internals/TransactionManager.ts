/**
 * Producer id, epoch and per-partition sequence numbers of the idempotent producer (reference §2j).
 * Mirrors org.apache.kafka.clients.producer.internals.TransactionManager for a producer without transactional.id:
 * the InitProducerId exchange (enqueued here, sent by the Sender, answered through
 * `handleInitProducerIdResponse`), sequences assigned at drain, in-flight batches kept in sequence order (a batch
 * stays tracked while it waits in the accumulator for a retry, as in Kafka), last acked sequence/offset, the
 * local epoch bump with sequence rewrite, unresolved sequences after a delivery timeout, and `canRetry`.
 * Left out: transactions (coordinator lookup, AddPartitions, EndTxn, offsets), the abortable-error state and
 * ApiVersions checks; `isTransactional()` is always false. One topic per run, so partitions are plain numbers.
 */
import { ERRORS, type ErrorName, errorString } from '../../../common/protocol/Errors';
import { incrementSequence, NO_SEQUENCE } from '../../../common/record/DefaultRecordBatch';
import { IllegalStateException } from './BufferPool';
import {
  isValidProducerIdAndEpoch,
  NO_LAST_ACKED_SEQUENCE_NUMBER,
  PRODUCER_ID_AND_EPOCH_NONE,
  type ProducerIdAndEpoch,
  type SequencedBatch,
  TopicPartitionBookkeeper,
} from './TopicPartitionBookkeeper';

export {
  isValidProducerIdAndEpoch,
  PRODUCER_ID_AND_EPOCH_NONE,
  type ProducerIdAndEpoch,
  type SequencedBatch,
} from './TopicPartitionBookkeeper';

const SHORT_MAX = 32767;

/** The part of a ProduceResponse.PartitionResponse that canRetry looks at. */
export interface PartitionResponseLike {
  readonly error: ErrorName;
  /** -1 when unknown (our brokers do not report it). */
  readonly logStartOffset?: number;
}

type State = 'UNINITIALIZED' | 'INITIALIZING' | 'READY' | 'FATAL_ERROR';

/** Exception class names that move the producer to its fatal state (maybeTransitionToErrorState). */
const FATAL_EXCEPTIONS = new Set([
  'ClusterAuthorizationException',
  'TransactionalIdAuthorizationException',
  'ProducerFencedException',
  'UnsupportedVersionException',
]);

export class TransactionManager<B extends SequencedBatch = SequencedBatch> {
  private state: State = 'UNINITIALIZED';
  private current: ProducerIdAndEpoch = PRODUCER_ID_AND_EPOCH_NONE;
  private readonly partitions = new TopicPartitionBookkeeper<B>();
  /** partition → sequence right after the expired batch (partitionsWithUnresolvedSequences). */
  private readonly unresolved = new Map<number, number>();
  private readonly partitionsToRewriteSequences = new Set<number>();
  private epochBumpRequired = false;
  private initProducerIdPending = false;
  private initProducerIdInFlight = false;
  private initProducerIdIsRetry = false;
  /** The error that made the producer fatal (`Name: message`), or null. */
  lastError: string | null = null;
  /** How many InitProducerId requests were enqueued and how many local epoch bumps happened (for reports). */
  initProducerIdRequests = 0;
  epochBumps = 0;

  /** The current producer id and epoch (NONE until InitProducerId succeeded). */
  get producerIdAndEpoch(): ProducerIdAndEpoch {
    return this.current;
  }

  isTransactional(): boolean {
    return false;
  }

  hasProducerId(): boolean {
    return isValidProducerIdAndEpoch(this.current);
  }

  hasFatalError(): boolean {
    return this.state === 'FATAL_ERROR';
  }

  isSendToPartitionAllowed(_partition: number): boolean {
    return !this.hasFatalError();
  }

  // ---- InitProducerId (the idempotent producer's only coordinator-free request) ----

  /**
   * Runs at the start of every Sender loop: performs a requested local epoch bump, and enqueues an
   * InitProducerId request when there is no producer id and none is being fetched.
   */
  bumpIdempotentEpochAndResetIdIfNeeded(): void {
    if (this.epochBumpRequired) this.bumpIdempotentProducerEpoch();
    if (this.state !== 'INITIALIZING' && this.state !== 'FATAL_ERROR' && !this.hasProducerId()) {
      this.state = 'INITIALIZING';
      this.initProducerIdPending = true;
      this.initProducerIdIsRetry = false;
      this.initProducerIdRequests++;
    }
  }

  /** True when an InitProducerId request waits to be sent (and none is in flight). */
  hasPendingInitProducerId(): boolean {
    return this.initProducerIdPending && !this.initProducerIdInFlight;
  }

  /** Whether the pending request is a resend (the Sender waits retry.backoff.ms before it). */
  isInitProducerIdRetry(): boolean {
    return this.initProducerIdIsRetry;
  }

  hasInFlightRequest(): boolean {
    return this.initProducerIdInFlight;
  }

  /** The Sender wrote the InitProducerId request to a broker. */
  initProducerIdSent(): void {
    this.initProducerIdPending = false;
    this.initProducerIdInFlight = true;
  }

  /**
   * InitProducerIdHandler.handleResponse (a disconnect is passed as NETWORK_EXCEPTION): NONE sets the id and
   * epoch; a disconnect, COORDINATOR_LOAD_IN_PROGRESS or CONCURRENT_TRANSACTIONS re-enqueues the request;
   * anything else is fatal, with Kafka's exception text.
   */
  handleInitProducerIdResponse(error: ErrorName, producerId: number, epoch: number): void {
    this.initProducerIdInFlight = false;
    if (error === 'NONE') {
      this.current = { producerId, epoch };
      this.state = 'READY';
      this.lastError = null;
    } else if (
      error === 'NETWORK_EXCEPTION' ||
      error === 'COORDINATOR_LOAD_IN_PROGRESS' ||
      error === 'CONCURRENT_TRANSACTIONS'
    ) {
      this.initProducerIdPending = true;
      this.initProducerIdIsRetry = true;
    } else if (error === 'CLUSTER_AUTHORIZATION_FAILED') {
      this.transitionToFatalError(errorString(error));
    } else if (error === 'INVALID_PRODUCER_EPOCH' || error === 'PRODUCER_FENCED') {
      this.transitionToFatalError(errorString('PRODUCER_FENCED'));
    } else {
      this.transitionToFatalError(
        `KafkaException: Unexpected error in InitProducerIdResponse; ${ERRORS[error].message}`,
      );
    }
  }

  /** @param errorText `Name: message` of the exception that made the producer unusable. */
  transitionToFatalError(errorText: string): void {
    this.state = 'FATAL_ERROR';
    this.lastError = errorText;
  }

  // ---- sequences ----

  /** The next sequence number to write to the partition. */
  sequenceNumber(partition: number): number {
    return this.partitions.getOrCreatePartition(partition).nextSequence;
  }

  /** Throws (IllegalStateException in Kafka) if the partition was never given a sequence. */
  incrementSequenceNumber(partition: number, increment: number): void {
    const entry = this.partitions.getPartition(partition);
    entry.nextSequence = incrementSequence(entry.nextSequence, increment);
  }

  producerIdAndEpochFor(partition: number): ProducerIdAndEpoch {
    return this.partitions.getOrCreatePartition(partition).producerIdAndEpoch;
  }

  /** Called at drain for a batch without a sequence: after an epoch bump, restart the partition at 0. */
  maybeUpdateProducerIdAndEpoch(partition: number): void {
    if (this.hasStaleProducerIdAndEpoch(partition) && !this.hasInflightBatches(partition)) {
      this.partitions.getOrCreatePartition(partition).startSequencesAtBeginning(this.current);
    }
  }

  hasStaleProducerIdAndEpoch(partition: number): boolean {
    const p = this.partitions.getOrCreatePartition(partition).producerIdAndEpoch;
    return p.producerId !== this.current.producerId || p.epoch !== this.current.epoch;
  }

  /** -1 when nothing was acked yet (Kafka's empty OptionalInt). */
  lastAckedSequence(partition: number): number {
    return this.partitions.peek(partition)?.lastAckedSequence ?? NO_LAST_ACKED_SEQUENCE_NUMBER;
  }

  /** -1 when unknown. */
  lastAckedOffset(partition: number): number {
    return this.partitions.peek(partition)?.lastAckedOffset ?? -1;
  }

  isNextSequence(partition: number, sequence: number): boolean {
    return sequence - this.lastAckedSequence(partition) === 1;
  }

  // ---- in-flight batches ----

  addInFlightBatch(batch: B): void {
    if (!batch.hasSequence()) {
      throw new IllegalStateException(
        `Can't track batch for partition ${batch.partition} when sequence is not set.`,
      );
    }
    this.partitions.getPartition(batch.partition).add(batch);
  }

  removeInFlightBatch(batch: B): void {
    this.partitions.peek(batch.partition)?.remove(batch);
  }

  hasInflightBatches(partition: number): boolean {
    return this.partitions.getOrCreatePartition(partition).inflight.length > 0;
  }

  /** Base sequence of the lowest in-flight batch, or NO_SEQUENCE. */
  firstInFlightSequence(partition: number): number {
    const list = this.partitions.peek(partition)?.inflight;
    return list === undefined || list.length === 0 ? NO_SEQUENCE : list[0].baseSequence();
  }

  nextBatchBySequence(partition: number): B | null {
    const list = this.partitions.peek(partition)?.inflight;
    return list === undefined || list.length === 0 ? null : list[0];
  }

  /** The in-flight batches of a partition in sequence order (read-only view for reports/tests). */
  inFlightBatches(partition: number): readonly B[] {
    return this.partitions.peek(partition)?.inflight ?? [];
  }

  // ---- completion ----

  /** A batch was acknowledged: advance last acked sequence/offset and stop tracking it. */
  handleCompletedBatch(batch: B, baseOffset: number): void {
    const entry = this.partitions.getOrCreatePartition(batch.partition);
    const lastSequence = batch.lastSequence();
    if (lastSequence > entry.lastAckedSequence) entry.lastAckedSequence = lastSequence;
    if (baseOffset !== -1) {
      const lastOffset = baseOffset + batch.recordCount - 1;
      if (lastOffset > entry.lastAckedOffset) entry.lastAckedOffset = lastOffset;
    }
    this.removeInFlightBatch(batch);
  }

  /**
   * A batch failed for good with `errorText` (`ExceptionName: message`). `adjustSequenceNumbers` is true when
   * the batch had retries left (so the broker surely rejected it): the idempotent producer then bumps its epoch
   * for the partition.
   */
  handleFailedBatch(batch: B, errorText: string, adjustSequenceNumbers: boolean): void {
    const exceptionName = exceptionNameOf(errorText);
    if (FATAL_EXCEPTIONS.has(exceptionName)) this.transitionToFatalError(errorText);
    this.removeInFlightBatch(batch);
    if (this.hasFatalError()) return;
    if (exceptionName === 'OutOfOrderSequenceException') {
      // A gap in the log: bump the epoch so the partition restarts at sequence 0.
      this.requestEpochBumpForPartition(batch.partition);
    } else if (exceptionName === 'UnknownProducerIdException') {
      this.resetSequenceForPartition(batch.partition);
    } else if (adjustSequenceNumbers) {
      this.requestEpochBumpForPartition(batch.partition);
    }
  }

  /** Whether a failed produce may be retried (Kafka's idempotent rules before the plain retriable check). */
  canRetry(response: PartitionResponseLike, batch: B): boolean {
    const error = response.error;
    const p = batch.partition;
    if (error === 'UNKNOWN_PRODUCER_ID') {
      // Without the log start offset, or for a batch already rewritten by a bump, just retry. Otherwise the
      // broker lost this producer's state (retention, or real loss): the idempotent producer bumps its epoch
      // either way (Kafka tells the two apart only for transactions).
      if ((response.logStartOffset ?? -1) === -1 || batch.sequenceHasBeenReset()) return true;
      this.requestEpochBumpForPartition(p);
      return true;
    }
    if (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER') {
      if (
        !this.hasUnresolvedSequence(p) &&
        (batch.sequenceHasBeenReset() || !this.isNextSequence(p, batch.baseSequence()))
      ) {
        // Not the next batch: an earlier one failed first, this one just follows it.
        return true;
      }
      if (!this.hasUnresolvedSequence(p) || this.unresolved.get(p) === batch.baseSequence()) {
        // A real gap right after the last acked (or unresolved) sequence.
        this.requestEpochBumpForPartition(p);
      }
      return true;
    }
    return ERRORS[error].retriable;
  }

  // ---- epoch bump and unresolved sequences ----

  requestEpochBumpForPartition(partition: number): void {
    this.epochBumpRequired = true;
    this.partitionsToRewriteSequences.add(partition);
  }

  isEpochBumpRequired(): boolean {
    return this.epochBumpRequired;
  }

  hasUnresolvedSequences(): boolean {
    return this.unresolved.size > 0;
  }

  hasUnresolvedSequence(partition: number): boolean {
    return this.unresolved.has(partition);
  }

  /** A batch that had been sent expired: no new batches for the partition until in-flight ones resolve. */
  markSequenceUnresolved(batch: B): void {
    const next = batch.lastSequence() + 1;
    const prev = this.unresolved.get(batch.partition);
    this.unresolved.set(batch.partition, prev === undefined ? next : Math.max(prev, next));
  }

  /**
   * Start of each Sender loop: a partition with no batches in flight is resolved if its acks caught up with
   * the next sequence (the expired batch did land); otherwise its epoch is bumped.
   */
  maybeResolveSequences(): void {
    for (const partition of [...this.unresolved.keys()]) {
      if (this.hasInflightBatches(partition)) continue;
      if (!this.isNextSequence(partition, this.sequenceNumber(partition))) {
        this.requestEpochBumpForPartition(partition);
      }
      this.unresolved.delete(partition);
    }
  }

  private bumpIdempotentProducerEpoch(): void {
    if (this.current.epoch === SHORT_MAX) {
      this.resetIdempotentProducerId();
    } else {
      this.current = { producerId: this.current.producerId, epoch: this.current.epoch + 1 };
      this.epochBumps++;
    }
    for (const partition of this.partitionsToRewriteSequences) {
      this.partitions.getOrCreatePartition(partition).startSequencesAtBeginning(this.current);
      this.unresolved.delete(partition);
    }
    this.partitionsToRewriteSequences.clear();
    this.epochBumpRequired = false;
  }

  /** Epoch exhausted: forget the producer id, so the next loop asks for a new one. */
  private resetIdempotentProducerId(): void {
    this.current = PRODUCER_ID_AND_EPOCH_NONE;
    this.state = 'UNINITIALIZED';
  }

  private resetSequenceForPartition(partition: number): void {
    this.partitions.remove(partition);
    this.unresolved.delete(partition);
  }
}

/** `TimeoutException: Expiring …` → `TimeoutException`. */
function exceptionNameOf(errorText: string): string {
  const colon = errorText.indexOf(':');
  return colon < 0 ? errorText : errorText.slice(0, colon);
}
