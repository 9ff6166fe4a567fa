/**
 * What the Sender records for the explorer: one plain-data entry per produce request (node, batches, when it was
 * created, written and answered, and what happened to each batch), kept in a bounded ring so memory stays flat on
 * long runs, the InitProducerId exchanges, and the retries waiting for their backoff (`SenderRecorder`).
 * Simulation-only (Kafka only logs these at TRACE).
 */
import type { ProduceRequest } from '../../../cluster/ProduceRequest';
import type { ErrorName } from '../../../common/protocol/Errors';
import { ExponentialBackoff } from '../../../common/utils/ExponentialBackoff';
import type { BatchObserver } from './BatchObserver';
import type { InitProducerIdResult } from './InitProducerIdChannel';
import type { ProducerBatch } from './ProducerBatch';

/** What the Sender did with one batch of a request once its fate was known. */
export type BatchOutcome =
  | 'pending'
  /** Acknowledged (NONE, or DUPLICATE_SEQUENCE_NUMBER). */
  | 'acked'
  /** Completed by acks=0 when the request was written. */
  | 'sent'
  | 'retry'
  | 'split'
  | 'failed'
  /** delivery.timeout.ms passed while the request was outstanding (any later answer is ignored). */
  | 'expired';

export interface RequestBatchEvent {
  readonly batchId: number;
  readonly partition: number;
  readonly recordCount: number;
  /** On the wire (compressed), bytes. */
  readonly sizeInBytes: number;
  /** -1 without idempotence. */
  readonly baseSequence: number;
  /** 0 for the first send, n for the n-th retry. */
  readonly attempt: number;
  error: ErrorName | null;
  baseOffset: number;
  outcome: BatchOutcome;
}

export interface ProduceRequestEvent {
  /** `req-<id>`. */
  readonly requestId: number;
  readonly node: number;
  readonly acks: -1 | 0 | 1;
  readonly sizeInBytes: number;
  readonly createdMs: number;
  /** When its last byte left the producer; -1 until then (or if the connection closed first). */
  sentMs: number;
  /** When the response (or the local timeout/disconnect) was handled; -1 while outstanding. */
  responseMs: number;
  /** REQUEST_TIMED_OUT (request.timeout.ms, connection closed) or NETWORK_EXCEPTION (disconnect), else null. */
  clientError: 'REQUEST_TIMED_OUT' | 'NETWORK_EXCEPTION' | null;
  readonly batches: RequestBatchEvent[];
}

/** A batch back in the accumulator, waiting for retry.backoff.ms (KIP-580 exponential, ±20 % jitter). */
export interface RetryWaitView {
  readonly batchId: number;
  readonly partition: number;
  /** Retries so far (the next send is attempt `attempts`). */
  readonly attempts: number;
  readonly recordCount: number;
  /** The error that sent it back. */
  readonly error: ErrorName;
  readonly reenqueuedMs: number;
  /** Backoff before jitter: retry.backoff.ms × 2^(attempts − 1), capped at retry.backoff.max.ms. */
  readonly nominalBackoffMs: number;
  /** Earliest and latest send time the jitter allows (Kafka re-draws the jitter at every ready check). */
  readonly earliestRetryMs: number;
  readonly latestRetryMs: number;
}

/** The InitProducerId exchange, for the explorer's timeline. */
export interface InitProducerIdEvent {
  readonly node: number;
  readonly sentMs: number;
  responseMs: number;
  error: ErrorName | null;
  producerId: number;
  epoch: number;
}

/** A fixed-capacity ring of the most recent entries (oldest dropped first). */
export class RecentLog<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;
  /** Entries ever added. */
  total = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(Math.max(0, capacity));
  }

  add(item: T): void {
    this.total++;
    if (this.capacity === 0) return;
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Oldest first. Allocates. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.count + this.capacity) % Math.max(1, this.capacity);
    for (let i = 0; i < this.count; i++) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }
}

