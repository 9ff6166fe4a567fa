/**
 * How KafkaProducer's constructor hands the resolved configs to its metadata cache, the RecordAccumulator and the
 * Sender (Kafka does this inline in KafkaProducer's constructor and newSender). Split out of KafkaProducer.ts.
 */
import type { DoubleSource } from '../../common/utils/ExponentialBackoff';
import type { Random } from '../../engine/Random';
import { SimulatedMetadataChannel } from './internals/MetadataChannel';
import type { ProducerBatch } from './internals/ProducerBatch';
import { ProducerMetadata } from './internals/ProducerMetadata';
import type { RecordAccumulatorConfig } from './internals/RecordAccumulator';
import type { SenderConfig } from './internals/SenderTypes';
import type { TransactionManager } from './internals/TransactionManager';
import type { KafkaProducerDeps } from './KafkaProducer';
import type { ResolvedProducerConfig } from './ProducerConfig';

export function recordAccumulatorConfig(
  config: ResolvedProducerConfig,
  deps: {
    readonly topic: string;
    readonly random: Random;
    readonly transactionManager: TransactionManager<ProducerBatch> | null;
    /** Compress every batch with the real codec instead of a deterministic sample. */
    readonly compressEveryBatch: boolean;
  },
): RecordAccumulatorConfig {
  return {
    topic: deps.topic,
    // batch.size=0 means one record per batch: Kafka uses max(1, batch.size).
    batchSize: Math.max(1, config.batchSize),
    compressionType: config.compressionType,
    compressionLevel: compressionLevelOf(config),
    compressionSampler: deps.compressEveryBatch ? null : undefined,
    lingerMs: config.lingerMs,
    retryBackoffMs: config.retryBackoffMs,
    retryBackoffMaxMs: config.retryBackoffMaxMs,
    deliveryTimeoutMs: config.deliveryTimeoutMs,
    // KafkaProducer passes the adaptive switch only to the built-in partitioner (custom ones ignore it).
    enableAdaptivePartitioning:
      config.partitionerClass === null && config.partitionerAdaptivePartitioningEnable,
    partitionAvailabilityTimeoutMs: config.partitionerAvailabilityTimeoutMs,
    random: deps.random,
    transactionManager: deps.transactionManager,
  };
}

export function senderConfig(config: ResolvedProducerConfig): SenderConfig {
  return {
    clientId: config.clientId,
    acks: config.acks,
    retries: config.retries,
    maxRequestSize: config.maxRequestSize,
    requestTimeoutMs: config.requestTimeoutMs,
    retryBackoffMs: config.retryBackoffMs,
    retryBackoffMaxMs: config.retryBackoffMaxMs,
    maxInFlightRequestsPerConnection: config.maxInFlightRequestsPerConnection,
  };
}

/** compression.<codec>.level for the configured codec; null for none and snappy (no levels). */
export function compressionLevelOf(config: ResolvedProducerConfig): number | null {
  switch (config.compressionType) {
    case 'gzip':
      return config.compressionGzipLevel;
    case 'lz4':
      return config.compressionLz4Level;
    case 'zstd':
      return config.compressionZstdLevel;
    default:
      return null;
  }
}

/** The producer's metadata cache, asking the cluster over `deps.metadataChannel` or a simulated one. */
export function producerMetadataFor(
  config: ResolvedProducerConfig,
  deps: KafkaProducerDeps,
  random: DoubleSource,
): ProducerMetadata {
  const { sim, network } = deps;
  return new ProducerMetadata(
    sim,
    {
      retryBackoffMs: config.retryBackoffMs,
      retryBackoffMaxMs: config.retryBackoffMaxMs,
      metadataMaxAgeMs: config.metadataMaxAgeMs,
    },
    deps.metadataChannel ??
      new SimulatedMetadataChannel(sim, deps.metadata, {
        latencyMs: deps.initProducerIdRoundTripMs / 2,
        brokerCostMs: 0,
        // Like leastLoadedNode: never a broker the producer has no connection to (crashed, isolated).
        reachable: (node) => network.isConnected(node),
      }),
    random,
    deps.metadata,
  );
}
