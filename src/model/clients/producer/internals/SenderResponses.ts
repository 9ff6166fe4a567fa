/**
 * The Sender's response side: handleProduceResponse, completeBatch (success, split on MESSAGE_TOO_LARGE, retry,
 * DUPLICATE_SEQUENCE_NUMBER as success, failure), failBatch and canRetry, plus the acks=0 completion when a
 * request has been written. Mirrors the second half of org.apache.kafka.clients.producer.internals.Sender
 * (reference §2h, §5); split out of Sender.ts for size, working on the Sender through `SenderCore`.
 * Left out: per-record errors (INVALID_RECORD's recordErrors: our brokers do not send them), version mismatch.
 */
import type { ProduceRequest, ProduceResponse } from '../../../cluster/ProduceRequest';
import { ERRORS, type ErrorName, errorString } from '../../../common/protocol/Errors';
import type { ProducerBatch } from './ProducerBatch';
import type { ProducerMetrics } from './ProducerMetrics';
import type { RecordAccumulator } from './RecordAccumulator';
import type { BatchOutcome, ProduceRequestEvent } from './SenderEvents';
import type { TransactionManager } from './TransactionManager';

/** Why the Sender asked for a metadata refresh. */
export type MetadataUpdateReason = 'unknown-leader' | 'invalid-metadata-error' | 'disconnect';

/** The Sender state the response handling works on. */
export interface SenderCore {
  readonly accumulator: RecordAccumulator;
  readonly transactionManager: TransactionManager<ProducerBatch> | null;
  readonly metrics: ProducerMetrics;
  /** retries. */
  readonly retries: number;
  /** max.in.flight.requests.per.connection == 1. */
  readonly guaranteeMessageOrder: boolean;
  readonly topic: string;
  removeFromInflightBatches(batch: ProducerBatch): void;
  /** done() returned the records: the owner's completion (callbacks), then the buffer goes back. */
  batchCompleted(batch: ProducerBatch, nowMs: number): void;
  requestMetadataUpdate(reason: MetadataUpdateReason, nowMs: number): void;
  leaderHint(partition: number, leaderId: number, leaderEpoch: number, nowMs: number): void;
  retryWaiting(batch: ProducerBatch, error: ErrorName, nowMs: number): void;
}

/** One produce request the Sender is waiting on. */
export interface InFlightProduce {
  readonly request: ProduceRequest;
  /** Aligned with request.batches. */
  readonly batches: ProducerBatch[];
  readonly event: ProduceRequestEvent;
}

/** Handles a response (or a local timeout/disconnect) for every batch of the request. */
export function handleProduceResponse(
  core: SenderCore,
  inFlight: InFlightProduce,
  response: ProduceResponse,
  nowMs: number,
): void {
  const { batches, event } = inFlight;
  event.responseMs = nowMs;
  if (response.timedOut === true || response.disconnected === true) {
    const error = response.timedOut === true ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION';
    event.clientError = error;
    const message =
      error === 'REQUEST_TIMED_OUT'
        ? `Disconnected from node ${response.node} due to timeout`
        : `Disconnected from node ${response.node}`;
    for (let i = 0; i < batches.length; i++) {
      const outcome = completeBatch(core, batches[i], error, -1, message, null, nowMs);
      setOutcome(event, i, error, -1, outcome);
    }
    // The metadata refresh a disconnect calls for comes from the NetworkClient (Sender.onDisconnected).
    return;
  }
  const partitions = response.partitions;
  for (let i = 0; i < batches.length; i++) {
    const p = partitions[i];
    const batch = batches[i];
    if (p === undefined || p.partition !== batch.partition) {
      throw new Error(`req-${response.requestId}: no response for partition ${batch.partition}`);
    }
    const outcome = completeBatch(
      core,
      batch,
      p.error,
      p.baseOffset,
      null,
      p.currentLeader ?? null,
      nowMs,
    );
    setOutcome(event, i, p.error, p.baseOffset, outcome);
  }
  core.metrics.recordLatency(nowMs - inFlight.request.createdMs, nowMs);
}

/** acks=0: every batch completes (offset -1) once the request has been written. */
export function completeUnacknowledged(
  core: SenderCore,
  inFlight: InFlightProduce,
  nowMs: number,
): void {
  const { batches, event } = inFlight;
  event.responseMs = nowMs;
  for (let i = 0; i < batches.length; i++) {
    const outcome = completeBatch(core, batches[i], 'NONE', -1, null, null, nowMs);
    setOutcome(event, i, 'NONE', -1, outcome === 'acked' ? 'sent' : outcome);
  }
}

/**
 * Sender.completeBatch for one partition: split, retry, success or failure; InvalidMetadata errors also ask for
 * a metadata update (and apply a KIP-951 leader hint); max.in.flight = 1 unmutes the partition.
 */
