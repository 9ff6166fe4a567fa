/**
 * The custom-partitioner contract and the factory behind `partitioner.class`. Mirrors
 * org.apache.kafka.clients.producer.Partitioner and the custom-partitioner branch of KafkaProducer.partition.
 *
 * Kafka 4.0 removed `Partitioner.onNewBatch` together with the producer's abortOnNewBatch retry (KAFKA-18295): a
 * 4.x producer calls `partition()` exactly once per record. `onNewBatch` stays here, optional, only for the 3.x-era
 * classes the explorer offers for comparison (DefaultPartitioner, UniformStickyPartitioner), which cannot switch
 * partition without it. A producer that wants to run them as 3.x did uses `usesAbortOnNewBatch(partitioner)`:
 * call partition(); append with abortOnNewBatch; if the append would start a new batch, call
 * onNewBatch(topic, cluster, prevPartition), then partition() again, then append for real.
 * Leaves out `configure(Map)` (options go to the constructors) and Kafka's ByteBuffer overloads.
 */

import type { ClusterView } from '../../cluster/ClusterView';
import type { Random } from '../../engine/Random';
import { ConfigException } from './ConfigException';
import { RoundRobinPartitioner } from './RoundRobinPartitioner';
import { RuleBasedPartitioner } from './RuleBasedPartitioner';
import { DefaultPartitioner, UniformStickyPartitioner } from './UniformStickyPartitioner';

export interface Partitioner {
  /**
   * The partition for a record (Kafka's argument order). `key`/`value` are the application's objects, the `*Bytes`
   * their serialized forms (null for null). Must not allocate per call: it runs once per record.
   */
  partition(
    topic: string,
    key: unknown,
    keyBytes: Uint8Array | null,
    value: unknown,
    valueBytes: Uint8Array | null,
    cluster: ClusterView,
  ): number;
  /** 3.x only (removed in 4.0): a new batch is about to be created for `prevPartition`. */
  onNewBatch?(topic: string, cluster: ClusterView, prevPartition: number): void;
  close(): void;
  /**
   * Why the most recent `partition()` call for this record returned `partition`, for learners. Called only on
   * request, right after `partition()`; may build strings.
   */
  explain?(
    topic: string,
    key: unknown,
    keyBytes: Uint8Array | null,
    cluster: ClusterView,
    partition: number,
  ): string;
}

/** java.lang.IllegalArgumentException, as the producer and partitioners throw it. */
export class IllegalArgumentException extends Error {
  readonly exceptionName = 'IllegalArgumentException';
  constructor(message: string) {
    super(message);
    this.name = 'IllegalArgumentException';
  }
}

/**
 * KafkaProducer.partition's only check of a custom partitioner's answer: negative → IllegalArgumentException.
 * A partition ≥ the partition count is NOT rejected by Kafka: the record is appended to a partition that has no
 * leader in metadata, never becomes sendable and expires after delivery.timeout.ms.
 */
export function checkCustomPartition(customPartition: number): number {
  if (customPartition < 0) {
    throw new IllegalArgumentException(
      `The partitioner generated an invalid partition number: ${customPartition}. ` +
        'Partition number should always be non-negative.',
    );
  }
  return customPartition;
}

/** True for the 3.x-era partitioners that need the producer's abortOnNewBatch / onNewBatch / partition-again flow. */
export function usesAbortOnNewBatch(partitioner: Partitioner): boolean {
  return partitioner.onNewBatch !== undefined;
}

export const ROUND_ROBIN_PARTITIONER = 'org.apache.kafka.clients.producer.RoundRobinPartitioner';
/** Deprecated in 3.3, removed in 4.0; offered for comparison. */
export const UNIFORM_STICKY_PARTITIONER =
  'org.apache.kafka.clients.producer.UniformStickyPartitioner';
/** Deprecated in 3.3, removed in 4.0; offered for comparison (the 2.4–3.2 default). */
export const DEFAULT_PARTITIONER = 'org.apache.kafka.clients.producer.internals.DefaultPartitioner';
/** Simulation-only: prefix rules configured without code (`partitioner.rules`). */
export const RULE_BASED_PARTITIONER = 'RuleBasedPartitioner';

export interface PartitionerOptions {
  /** For RuleBasedPartitioner, e.g. `US-:0,EU-:1,*:2`. */
  rules?: string;
  /** The stream the sticky partitioners draw from (fork it per partitioner). */
  random: Random;
}

/**
 * The partitioner for `partitioner.class`, or null for the built-in path (null or empty class name). Accepts the
 * full Kafka class names or the simple names; an unknown class fails like ConfigDef's CLASS parsing.
 */
export function createPartitioner(
  className: string | null,
  options: PartitionerOptions,
): Partitioner | null {
  if (className === null) return null;
  const trimmed = className.trim();
  if (trimmed === '') return null;
  switch (trimmed.slice(trimmed.lastIndexOf('.') + 1)) {
    case 'RoundRobinPartitioner':
      return new RoundRobinPartitioner();
    case 'UniformStickyPartitioner':
      return new UniformStickyPartitioner(options.random);
    case 'DefaultPartitioner':
      return new DefaultPartitioner(options.random);
    case 'RuleBasedPartitioner':
      return new RuleBasedPartitioner(options.rules ?? '');
    default:
      throw new ConfigException(
        'partitioner.class',
        className,
        `Class ${className} could not be found.`,
      );
  }
}
