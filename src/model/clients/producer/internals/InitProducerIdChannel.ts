/**
 * How the Sender sends the idempotent producer's InitProducerId request and gets its answer. Kafka sends it to the
 * least loaded node over the same NetworkClient as produce requests; the simulated NetworkClient only carries
 * produce requests, so the exchange is its own small channel: `send` answers later through a callback.
 * `SimulatedInitProducerId` answers after a fixed round trip with producer ids handed out from a counter (the
 * brokers' ProducerIdManager hands out ids in blocks from the controller; a new cluster starts at 0) and epoch 0.
 * `InitProducerIdSender` is the Sender's side (Kafka's maybeSendAndPollTransactionalRequest for this request).
 * Left out: leastLoadedNode selection, coordinator lookup, request timeouts for this request.
 */
import type { ErrorName } from '../../../common/protocol/Errors';
import { utf8Length } from '../../../common/utils/ByteUtils';
import type { Simulation } from '../../../engine/Simulation';
import type { ProducerMetrics } from './ProducerMetrics';
import type { InitProducerIdEvent, SenderRecorder } from './SenderEvents';
import type { SequencedBatch, TransactionManager } from './TransactionManager';

export interface InitProducerIdResult {
  readonly error: ErrorName;
  readonly producerId: number;
  readonly epoch: number;
}

export interface InitProducerIdChannel {
  /**
   * Sends InitProducerId at `nowMs`. Returns the node it went to, or null when no node can take it now (the Sender
   * then retries after retry.backoff.ms). Must call `onResponse` exactly once, later, at the answer's time.
   */
  send(
    nowMs: number,
    onResponse: (result: InitProducerIdResult, nowMs: number) => void,
  ): number | null;
}

/**
 * Bytes of InitProducerId v5 (flexible) on the wire: 4 size + header v2 (2 + 2 + 4 + 2 + clientId + 1 tags) +
 * body (null transactional id 1 + transaction timeout 4 + producer id 8 + epoch 2 + tags 1).
 */
export function initProducerIdRequestSizeInBytes(clientId: string): number {
  return 4 + 11 + utf8Length(clientId) + 16;
}

export interface SimulatedInitProducerIdOptions {
  /** Request + response time, ms (e.g. 2 × network latency + broker time). */
  readonly roundTripMs: number;
  /** Broker that answers (Kafka: the least loaded node). Default 0. */
  readonly node?: number;
  /** First producer id handed out. Default 0. */
  readonly firstProducerId?: number;
  /** Test hook: the error for the n-th request (0-based); default NONE. */
  readonly errorFor?: (requestIndex: number) => ErrorName;
}

export class SimulatedInitProducerId implements InitProducerIdChannel {
  private nextProducerId: number;
  private requests = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly options: SimulatedInitProducerIdOptions,
  ) {
    this.nextProducerId = options.firstProducerId ?? 0;
  }

  send(
    nowMs: number,
    onResponse: (result: InitProducerIdResult, nowMs: number) => void,
  ): number | null {
    const error = this.options.errorFor?.(this.requests) ?? 'NONE';
    this.requests++;
    const result: InitProducerIdResult =
      error === 'NONE'
        ? { error, producerId: this.nextProducerId++, epoch: 0 }
        : { error, producerId: -1, epoch: -1 };
    const atMs = nowMs + this.options.roundTripMs;
    this.sim.at(atMs, () => onResponse(result, atMs));
    return this.options.node ?? 0;
  }
}

/** The Sender's InitProducerId step, run at the start of each loop of an idempotent producer. */
export class InitProducerIdSender {
  /** A resend waits retry.backoff.ms after the failed answer (the Sender thread sleeps in Kafka). */
  private notBeforeMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly tm: TransactionManager<SequencedBatch>,
    private readonly channel: InitProducerIdChannel,
    private readonly recorder: SenderRecorder,
    private readonly metrics: ProducerMetrics,
    private readonly clientId: string,
    private readonly retryBackoffMs: number,
    /** Called when the answer has been handled (the Sender wakes up). */
    private readonly answered: (nowMs: number) => void,
  ) {}

  /** null: go on with produce data; else the time the loop should run next. */
  maybeSend(nowMs: number): number | null {
    const tm = this.tm;
    // While InitProducerId is outstanding the loop only polls.
    if (tm.hasInFlightRequest()) return Number.POSITIVE_INFINITY;
    if (!tm.hasPendingInitProducerId()) return null;
    if (tm.isInitProducerIdRetry() && nowMs < this.notBeforeMs) return this.notBeforeMs;
    let event: InitProducerIdEvent | null = null;
    const node = this.channel.send(nowMs, (r, atMs) => {
      if (event !== null) this.recorder.initProducerIdAnswered(event, r, atMs);
      tm.handleInitProducerIdResponse(r.error, r.producerId, r.epoch);
      this.notBeforeMs = atMs + this.retryBackoffMs;
      this.answered(atMs);
    });
    if (node === null) {
      // No node to send to: poll for retry.backoff.ms and try again.
      this.notBeforeMs = nowMs + this.retryBackoffMs;
      return this.notBeforeMs;
    }
    event = this.recorder.initProducerIdSent(node, nowMs);
    tm.initProducerIdSent();
    this.metrics.recordRequestSent(initProducerIdRequestSizeInBytes(this.clientId), nowMs);
    return Number.POSITIVE_INFINITY;
  }
}