export function completeBatch(
  core: SenderCore,
  batch: ProducerBatch,
  error: ErrorName,
  baseOffset: number,
  errorMessage: string | null,
  currentLeader: { leaderId: number; leaderEpoch: number } | null,
  nowMs: number,
): BatchOutcome {
  const acc = core.accumulator;
  const tm = core.transactionManager;
  let outcome: BatchOutcome;
  if (error === 'MESSAGE_TOO_LARGE' && batch.recordCount > 1 && !batch.isDone()) {
    // Split without counting an attempt.
    tm?.removeInFlightBatch(batch);
    acc.splitAndReenqueue(batch);
    core.removeFromInflightBatches(batch);
    acc.deallocate(batch, nowMs);
    core.metrics.recordBatchSplit(nowMs);
    outcome = 'split';
  } else if (error !== 'NONE') {
    if (canRetry(core, batch, error, nowMs)) {
      acc.reenqueue(batch, nowMs);
      core.removeFromInflightBatches(batch);
      core.metrics.recordRetries(batch.recordCount, nowMs);
      core.retryWaiting(batch, error, nowMs);
      outcome = 'retry';
    } else if (error === 'DUPLICATE_SEQUENCE_NUMBER') {
      // The broker no longer knows this batch's offset: success without one.
      outcome = succeedBatch(core, batch, baseOffset, nowMs);
    } else {
      // Only a batch with retries left surely did not land, so only then may its sequence be reused.
      const text = failureText(core, error, errorMessage);
      failBatch(core, batch, text, batch.attempts < core.retries, nowMs);
      outcome = 'failed';
    }
    const info = ERRORS[error];
    if (info.invalidMetadata) {
      if (
        (error === 'NOT_LEADER_OR_FOLLOWER' || error === 'FENCED_LEADER_EPOCH') &&
        currentLeader !== null &&
        currentLeader.leaderId !== -1 &&
        currentLeader.leaderEpoch !== -1
      ) {
        core.leaderHint(batch.partition, currentLeader.leaderId, currentLeader.leaderEpoch, nowMs);
      }
      core.requestMetadataUpdate('invalid-metadata-error', nowMs);
    }
  } else {
    outcome = succeedBatch(core, batch, baseOffset, nowMs);
  }
  if (core.guaranteeMessageOrder) acc.unmutePartition(batch.partition);
  return outcome;
}

/** Kafka's exception text for a failed batch (`Name: message`). */
function failureText(core: SenderCore, error: ErrorName, errorMessage: string | null): string {
  if (error === 'TOPIC_AUTHORIZATION_FAILED') {
    return `TopicAuthorizationException: Not authorized to access topics: [${core.topic}]`;
  }
  if (error === 'CLUSTER_AUTHORIZATION_FAILED') {
    return 'ClusterAuthorizationException: The producer is not authorized to do idempotent sends';
  }
  return errorString(error, errorMessage ?? undefined);
}

function succeedBatch(
  core: SenderCore,
  batch: ProducerBatch,
  baseOffset: number,
  nowMs: number,
): BatchOutcome {
  // Even for a batch that already expired: an ack still moves the last acked sequence (resolving sequences).
  core.transactionManager?.handleCompletedBatch(batch, baseOffset);
  if (batch.done(baseOffset, -1, null, nowMs) !== null) {
    core.batchCompleted(batch, nowMs);
    return 'acked';
  }
  return 'expired';
}

/** Sender.failBatch: counts the error, fails the records (if not already done), then tells the manager. */
export function failBatch(
  core: SenderCore,
  batch: ProducerBatch,
  errorText: string,
  adjustSequenceNumbers: boolean,
  nowMs: number,
): void {
  core.metrics.recordErrors(batch.recordCount, nowMs);
  if (batch.done(-1, -1, errorText, nowMs) !== null) {
    core.transactionManager?.handleFailedBatch(batch, errorText, adjustSequenceNumbers);
    core.batchCompleted(batch, nowMs);
  }
}

/** Sender.canRetry: not expired, attempts left, not done, and retriable (idempotent rules via the manager). */
export function canRetry(
  core: SenderCore,
  batch: ProducerBatch,
  error: ErrorName,
  nowMs: number,
): boolean {
  const tm = core.transactionManager;
  return (
    !batch.hasReachedDeliveryTimeout(core.accumulator.deliveryTimeoutMs, nowMs) &&
    batch.attempts < core.retries &&
    !batch.isDone() &&
    (tm === null ? ERRORS[error].retriable : tm.canRetry({ error }, batch))
  );
}

function setOutcome(
  event: ProduceRequestEvent,
  index: number,
  error: ErrorName,
  baseOffset: number,
  outcome: BatchOutcome,
): void {
  const b = event.batches[index];
  if (b === undefined) return;
  b.error = error === 'NONE' ? null : error;
  b.baseOffset = baseOffset;
  // A batch that expired while in flight keeps that outcome whatever the broker says later.
  if (b.outcome !== 'expired') b.outcome = outcome;
}
