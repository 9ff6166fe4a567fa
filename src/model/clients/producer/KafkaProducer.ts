/**
 * The producer the application calls: send() runs interceptors' onSend, checks metadata, serializes key and value,
 * picks the partition (explicit, custom partitioner, murmur2 of the key, or the built-in sticky partitioner inside
 * the accumulator), checks the record's size, and appends to the RecordAccumulator, waking the Sender when a batch
 * fills or starts; flush() and close() as Kafka's. Mirrors org.apache.kafka.clients.producer.KafkaProducer
 * (doSend, flush, close). Errors raised in send() reach the callback (and onAcknowledgement) at once, as Kafka's
 * doSend does for ApiExceptions. The producer reads its own metadata cache (ProducerMetadata), refreshed through
 * metadata requests. `forceClose` is close(Duration.ZERO). Left out: transactions, multiple topics, waiting in
 * send() for a topic's first metadata (the cache starts filled), close(timeout) with a timeout other than 0.
 * Over 400 lines because send()'s blocking paths (buffer memory, metadata) and its two ways of failing (callback or
 * thrown) belong with doSend; the wiring and error texts live in ProducerComponentConfigs.ts and SendErrors.ts.
 */
import type { ClusterView } from '../../cluster/ClusterView';
import type { NetworkClient } from '../../cluster/NetworkClient';
import { CLIENT_ERRORS } from '../../common/protocol/Errors';
import { estimateSizeInBytesUpperBound } from '../../common/record/DefaultRecordBatch';
import { serialize } from '../../common/serialization/Serializers';
import type { EventHandle } from '../../engine/EventQueue';
import type { Random } from '../../engine/Random';
import type { Simulation } from '../../engine/Simulation';
import type { SendInput } from '../../workload/RecordSource';
import { ProducerInterceptors } from './interceptors/ProducerInterceptors';
import { BufferPool } from './internals/BufferPool';
import {
  type InitProducerIdChannel,
  SimulatedInitProducerId,
} from './internals/InitProducerIdChannel';
import type { MetadataChannel } from './internals/MetadataChannel';
import type { ProducerBatch } from './internals/ProducerBatch';
import type { ProducerMetadata } from './internals/ProducerMetadata';
import { ProducerMetrics } from './internals/ProducerMetrics';
import {
  type PendingAppend,
  RecordAccumulator,
  type RecordAppendResult,
  UNKNOWN_PARTITION,
} from './internals/RecordAccumulator';
import type { RecordState, SendCallback } from './internals/RecordState';
import { Sender } from './internals/Sender';
import { SenderThread } from './internals/SenderThread';
import { TransactionManager } from './internals/TransactionManager';
import { partitionForKey } from './KeyPartitioning';
import { checkCustomPartition, createPartitioner, type Partitioner } from './Partitioner';
import {
  producerMetadataFor,
  recordAccumulatorConfig,
  senderConfig,
} from './ProducerComponentConfigs';
import type { ResolvedProducerConfig } from './ProducerConfig';
import { errorText, isApiException } from './SendErrors';

export type { SendCallback } from './internals/RecordState';

export interface KafkaProducerDeps {
  readonly sim: Simulation;
  /** The cluster's truth: the cache's first content, and what metadata requests are answered from by default. */
  readonly metadata: ClusterView;
  readonly network: NetworkClient;
  readonly random: Random;
  /** Round trip of the idempotent producer's InitProducerId request, ms (and of metadata requests by default). */
  readonly initProducerIdRoundTripMs: number;
  /** Where InitProducerId goes; a run shares one between producers so each gets the next producer id. */
  readonly initProducerId?: InitProducerIdChannel;
  /** Where metadata requests go (default: answered from `metadata` after initProducerIdRoundTripMs). */
  readonly metadataChannel?: MetadataChannel;
  /** Id of the first record (a restarted producer continues its predecessor's numbering). Default 0. */
  readonly firstRecordId?: number;
  /** Compress every batch with the real codec (true) or a deterministic sample (false, the default). */
  readonly compressEveryBatch?: boolean;
  /** Sees every record as it is created (the run keeps the first ones for its report). */
  readonly onRecordCreated?: (record: RecordState) => void;
  /** Sees every record as it completes (acked or failed), before its callback. */
  readonly onRecordCompleted?: (record: RecordState) => void;
  /** Sees every batch as it completes (the run keeps summaries for its report). */
  readonly onBatchCompleted?: (batch: ProducerBatch, nowMs: number) => void;
}

