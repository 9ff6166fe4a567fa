/**
 * The producer's I/O loop: turns ready batches into ProduceRequests and handles what comes back. Mirrors
 * org.apache.kafka.clients.producer.internals.Sender (runOnce, sendProducerData, sendProduceRequest, expiry of
 * queued and in-flight batches; the response side is in SenderResponses.ts), reference §2h–§2j.
 *
 * Event-driven, not a thread. The owner drives it on the Simulation (SenderThread.ts does this):
 * - `runOnce(nowMs)` runs one loop iteration and returns the absolute time it wants to run again (Kafka's poll
 *   timeout: now if it just sent and may send more, else the next linger/backoff/expiry deadline, or Infinity
 *   when only an event can change anything).
 * - `wakeup()` asks for a run at the current time; it is coalesced (the listener set with `setWakeupListener` is
 *   called once until the next runOnce). The Sender wakes itself when a response arrives, a request has been
 *   written, a connection comes back or InitProducerId answers; the owner calls wakeup() after an append that
 *   made a batch full or created one (as KafkaProducer.doSend does), and on flush/close.
 * - Responses are handled when the NetworkClient delivers them (the Sender installs itself as its handler), and
 *   finished batches go to `onBatchCompleted(batch, nowMs)` (interceptors' onAcknowledgement, user callbacks,
 *   and the delivery-latency metric, which is send → callback and so belongs to the owner).
 * Left out: the metadata request itself (asked for through a hook; KafkaProducer wires it to ProducerMetadata), transactions, ApiVersions,
 * authentication, per-topic/per-node sensors; on a fatal error only undrained and in-flight batches are aborted
 * (queued retries stay queued until they expire).
 */
import type { NetworkClientHandler } from '../../../cluster/NetworkClient';
import type { ProduceRequest, ProduceResponse, WireBatch } from '../../../cluster/ProduceRequest';
import { CLIENT_ERRORS, type ErrorName } from '../../../common/protocol/Errors';
import { produceRequestSizeInBytes } from '../../../common/requests/ProduceRequestSize';
import { InFlightBatches } from './InFlightBatches';
import { InitProducerIdSender } from './InitProducerIdChannel';
import type { ProducerBatch } from './ProducerBatch';
import type { ProducerMetrics } from './ProducerMetrics';
import { LONG_MAX_VALUE, type RecordAccumulator } from './RecordAccumulator';
import { SenderRecorder } from './SenderEvents';
import {
  completeUnacknowledged,
  failBatch,
  handleProduceResponse,
  type InFlightProduce,
  type MetadataUpdateReason,
  type SenderCore,
} from './SenderResponses';
import type { SenderConfig, SenderDeps, SenderNetworkClient } from './SenderTypes';
import type { TransactionManager } from './TransactionManager';

export type { MetadataUpdateReason } from './SenderResponses';
export type { SenderConfig, SenderDeps, SenderNetworkClient } from './SenderTypes';

const NO_DEADLINE = LONG_MAX_VALUE / 2;

export class Sender implements SenderCore, NetworkClientHandler {
  readonly accumulator: RecordAccumulator;
  readonly transactionManager: TransactionManager<ProducerBatch> | null;
  readonly metrics: ProducerMetrics;
  readonly retries: number;
  readonly guaranteeMessageOrder: boolean;
  readonly topic: string;
  /** Metadata refreshes asked for, and KIP-951 leader hints received (for reports). */
  metadataUpdateRequests = 0;
  leaderHints = 0;

  private readonly config: SenderConfig;
  private readonly deps: SenderDeps;
  private readonly client: SenderNetworkClient;
  private readonly inFlight = new InFlightBatches();
  private readonly requests = new Map<number, InFlightProduce>();
  /** Explorer bookkeeping: recent requests, InitProducerId exchanges, retries waiting. */
  readonly events: SenderRecorder;
  private nextRequestId = 0;
  // Explorer: the latest ready() result that named any leader (a fresh Set per call), when, and whether the
  // latest ready() still did. A ready node is usually drained in the same instant, so "the last check" alone
  // would nearly always be empty.
  private lastReadyNodes: ReadonlySet<number> = new Set();
  private lastReadyMs = Number.NEGATIVE_INFINITY;
  private stillReady = false;
  private wakeupPending = false;
  private wakeupListener: (() => void) | null = null;
  private readonly initProducerId: InitProducerIdSender | null;

