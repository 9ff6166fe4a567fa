/**
 * What the explorer draws, taken from a running ProducerRun: plain JSON-safe data (plus one typed array of record
 * marks) with stable ids, built by SnapshotBuilder at most once per animation frame. Simulation-only: Kafka exposes
 * metrics, not its internals. Every field is a reading of the model; the view computes nothing about Kafka.
 */

import type {
  BatchView,
  BufferPoolView,
  PartitionQueueView,
} from '../clients/producer/internals/AccumulatorViews';
import type { PartitionReason } from '../clients/producer/internals/RecordState';
import type {
  ProduceRequestEvent,
  RetryWaitView,
} from '../clients/producer/internals/SenderEvents';
import type { BrokerReport, PartitionReport } from '../cluster/ClusterReports';
import type { ApplicationState, SendMode } from '../workload/Application';
import type { Inspection, RecordSummary } from './Inspection';
import type { RunEnd } from './ProducerRun';

export type * from './Inspection';

export type {
  ApplicationState,
  BatchView,
  BrokerReport,
  BufferPoolView,
  PartitionQueueView,
  PartitionReason,
  PartitionReport,
  ProduceRequestEvent,
  RetryWaitView,
  RunEnd,
  SendMode,
};

/** Where a drawn record is on its journey (one code per pipeline stage, in order). */
export const MARK_STAGE = {
  /** send() called, not yet appended (serializer/partitioner, or blocked waiting for buffer memory). */
  sending: 0,
  /** In a batch in the RecordAccumulator. */
  accumulator: 1,
  /** In a produce request that is built but not yet fully written (waiting for the connection). */
  request: 2,
  /** On the wire or at the leader, waiting for the response. */
  inFlight: 3,
  /** Acknowledged: the callback ran (kept for a short while so the view can show it returning). */
  acked: 4,
  /** Failed: the callback ran with an exception (kept for a short while). */
  failed: 5,
} as const;
export type MarkStage = (typeof MARK_STAGE)[keyof typeof MARK_STAGE];

/** Int32 fields per mark in `RecordMarks.data`. */
export const MARK_STRIDE = 7;

/**
 * The records drawn as moving marks, packed as MARK_STRIDE int32s each:
 * [recordId, stage (MarkStage), partition (-1 before partitioning), node (leader broker of the request, -1 if none),
 *  batchId (-1 before append), keyHash (murmur2 of the key bytes, toPositive; -1 for a null key),
 *  stageSinceMs (simulated ms when it entered this stage, truncated)].
 * Ordered by record id. The array is a fresh copy (transferable).
 */
export interface RecordMarks {
  readonly data: Int32Array;
  readonly count: number;
  /** 1 = every record is drawn; k = one record in k (the view says so on screen). */
  readonly sampleEvery: number;
}

/** The run's resolved settings the drawing needs (Kafka names in `effective`). */
export interface SnapshotSettings {
  readonly topic: string;
  readonly partitions: number;
  readonly brokers: number;
  readonly replicationFactor: number;
  /** min(min.insync.replicas, replication factor): what the brokers enforce. */
  readonly effectiveMinInsyncReplicas: number;
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly bufferMemory: number;
  readonly acks: -1 | 0 | 1;
  readonly compressionType: string;
  readonly maxInFlightRequestsPerConnection: number;
  readonly enableIdempotence: boolean;
  /** Every producer config after Kafka's resolution, by Kafka name, as Kafka prints it. */
  readonly effective: Readonly<Record<string, string>>;
  /** Warnings from resolution (e.g. idempotence turned off implicitly). */
  readonly warnings: readonly string[];
  readonly sendMode: SendMode;
  /** Records per second; -1 = as fast as send() returns. */
  readonly throughput: number;
  readonly durationMs: number;
}

export interface Counters {
  readonly sendCalls: number;
  readonly acked: number;
  readonly failed: number;
  readonly pending: number;
  /** Bytes written to the network in produce requests (outgoing-byte-total). */
  readonly bytesSent: number;
  readonly batchesCreated: number;
  readonly batchesCompleted: number;
  readonly requestsSent: number;
  readonly recordsRetried: number;
}