export class KafkaProducer {
  readonly config: ResolvedProducerConfig;
  readonly metrics: ProducerMetrics;
  readonly accumulator: RecordAccumulator;
  readonly sender: Sender;
  readonly senderThread: SenderThread;
  readonly interceptors: ProducerInterceptors;
  readonly transactionManager: TransactionManager<ProducerBatch> | null;
  readonly partitioner: Partitioner | null;
  /** The producer's metadata cache (what it believes about leaders and partitions). */
  readonly metadata: ProducerMetadata;
  onSendReturned: ((nowMs: number) => void) | null = null;
  /** True while the application's send() is blocked (buffer memory or metadata). */
  isSendBlocked = false;
  /** Records the application has called send() for. */
  sendCalls = 0;
  /** send() calls that threw instead of reaching the callback (SerializationException, …). */
  sendExceptions = 0;
  private readonly deps: KafkaProducerDeps;
  private nextRecordId: number;
  private closing: ((nowMs: number) => void) | null = null;
  private closed = false;

  constructor(config: ResolvedProducerConfig, deps: KafkaProducerDeps) {
    this.config = config;
    this.deps = deps;
    this.nextRecordId = deps.firstRecordId ?? 0;
    const { sim, random } = deps;
    this.metrics = new ProducerMetrics(sim.nowMs);
    this.metadata = producerMetadataFor(config, deps, random.fork('metadata'));
    this.interceptors = new ProducerInterceptors(
      config.interceptorClasses,
      random.fork('interceptors'),
    );
    this.partitioner = createPartitioner(config.partitionerClass, {
      rules: config.partitionerRules,
      random: random.fork('partitioner'),
    });
    this.transactionManager = config.enableIdempotence
      ? new TransactionManager<ProducerBatch>()
      : null;
    const pool = new BufferPool(config.bufferMemory, Math.max(1, config.batchSize), {
      onWaitTime: (ns, nowMs) => this.metrics.recordBufferPoolWaitNs(ns, nowMs),
    });
    this.accumulator = new RecordAccumulator(
      recordAccumulatorConfig(config, {
        topic: this.metadata.topic,
        random: random.fork('accumulator'),
        transactionManager: this.transactionManager,
        compressEveryBatch: deps.compressEveryBatch === true,
      }),
      pool,
    );
    this.accumulator.setAppendUnblockedListener((pending, nowMs) =>
      // The listener runs inside the Sender's deallocate: resume the application from an event of its own.
      sim.at(nowMs, () => this.resumeBlockedAppend(pending, sim.nowMs)),
    );
    this.sender = new Sender(senderConfig(config), {
      accumulator: this.accumulator,
      client: deps.network,
      metadata: this.metadata,
      transactionManager: this.transactionManager,
      initProducerId:
        deps.initProducerId ??
        new SimulatedInitProducerId(sim, {
          roundTripMs: deps.initProducerIdRoundTripMs,
        }),
      metrics: this.metrics,
      onBatchCompleted: (batch, nowMs) => this.batchCompleted(batch, nowMs),
      onMetadataUpdateRequested: (_reason, nowMs) => this.metadata.requestUpdate(nowMs),
      onLeaderHint: (partition, leaderId, leaderEpoch, nowMs) =>
        this.metadata.updatePartitionLeadership(partition, leaderId, leaderEpoch, nowMs),
    });
    // A refreshed cache may name a leader for batches that were waiting: let the Sender look again.
    this.metadata.onUpdate = () => this.sender.wakeup();
    this.metrics.setGauges({
      bufferAvailableBytes: () => pool.availableMemory(),
      bufferTotalBytes: () => config.bufferMemory,
      waitingThreads: () => pool.queued(),
      requestsInFlight: () => deps.network.inFlightRequestCount(),
    });
    this.senderThread = new SenderThread(sim, this.sender);
    // Kafka's close() returns when the I/O thread's loop ends, after a runOnce that leaves nothing queued or in
    // flight. The Sender runs after every response, including one for a batch that already expired.
    this.senderThread.afterRun = (nowMs) => {
      if (this.closing !== null) this.maybeFinishClose(nowMs);
    };
    this.senderThread.start(sim.nowMs);
  }