  constructor(config: SenderConfig, deps: SenderDeps) {
    this.config = config;
    this.deps = deps;
    this.client = deps.client;
    this.accumulator = deps.accumulator;
    this.transactionManager = deps.transactionManager;
    this.metrics = deps.metrics;
    this.retries = config.retries;
    this.guaranteeMessageOrder = config.maxInFlightRequestsPerConnection === 1;
    this.topic = deps.metadata.topic;
    this.events = new SenderRecorder(
      config.requestLogCapacity ?? 1000,
      config.retryBackoffMs,
      config.retryBackoffMaxMs,
    );
    const tm = deps.transactionManager;
    if (tm !== null && deps.initProducerId === undefined) {
      throw new Error('An idempotent Sender needs an InitProducerIdChannel');
    }
    this.initProducerId =
      tm === null || deps.initProducerId === undefined
        ? null
        : new InitProducerIdSender(
            tm,
            deps.initProducerId,
            this.events,
            this.metrics,
            config.clientId,
            config.retryBackoffMs,
            () => this.wakeup(),
          );
    const pool = deps.accumulator.free;
    // Kafka registers these gauges in SenderMetrics (requests-in-flight) and BufferPool (the rest).
    this.metrics.setGauges({
      bufferAvailableBytes: () => pool.availableMemory(),
      bufferTotalBytes: () => pool.totalMemory,
      waitingThreads: () => pool.queued(),
      requestsInFlight: () => this.client.inFlightRequestCount(),
    });
    this.client.setHandler(this);
  }

  // ---- driving ----

  /** Called (once until the next runOnce) when the Sender wants to run at the current time. */
  setWakeupListener(listener: (() => void) | null): void {
    this.wakeupListener = listener;
  }

  wakeup(): void {
    if (this.wakeupPending) return;
    this.wakeupPending = true;
    this.wakeupListener?.();
  }

  /** One iteration of Kafka's Sender loop. Returns when to run next (absolute ms; Infinity: on wakeup only). */
  runOnce(nowMs: number): number {
    this.wakeupPending = false;
    const tm = this.transactionManager;
    if (tm !== null) {
      tm.maybeResolveSequences();
      if (tm.hasFatalError()) {
        this.maybeAbortBatches(tm.lastError ?? 'KafkaException: fatal error', nowMs);
        return Number.POSITIVE_INFINITY;
      }
      tm.bumpIdempotentEpochAndResetIdIfNeeded();
      const next = this.initProducerId?.maybeSend(nowMs) ?? null;
      if (next !== null) return next;
    }
    return this.sendProducerData(nowMs);
  }

  /** Stop accepting appends; keeps sending until everything queued and in flight is done. */
  initiateClose(nowMs: number): void {
    this.accumulator.close(nowMs);
    this.wakeup();
  }

  /** Closes without sending: every incomplete batch fails ("Producer is closed forcefully."). */
  forceClose(nowMs: number): void {
    this.initiateClose(nowMs);
    // The accumulator returns the aborted batches' memory itself.
    for (const batch of this.accumulator.abortIncompleteBatches(nowMs)) {
      this.removeFromInflightBatches(batch);
      this.notifyCompleted(batch, nowMs, false);
    }
  }

  /** Anything left to send or to hear back about (Kafka's shutdown loop condition). */
  hasPendingWork(): boolean {
    return (
      this.accumulator.hasUndrained() ||
      this.client.inFlightRequestCount() > 0 ||
      (this.transactionManager?.hasInFlightRequest() ?? false)
    );
  }

  // ---- sendProducerData ----

