/**
 * How KafkaProducer's constructor hands the resolved configs to the RecordAccumulator and the Sender (Kafka does
 * this inline in KafkaProducer's constructor and newSender). Pure mappings, split out of KafkaProducer.ts for size.
 */
import type { Random } from '../../engine/Random';
import type { ProducerBatch } from './internals/ProducerBatch';
import type { RecordAccumulatorConfig } from './internals/RecordAccumulator';
import type { SenderConfig } from './internals/SenderTypes';
import type { TransactionManager } from './internals/TransactionManager';
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