  /** KafkaProducer.send(record, callback): see the class comment. Returns the record's state. */
  send(input: SendInput, nowMs: number, callback: SendCallback | null): RecordState {
    this.sendCalls++;
    const record: RecordState = {
      id: this.nextRecordId++,
      topic: this.metadata.topic,
      requestedPartition: input.partition,
      key: input.key,
      keyBytes: input.keyBytes,
      valueBytes: input.valueBytes,
      headers: input.headers,
      timestamp: input.timestamp ?? Math.floor(nowMs),
      partition: -1,
      partitionReason: '',
      sendMs: nowMs,
      ackMs: -1,
      status: 'pending',
      error: null,
      batchId: -1,
      offset: -1,
      callback,
    };
    this.deps.onRecordCreated?.(record);
    if (!this.interceptors.isEmpty) this.interceptors.onSend(record);
    if (this.closed || this.closing !== null) {
      this.failInSend(
        record,
        'IllegalStateException: Cannot perform operation after producer has been closed',
        nowMs,
        true,
      );
      return record;
    }
    const metadata = this.metadata;
    const count = metadata.partitionCount();
    if (input.partition !== null && input.partition >= count) {
      // waitOnMetadata keeps asking for a partition the topic does not have, until max.block.ms.
      const error = CLIENT_ERRORS.partitionNotInMetadata(
        input.partition,
        record.topic,
        count,
        this.config.maxBlockMs,
      );
      this.blockThenFail(record, error, nowMs + this.config.maxBlockMs);
      return record;
    }
    try {
      record.keyBytes = serialize('key', this.config.keySerializer, input.keyType, input.keyBytes);
      record.valueBytes = serialize(
        'value',
        this.config.valueSerializer,
        input.valueType,
        input.valueBytes,
      );
      let partition = UNKNOWN_PARTITION;
      if (input.partition !== null) {
        partition = input.partition;
        record.partitionReason = 'explicit';
      } else if (this.partitioner !== null) {
        partition = this.customPartition(this.partitioner, record);
        record.partitionReason = 'custom-partitioner';
      } else if (record.keyBytes !== null && !this.config.partitionerIgnoreKeys) {
        partition = partitionForKey(record.keyBytes, count);
        record.partitionReason = 'key-hash';
      } else {
        record.partitionReason = 'sticky';
      }
      const size = estimateSizeInBytesUpperBound(
        record.keyBytes,
        record.valueBytes,
        record.headers,
      );
      if (size > this.config.maxRequestSize) {
        this.failInSend(
          record,
          CLIENT_ERRORS.recordTooLargeForRequest(size, this.config.maxRequestSize),
          nowMs,
        );
        return record;
      }
      if (size > this.config.bufferMemory) {
        this.failInSend(record, CLIENT_ERRORS.recordTooLargeForBuffer(size), nowMs);
        return record;
      }
      this.appendToAccumulator(record, partition, nowMs);
    } catch (e) {
      const error = errorText(e);
      this.failInSend(record, error, nowMs, !isApiException(error));
    }
    return record;
  }

  /** KafkaProducer.flush(): every batch becomes sendable; `onDone` when all incomplete now have completed. */
  flush(nowMs: number, onDone: (nowMs: number) => void): void {
    this.accumulator.beginFlush();
    this.sender.wakeup();
    this.accumulator.awaitFlushCompletion(nowMs, onDone);
  }

  /** KafkaProducer.close(): no more sends; everything queued is sent; `onDone` when nothing is left. */
  close(nowMs: number, onDone: (nowMs: number) => void): void {
    if (this.closed) {
      onDone(nowMs);
      return;
    }
    this.closing = onDone;
    this.sender.initiateClose(nowMs);
    this.maybeFinishClose(nowMs);
  }

  /**
   * close(Duration.ZERO): no more sends, every incomplete record fails at once ("Producer is closed forcefully."),
   * a send() blocked on memory throws "Producer closed while allocating memory", the Sender stops, the metadata
   * cache stops refreshing. A pending close() completes.
   */
  forceClose(nowMs: number): void {
    if (this.closed) return;
    this.sender.forceClose(nowMs);
    this.senderThread.stop();
    this.metadata.close();
    this.closed = true;
    const onDone = this.closing;
    this.closing = null;
    onDone?.(nowMs);
  }