  private sendProducerData(nowMs: number): number {
    const acc = this.accumulator;
    const cluster = this.deps.metadata;
    const result = acc.ready(cluster, nowMs);
    this.stillReady = result.readyNodes.size > 0;
    if (this.stillReady) {
      this.lastReadyNodes = result.readyNodes;
      this.lastReadyMs = nowMs;
    }
    if (result.unknownLeaderTopics.size > 0) this.requestMetadataUpdate('unknown-leader', nowMs);

    let notReadyTimeout = Number.POSITIVE_INFINITY;
    const readyNodes: number[] = [];
    for (const node of result.readyNodes) {
      if (this.client.isReady(node, nowMs)) {
        acc.updateNodeLatencyStats(node, nowMs, true);
        readyNodes.push(node);
      } else {
        acc.updateNodeLatencyStats(node, nowMs, false);
        notReadyTimeout = Math.min(notReadyTimeout, this.client.connectionDelay(node, nowMs));
      }
    }

    const batches = acc.drain(cluster, readyNodes, this.config.maxRequestSize, nowMs);
    let drained = 0;
    for (const list of batches.values()) {
      for (const batch of list) {
        this.inFlight.add(batch);
        if (this.guaranteeMessageOrder) acc.mutePartition(batch.partition);
        this.events.forget(batch);
        drained++;
      }
    }

    acc.resetNextBatchExpiryTime();
    const expired = this.getExpiredInflightBatches(nowMs);
    for (const batch of acc.expiredBatches(nowMs)) expired.push(batch);
    for (const batch of expired) this.expireBatch(batch, nowMs);
    this.updateProduceRequestMetrics(batches, nowMs);

    const pollTimeout = Math.max(
      0,
      Math.min(
        toDelay(result.nextReadyCheckDelayMs),
        notReadyTimeout,
        toDelay(acc.nextExpiryTimeMs()) - nowMs,
      ),
    );
    for (const [node, list] of batches) this.sendProduceRequest(node, list, nowMs);
    // Kafka polls with 0 whenever a node had sendable data. Here only after sending: a loop that sends nothing
    // (an idempotence gate, a deadline a rounding error away) must move time on, or it would spin at one instant.
    return drained > 0 ? nowMs : laterThan(nowMs, pollTimeout);
  }

  private sendProduceRequest(node: number, batches: ProducerBatch[], nowMs: number): void {
    if (batches.length === 0) return;
    const wire: WireBatch[] = new Array(batches.length);
    const sizes: number[] = new Array(batches.length);
    for (let i = 0; i < batches.length; i++) {
      wire[i] = batches[i].toWire();
      sizes[i] = wire[i].sizeInBytes;
      batches[i].inflight = true;
    }
    const { acks, clientId, requestTimeoutMs } = this.config;
    const request: ProduceRequest = {
      id: this.nextRequestId++,
      node,
      acks,
      timeoutMs: requestTimeoutMs,
      batches: wire,
      sizeInBytes: produceRequestSizeInBytes(clientId, this.topic, sizes, acks, null),
      createdMs: nowMs,
    };
    const event = this.events.requestCreated(request, batches);
    this.requests.set(request.id, { request, batches, event });
    this.client.send(request, nowMs);
  }

  private updateProduceRequestMetrics(batches: Map<number, ProducerBatch[]>, nowMs: number): void {
    const metrics = this.metrics;
    for (const list of batches.values()) {
      let records = 0;
      for (const batch of list) {
        metrics.recordBatchDrained(
          batch.estimatedSizeInBytes(),
          batch.compressionRatio(),
          batch.queueTimeMs(),
          batch.maxRecordSize,
          nowMs,
        );
        records += batch.recordCount;
      }
      // Kafka records this for every drained node, even one that gave no batch.
      metrics.recordRequestRecords(records, nowMs);
    }
  }

  // ---- expiry ----

  /** Kafka's getExpiredInflightBatches: their requests may still be answered, but the outcome is settled. */
  private getExpiredInflightBatches(nowMs: number): ProducerBatch[] {
    const acc = this.accumulator;
    const expired = this.inFlight.removeExpired(acc.deliveryTimeoutMs, nowMs, (young) =>
      acc.maybeUpdateNextBatchExpiryTime(young),
    );
    for (const batch of expired) {
      for (const inFlight of this.requests.values()) {
        const i = inFlight.batches.indexOf(batch);
        if (i >= 0) inFlight.event.batches[i].outcome = 'expired';
      }
    }
    return expired;
  }

  private expireBatch(batch: ProducerBatch, nowMs: number): void {
    const text = CLIENT_ERRORS.deliveryTimeout(
      batch.recordCount,
      `${this.topic}-${batch.partition}`,
      Math.floor(nowMs - batch.createdMs),
    );
    this.events.forget(batch);
    failBatch(this, batch, text, false, nowMs);
    // No new batches for the partition until its in-flight ones are resolved.
    if (this.transactionManager !== null && batch.inRetry()) {
      this.transactionManager.markSequenceUnresolved(batch);
    }
  }