/** The application thread that calls send(). */
export interface ApplicationView {
  readonly state: ApplicationState;
  readonly sendMode: SendMode;
  /** The caller is blocked in send() waiting for buffer memory (buffer.memory exhausted) or in a sync get(). */
  readonly blocked: boolean;
  /** Sends that blocked on memory so far. */
  readonly blockedSends: number;
  /** Exceptions thrown by send() itself so far (SerializationException, …). */
  readonly sendExceptions: number;
}

/** The last record through the front of the pipeline: what the Interceptors, Serializer and Partitioner stages show. */
export interface LastRecordView {
  readonly id: number;
  readonly key: string | null;
  readonly keySizeInBytes: number;
  readonly valueSizeInBytes: number;
  readonly headerCount: number;
  readonly partition: number;
  readonly partitionReason: PartitionReason;
  /** The model's explanation: `murmur2("user-1") = … % 6 = 4`, or the sticky partitioner's choice and reason. */
  readonly partitionExplanation: string;
}

export interface PipelineView {
  /** Interceptor class names in chain order (empty when interceptor.classes is unset). */
  readonly interceptors: readonly string[];
  readonly keySerializer: string;
  readonly valueSerializer: string;
  /** `BuiltInPartitioner` or the partitioner.class's short name. */
  readonly partitioner: string;
  /** The built-in sticky partitioner's current partition (-1 if none or not in use). */
  readonly stickyPartition: number;
  /** Why it switched last (BuiltInPartitioner.lastSwitchReason), '' if not in use. */
  readonly stickySwitchReason: string;
  readonly lastRecord: LastRecordView | null;
}

/** An in-flight or just-answered produce request (the Sender's request log), with its leader. */
export type RequestView = ProduceRequestEvent;

export interface SenderView {
  /** Nodes (broker ids) with a sendable batch at the last ready() check, ascending. */
  readonly readyNodes: readonly number[];
  /** Requests built and not yet answered, oldest first. */
  readonly inFlight: readonly RequestView[];
  /** Requests answered within the last few simulated ms (for the acknowledgement animation), oldest first. */
  readonly recentlyCompleted: readonly RequestView[];
  /** max.in.flight.requests.per.connection. */
  readonly maxInFlightPerConnection: number;
  readonly retries: readonly RetryWaitView[];
}

/** One line of the run's log: faults, restarts, buffer exhaustion, errors, warnings. */
export interface RunEvent {
  /** Increasing over the run. */
  readonly seq: number;
  readonly atMs: number;
  readonly kind: 'fault' | 'error' | 'buffer' | 'warning' | 'info';
  readonly text: string;
}

/**
 * A partition's queue as drawn: at most 8 batches, the oldest 7 (the head, what drain() takes next) and the newest
 * (the open one, still filling); the ones between are only counted.
 */
export interface AccumulatorQueueView extends PartitionQueueView {
  /** Batches in the queue, drawn or not. */
  readonly batchCount: number;
  /** Batches between the drawn head and the drawn tail, not in `batches`. */
  readonly hiddenBatches: number;
}

export interface RunSnapshot {
  readonly nowMs: number;
  readonly end: RunEnd;
  readonly settings: SnapshotSettings;
  readonly counters: Counters;
  readonly application: ApplicationView;
  readonly pipeline: PipelineView;
  /** Every partition of the topic, ascending (an empty queue has no batches). */
  readonly accumulator: readonly AccumulatorQueueView[];
  readonly bufferPool: BufferPoolView;
  readonly sender: SenderView;
  readonly brokers: readonly BrokerReport[];
  readonly partitions: readonly PartitionReport[];
  readonly marks: RecordMarks;
  /** The most recent run events (at most 200), oldest first. */
  readonly events: readonly RunEvent[];
  /** Kafka's windowed producer metrics by Kafka name (ProducerMetrics.snapshot). */
  readonly metrics: Readonly<Record<string, number>>;
  /**
   * The selected record, batch or request (SnapshotBuilder.select) in detail, rebuilt by every build so it follows
   * the record as it moves; null when nothing is selected. A selected record is always among the marks while drawn.
   */
  readonly selection: Inspection | null;
  /** The most recent records sent (at most 30), oldest first: the inspector's pick list. */
  readonly recentRecords: readonly RecordSummary[];
}