  /** Id the next record will get (a restarted producer starts from here). */
  get nextRecordIdValue(): number {
    return this.nextRecordId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** A custom partitioner's choice (Kafka rejects a negative one with IllegalArgumentException). */
  private customPartition(partitioner: Partitioner, record: RecordState): number {
    const { topic, key, keyBytes, valueBytes } = record;
    return checkCustomPartition(
      partitioner.partition(topic, key, keyBytes, null, valueBytes, this.metadata),
    );
  }

  private appendToAccumulator(record: RecordState, partition: number, nowMs: number): void {
    const metadata = this.metadata;
    const abortOnNewBatch = this.partitioner?.onNewBatch !== undefined;
    let result = this.accumulator.append(
      record,
      partition,
      this.config.maxBlockMs,
      abortOnNewBatch,
      nowMs,
      metadata,
    );
    if (result.abortForNewBatch && this.partitioner !== null) {
      // The 3.x custom-partitioner flow (only the pre-4.0 sticky classes still have onNewBatch).
      this.partitioner.onNewBatch?.(record.topic, metadata, partition);
      const again = this.customPartition(this.partitioner, record);
      result = this.accumulator.append(
        record,
        again,
        this.config.maxBlockMs,
        false,
        nowMs,
        metadata,
      );
    }
    this.afterAppend(result);
  }

  private afterAppend(result: RecordAppendResult): void {
    const pending = result.blocked;
    if (pending !== null) {
      this.isSendBlocked = true;
      pending.context = this.deps.sim.at(pending.waiter.deadlineMs, () =>
        this.expireBlockedAppend(pending),
      );
      return;
    }
    if ((result.batchIsFull || result.newBatchCreated) && this.wakeupCanHelp(result.partition)) {
      this.sender.wakeup();
    }
  }

  /**
   * Kafka wakes the Sender on every full or new batch. While the partition's leader cannot take a request (its
   * in-flight requests are at the limit, or it is reconnecting) that wake-up runs an iteration that drains
   * nothing; the Sender wakes itself when a request is written, a response arrives or a connection is ready, and
   * picks the batch up then. Skipping those empty iterations keeps a saturated producer from scheduling one Sender
   * event per record; the only difference is that the adaptive partitioner's queue statistics, which each
   * iteration refreshes, are refreshed at those moments instead.
   */
  private wakeupCanHelp(partition: number): boolean {
    const leader = this.metadata.leaderOf(partition);
    return leader === null || this.deps.network.isReady(leader, this.deps.sim.nowMs);
  }

  private resumeBlockedAppend(pending: PendingAppend, nowMs: number): void {
    if (!this.isSendBlocked) return;
    this.deps.sim.cancel(pending.context as EventHandle);
    this.isSendBlocked = false;
    try {
      this.afterAppend(this.accumulator.resumeAppend(pending, nowMs, this.metadata));
    } catch (e) {
      // After close() a parked append ends with KafkaException("Producer closed while send in progress").
      const error = errorText(e);
      this.failInSend(pending.record, error, nowMs, !isApiException(error));
    }
    if (!this.isSendBlocked) this.returnFromSend(nowMs);
  }

  private expireBlockedAppend(pending: PendingAppend): void {
    const nowMs = this.deps.sim.nowMs;
    const error = this.accumulator.abortPendingAppend(pending, nowMs);
    if (error === null) return;
    this.metrics.recordBufferExhausted(nowMs);
    this.failInSend(pending.record, errorText(error), nowMs);
    this.returnFromSend(nowMs);
  }

  private blockThenFail(record: RecordState, error: string, atMs: number): void {
    this.isSendBlocked = true;
    this.deps.sim.at(atMs, () => {
      const nowMs = this.deps.sim.nowMs;
      this.failInSend(record, error, nowMs);
      this.returnFromSend(nowMs);
    });
  }

  private returnFromSend(nowMs: number): void {
    this.isSendBlocked = false;
    this.onSendReturned?.(nowMs);
  }

  /**
   * An exception in send(). ApiExceptions (RecordTooLarge, Timeout, BufferExhausted) reach the callback at once and
   * count in record-error; other exceptions (SerializationException, IllegalStateException, …) are thrown to the
   * application instead and the callback never runs (`thrown`). Interceptors hear of both (onSendError).
   */
  private failInSend(record: RecordState, error: string, nowMs: number, thrown = false): void {
    record.status = 'failed';
    record.error = error;
    record.ackMs = nowMs;
    if (thrown) {
      record.callback = null;
      this.sendExceptions++;
      // KafkaException subclasses are counted by doSend; plain Java exceptions are not.
      if (error.startsWith('SerializationException') || error.startsWith('KafkaException')) {
        this.metrics.recordErrors(1, nowMs);
      }
      this.deps.onRecordCompleted?.(record);
      if (!this.interceptors.isEmpty) this.interceptors.onAcknowledgement(record, record.error);
      return;
    }
    this.metrics.recordErrors(1, nowMs);
    this.complete(record, nowMs);
  }

  private batchCompleted(batch: ProducerBatch, nowMs: number): void {
    const records = batch.records;
    for (let i = 0; i < records.length; i++) this.complete(records[i], nowMs);
    this.deps.onBatchCompleted?.(batch, nowMs);
  }

  private complete(record: RecordState, nowMs: number): void {
    this.deps.onRecordCompleted?.(record);
    if (!this.interceptors.isEmpty) this.interceptors.onAcknowledgement(record, record.error);
    this.metrics.recordDeliveryLatency(nowMs - record.sendMs);
    const callback = record.callback;
    if (callback !== null) {
      record.callback = null;
      callback(record, nowMs);
    }
  }

  private maybeFinishClose(nowMs: number): void {
    const onDone = this.closing;
    if (onDone === null || this.accumulator.hasIncomplete() || this.sender.hasPendingWork()) return;
    this.closing = null;
    this.closed = true;
    this.metadata.close();
    onDone(nowMs);
  }
}