  /** Fatal error: fail what is in flight and what was never drained (Kafka: accumulator.abortBatches). */
  private maybeAbortBatches(errorText: string, nowMs: number): void {
    for (const batch of this.inFlight.all()) {
      this.inFlight.remove(batch);
      if (batch.isDone()) continue;
      batch.abortRecordAppends('aborted');
      batch.abort(errorText, nowMs);
      this.notifyCompleted(batch, nowMs, true);
    }
    // The accumulator has already returned these batches' memory.
    for (const batch of this.accumulator.abortUndrainedBatches(errorText, nowMs)) {
      this.notifyCompleted(batch, nowMs, false);
    }
  }

  // ---- NetworkClientHandler ----

  onResponse(response: ProduceResponse, nowMs: number): void {
    const inFlight = this.requests.get(response.requestId);
    if (inFlight === undefined) return;
    this.requests.delete(response.requestId);
    handleProduceResponse(this, inFlight, response, nowMs);
    this.wakeup();
  }

  onRequestSent(request: ProduceRequest, nowMs: number): void {
    this.metrics.recordRequestSent(request.sizeInBytes, nowMs);
    const inFlight = this.requests.get(request.id);
    if (inFlight !== undefined) {
      inFlight.event.sentMs = nowMs;
      if (request.acks === 0) {
        this.requests.delete(request.id);
        completeUnacknowledged(this, inFlight, nowMs);
      }
    }
    this.wakeup();
  }

  onConnectionReady(_node: number, _nowMs: number): void {
    this.wakeup();
  }

  /** NetworkClient's handleServerDisconnect: "the disconnect may be the result of stale metadata". */
  onDisconnected(_node: number, nowMs: number): void {
    this.requestMetadataUpdate('disconnect', nowMs);
  }

  // ---- SenderCore ----

  /** @internal */
  removeFromInflightBatches(batch: ProducerBatch): void {
    this.inFlight.remove(batch);
  }

  /** @internal */
  batchCompleted(batch: ProducerBatch, nowMs: number): void {
    this.removeFromInflightBatches(batch);
    this.notifyCompleted(batch, nowMs, true);
  }

  /** @internal */
  requestMetadataUpdate(reason: MetadataUpdateReason, nowMs: number): void {
    this.metadataUpdateRequests++;
    this.deps.onMetadataUpdateRequested?.(reason, nowMs);
  }

  /** @internal */
  leaderHint(partition: number, leaderId: number, leaderEpoch: number, nowMs: number): void {
    this.leaderHints++;
    this.deps.onLeaderHint?.(partition, leaderId, leaderEpoch, nowMs);
  }

  /** @internal */
  retryWaiting(batch: ProducerBatch, error: ErrorName, nowMs: number): void {
    this.events.retryWaiting(batch, error, nowMs);
  }

  /** Callbacks (the owner's sink), then the buffer goes back to the pool (Kafka's order). */
  private notifyCompleted(batch: ProducerBatch, nowMs: number, deallocate: boolean): void {
    this.deps.onBatchCompleted(batch, nowMs);
    if (deallocate) this.accumulator.deallocate(batch, nowMs);
  }

  // ---- views for the explorer and tests ----

  /** Produce requests built so far. */
  get requestsSent(): number {
    return this.events.requestsCreated;
  }

  /**
   * Leaders (broker ids) with a sendable batch at the latest ready() check that found any, ascending, if that
   * check was the latest one or no more than `withinMs` before `nowMs`; else none. Allocates.
   */
  recentReadyNodes(nowMs: number, withinMs: number): number[] {
    if (!this.stillReady && nowMs - this.lastReadyMs > withinMs) return [];
    return Array.from(this.lastReadyNodes).sort((a, b) => a - b);
  }

  /** Drained batches of the partition not yet completed or re-queued, oldest first. */
  inFlightBatches(partition: number): readonly ProducerBatch[] {
    return this.inFlight.of(partition);
  }
}

/**
 * nowMs + delayMs, but strictly later than nowMs: a deadline a rounding error away (a batch created at 3.2 ms has
 * lingered 4.999999999999999 ms at 3.2 + 5) must not make the Sender ask for "now" again and spin.
 */
function laterThan(nowMs: number, delayMs: number): number {
  const t = nowMs + delayMs;
  if (t > nowMs) return t;
  return nowMs + Math.max(Math.abs(nowMs), 1) * Number.EPSILON;
}

/** Kafka's Long.MAX_VALUE "no deadline" as Infinity. */
function toDelay(delayMs: number): number {
  return delayMs >= NO_DEADLINE ? Number.POSITIVE_INFINITY : delayMs;
}
