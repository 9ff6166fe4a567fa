/**
 * The Sender's configuration and collaborators: the NetworkClient calls it makes, its config values and the hooks
 * the owner provides (completion sink, metadata refresh, leader hints). Split out of Sender.ts for size.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import type { NetworkClientHandler } from '../../../cluster/NetworkClient';
import type { ProduceRequest } from '../../../cluster/ProduceRequest';
import type { InitProducerIdChannel } from './InitProducerIdChannel';
import type { ProducerBatch } from './ProducerBatch';
import type { ProducerMetrics } from './ProducerMetrics';
import type { RecordAccumulator } from './RecordAccumulator';
import type { MetadataUpdateReason } from './SenderResponses';
import type { TransactionManager } from './TransactionManager';

/** The NetworkClient calls the Sender makes (cluster/NetworkClient.ts implements it). */
export interface SenderNetworkClient {
  isReady(node: number, nowMs: number): boolean;
  /** Time until readiness may change for a node that is not ready (Kafka's pollDelayMs). */
  connectionDelay(node: number, nowMs: number): number;
  send(request: ProduceRequest, nowMs: number): void;
  inFlightRequestCount(node?: number): number;
  setHandler(handler: NetworkClientHandler): void;
}

export interface SenderConfig {
  readonly clientId: string;
  readonly acks: -1 | 0 | 1;
  readonly retries: number;
  /** max.request.size: drain cap per request. */
  readonly maxRequestSize: number;
  /** request.timeout.ms: sent in the request (the NetworkClient times out with it). */
  readonly requestTimeoutMs: number;
  readonly retryBackoffMs: number;
  readonly retryBackoffMaxMs: number;
  /** max.in.flight.requests.per.connection; 1 mutes each drained partition until its response. */
  readonly maxInFlightRequestsPerConnection: number;
  /** How many recent requests `recentRequests()` keeps (default 1000). */
  readonly requestLogCapacity?: number;
}

export interface SenderDeps {
  readonly accumulator: RecordAccumulator;
  readonly client: SenderNetworkClient;
  /** The producer's metadata cache (ProducerMetadata; tests may pass a hand-built ClusterView). */
  readonly metadata: ClusterView;
  /** Non-null for the idempotent producer; then `initProducerId` is required. */
  readonly transactionManager: TransactionManager<ProducerBatch> | null;
  readonly initProducerId?: InitProducerIdChannel;
  readonly metrics: ProducerMetrics;
  /**
   * A batch reached its final state; its records carry the result, in record order. Runs callbacks and records
   * ProducerMetrics.recordDeliveryLatency per record; the batch's memory is returned right after.
   */
  readonly onBatchCompleted: (batch: ProducerBatch, nowMs: number) => void;
  /** Kafka's metadata.requestUpdate(false) (KafkaProducer: ProducerMetadata.requestUpdate). */
  readonly onMetadataUpdateRequested?: (reason: MetadataUpdateReason, nowMs: number) => void;
  /** KIP-951: NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH named the new leader. */
  readonly onLeaderHint?: (
    partition: number,
    leaderId: number,
    leaderEpoch: number,
    nowMs: number,
  ) => void;
}