/** The Sender's explorer bookkeeping; nothing here changes what the Sender does. */
export class SenderRecorder {
  /** The explorer's observer of produce requests (run/JourneyRecorder); null when nobody watches. */
  observer: BatchObserver | null = null;
  private readonly requestLog: RecentLog<ProduceRequestEvent>;
  private readonly retryWaits = new Map<ProducerBatch, { error: ErrorName; atMs: number }>();
  private readonly initEvents: InitProducerIdEvent[] = [];
  /** Jitter 0: the nominal backoff, without drawing from any random stream. */
  private readonly nominalBackoff: ExponentialBackoff;

  constructor(
    requestLogCapacity: number,
    retryBackoffMs: number,
    private readonly retryBackoffMaxMs: number,
  ) {
    this.requestLog = new RecentLog(requestLogCapacity);
    this.nominalBackoff = new ExponentialBackoff(retryBackoffMs, 2, retryBackoffMaxMs, 0);
  }

  /** A produce request was built; `batches` is aligned with request.batches. */
  requestCreated(request: ProduceRequest, batches: readonly ProducerBatch[]): ProduceRequestEvent {
    const event: ProduceRequestEvent = {
      requestId: request.id,
      node: request.node,
      acks: request.acks,
      sizeInBytes: request.sizeInBytes,
      createdMs: request.createdMs,
      sentMs: -1,
      responseMs: -1,
      clientError: null,
      batches: request.batches.map((w, i) => ({
        batchId: w.batchId,
        partition: w.partition,
        recordCount: w.recordCount,
        sizeInBytes: w.sizeInBytes,
        baseSequence: w.baseSequence,
        attempt: batches[i].attempts,
        error: null,
        baseOffset: -1,
        outcome: 'pending',
      })),
    };
    this.requestLog.add(event);
    this.observer?.requestCreated(request, event, batches);
    return event;
  }

  retryWaiting(batch: ProducerBatch, error: ErrorName, nowMs: number): void {
    this.retryWaits.set(batch, { error, atMs: nowMs });
  }

  /** The batch left the accumulator (drained or expired). */
  forget(batch: ProducerBatch): void {
    if (this.retryWaits.size > 0) this.retryWaits.delete(batch);
  }

  initProducerIdSent(node: number, nowMs: number): InitProducerIdEvent {
    const event: InitProducerIdEvent = {
      node,
      sentMs: nowMs,
      responseMs: -1,
      error: null,
      producerId: -1,
      epoch: -1,
    };
    this.initEvents.push(event);
    return event;
  }

  initProducerIdAnswered(event: InitProducerIdEvent, r: InitProducerIdResult, nowMs: number): void {
    event.responseMs = nowMs;
    event.error = r.error === 'NONE' ? null : r.error;
    event.producerId = r.producerId;
    event.epoch = r.epoch;
  }

  /** The most recent produce requests, oldest first. Allocates. */
  recentRequests(): ProduceRequestEvent[] {
    return this.requestLog.toArray();
  }

  get requestsCreated(): number {
    return this.requestLog.total;
  }

  initProducerIdEvents(): readonly InitProducerIdEvent[] {
    return this.initEvents;
  }

  /** Batches back in the accumulator after a retriable error, with their backoff window. Allocates. */
  retriesWaiting(): RetryWaitView[] {
    const views: RetryWaitView[] = [];
    const max = this.retryBackoffMaxMs;
    for (const [batch, wait] of this.retryWaits) {
      if (batch.isDone()) continue;
      const nominal = this.nominalBackoff.backoff(batch.attempts - 1, NO_RANDOM);
      views.push({
        batchId: batch.id,
        partition: batch.partition,
        attempts: batch.attempts,
        recordCount: batch.recordCount,
        error: wait.error,
        reenqueuedMs: wait.atMs,
        nominalBackoffMs: nominal,
        earliestRetryMs: wait.atMs + Math.min(Math.trunc(0.8 * nominal), max),
        latestRetryMs: wait.atMs + Math.min(Math.trunc(1.2 * nominal), max),
      });
    }
    return views;
  }
}

/** Never drawn from: jitter 0 takes no random number. */
const NO_RANDOM = { nextDouble: () => 0 };
