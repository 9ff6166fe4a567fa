/**
 * The model's words for a batch's life, shared by the record and batch inspectors: why it closed, why it became
 * ready, and the steps of each send attempt (ready, drained, written, leader append, replicated, answered).
 * Simulation-only. Every text is built here, from what JourneyRecorder saw, so the view shows it as is.
 */
import type {
  BatchCloseReason,
  BatchReadyReason,
} from '../clients/producer/internals/ProducerBatch';
import type { JourneyStep } from './Inspection';
import type { AttemptJourney, BatchJourney } from './JourneyRecorder';
import type { ProducerRun } from './ProducerRun';

/** The settings the explanations quote (Kafka names in the texts). */
export interface JourneyContext {
  readonly topic: string;
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly bufferMemory: number;
  readonly maxBlockMs: number;
  readonly deliveryTimeoutMs: number;
  readonly acks: -1 | 0 | 1;
  readonly compressionType: string;
  readonly replicationFactor: number;
}

export function journeyContext(run: ProducerRun): JourneyContext {
  const c = run.config;
  return {
    topic: run.spec.topic,
    lingerMs: c.lingerMs,
    batchSize: c.batchSize,
    bufferMemory: c.bufferMemory,
    maxBlockMs: c.maxBlockMs,
    deliveryTimeoutMs: c.deliveryTimeoutMs,
    acks: c.acks,
    compressionType: c.compressionType,
    replicationFactor: run.spec.cluster.replicationFactor,
  };
}

/** 2000 → "2,000" (the same in every locale, unlike toLocaleString). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Why a batch stopped taking records. */
export function closeText(reason: BatchCloseReason, ctx: JourneyContext): string {
  switch (reason) {
    case 'full':
      return `full: no room for the next record within batch.size (${formatCount(ctx.batchSize)} bytes)`;
    case 'linger-expired':
      return `linger.ms (${ctx.lingerMs} ms) expired`;
    case 'flush':
      return 'flush() was called: every batch became sendable at once';
    case 'buffer-exhausted':
      return `buffer.memory (${formatCount(ctx.bufferMemory)} bytes) is exhausted and a send() waits for memory, so every batch is sent now`;
    case 'closing':
      return 'the producer is closing: everything queued is sent';
    case 'transaction-completing':
      return 'a transaction is completing: every batch is sent';
    case 'drained':
      return 'drained into a produce request';
    case 'retry':
      return 'sent back to the accumulator for a retry';
    case 'expired':
      return `delivery.timeout.ms (${formatCount(ctx.deliveryTimeoutMs)} ms) passed while it waited in the accumulator`;
    case 'aborted':
      return 'aborted: the producer failed or was closed forcefully';
    case 'split':
      return 'made by splitting a batch the broker found too large (MESSAGE_TOO_LARGE)';
  }
}

/** Why ready() (or drain()) found a batch sendable. */
export function readyText(reason: BatchReadyReason, ctx: JourneyContext): string {
  switch (reason) {
    case 'full':
      return `full: it reached batch.size (${formatCount(ctx.batchSize)} bytes), or a newer batch queued behind it`;
    case 'linger-expired':
      return `linger.ms (${ctx.lingerMs} ms) expired`;
    case 'retry-backoff-elapsed':
      return 'its retry backoff passed (retry.backoff.ms, doubling per attempt up to retry.backoff.max.ms)';
    case 'leader-changed':
      return 'its partition has a new leader: retried at once, without the backoff (KIP-951)';
    case 'piggybacked':
      return 'not ready by itself, but its leader had a ready batch, so drain() took it along';
    default:
      return closeText(reason, ctx);
  }
}

/** `offsets 120–130`, or `offset 120` for one record. */
function offsetRange(base: number, last: number): string {
  return base === last ? `offset ${base}` : `offsets ${base}–${last}`;
}

function ackNote(acks: -1 | 0 | 1): string {
  if (acks === -1) return 'acks=all waited for this';
  return acks === 1 ? 'acks=1 did not wait for this' : 'acks=0 never waits';
}

/** Describes the request's other batches: ` with batches of partitions 1 and 3`. */
function sharedWith(a: AttemptJourney): string {
  const others = a.event.batches.filter((_, i) => i !== a.index).map((b) => b.partition);
  if (others.length === 0) return '';
  const list =
    others.length === 1
      ? String(others[0])
      : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
  return ` with batches of partition${others.length === 1 ? '' : 's'} ${list}`;
}

/**
 * The steps of one send attempt of `batch`, those that happened so far. `recordIndex` ≥ 0 adds the record's own
 * offset to the leader append (for a record's journey).
 */
export function attemptSteps(
  batch: BatchJourney,
  a: AttemptJourney,
  ctx: JourneyContext,
  recordIndex = -1,
): JourneyStep[] {
  const steps: JourneyStep[] = [];
  const n = a.attempt;
  const e = a.event;
  const req = `req-${e.requestId}`;
  const step = (atMs: number, stage: JourneyStep['stage'], text: string) =>
    steps.push({ atMs, stage, text, attempt: n });
  if (a.readyMs >= 0 && a.readyReason !== null) {
    step(a.readyMs, 'ready', `ready: ${readyText(a.readyReason, ctx)}`);
  }
  const retry = n > 0 ? ` (retry ${n})` : '';
  step(e.createdMs, 'drained', `drained into ${req} for broker ${e.node}${sharedWith(a)}${retry}`);
  if (e.sentMs >= 0) {
    step(
      e.sentMs,
      'written',
      `${req} written to broker ${e.node} (${formatCount(e.sizeInBytes)} bytes on the wire)`,
    );
  }
  if (a.leaderAppendMs >= 0) {
    const own =
      recordIndex >= 0 && a.baseOffset >= 0
        ? `; this record at offset ${a.baseOffset + recordIndex}`
        : '';
    step(
      a.leaderAppendMs,
      'leader-append',
      `broker ${a.leaderBroker}, leader of partition ${a.partition}, appended batch-${batch.id} at ` +
        `${offsetRange(a.baseOffset, a.lastOffset)}${own}`,
    );
  }
  if (a.replicatedMs >= 0) {
    const who =
      ctx.replicationFactor > 1
        ? 'every in-sync replica has it'
        : 'committed (replication factor 1)';
    step(
      a.replicatedMs,
      'replicated',
      `the high watermark of partition ${a.partition} passed offset ${a.lastOffset}: ${who} (${ackNote(e.acks)})`,
    );
  }
  if (a.truncatedMs >= 0) {
    step(
      a.truncatedMs,
      'truncated',
      `a new leader of partition ${a.partition} cut its log back: this append (${offsetRange(a.baseOffset, a.lastOffset)}) is gone`,
    );
  }
  const answer = responseStep(batch, a, ctx, recordIndex);
  if (answer !== null) steps.push(answer);
  return steps;
}

function responseStep(
  batch: BatchJourney,
  a: AttemptJourney,
  ctx: JourneyContext,
  recordIndex: number,
): JourneyStep | null {
  const e = a.event;
  const b = e.batches[a.index];
  if (e.responseMs < 0 || b === undefined) return null;
  const req = `req-${e.requestId}`;
  const error = e.clientError ?? b.error;
  const at = (stage: JourneyStep['stage'], text: string): JourneyStep => ({
    atMs: e.responseMs,
    stage,
    text,
    attempt: a.attempt,
  });
  switch (b.outcome) {
    case 'pending':
      return null;
    case 'sent':
      return at(
        'acknowledged',
        `acks=0: complete as soon as ${req} was written; no response, no offset`,
      );
    case 'acked': {
      const offset =
        b.baseOffset < 0
          ? 'no offset'
          : recordIndex >= 0
            ? `offset ${b.baseOffset + recordIndex}`
            : `base offset ${b.baseOffset}`;
      const how =
        b.error === 'DUPLICATE_SEQUENCE_NUMBER'
          ? 'DUPLICATE_SEQUENCE_NUMBER: the broker already had it, taken as success'
          : 'NONE';
      return at('acknowledged', `${req} answered ${how} (${offset})`);
    }
    case 'retry':
      return at(
        'retry',
        `${req} answered ${errorWords(error)}: retriable, so batch-${batch.id} goes back to the accumulator for retry ${a.attempt + 1}`,
      );
    case 'split':
      return at(
        'split',
        `${req} answered MESSAGE_TOO_LARGE: batch-${batch.id} is split into smaller batches`,
      );
    case 'failed':
      return at('failed', `${req} answered ${errorWords(error)}: not retried, so the batch fails`);
    case 'expired':
      return at(
        'failed',
        `delivery.timeout.ms (${formatCount(ctx.deliveryTimeoutMs)} ms) passed while ${req} was outstanding: the batch fails`,
      );
  }
}

function errorWords(error: string | null): string {
  if (error === 'REQUEST_TIMED_OUT') return 'nothing within request.timeout.ms (REQUEST_TIMED_OUT)';
  if (error === 'NETWORK_EXCEPTION') return 'nothing: the connection broke (NETWORK_EXCEPTION)';
  return error ?? 'an error';
}
