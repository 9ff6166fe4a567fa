/**
 * The producer's settings as the simulation uses them: parsing with ConfigDef's rules, then Kafka 4.x's resolution
 * (ProducerConfigResolution.ts), and the effective values by Kafka name. Mirrors
 * org.apache.kafka.clients.producer.ProducerConfig. Leaves out the settings not in ProducerConfigKeys, and reports
 * every bad key at once where Kafka throws at the first.
 */
import type { CompressionType } from '../../common/compress/CompressionType';
import { type ConfigValue, convertToString, parseConfig } from './ConfigDef';
import { type ConfigError, ConfigException } from './ConfigException';
import {
  INTERCEPTOR_FULL_NAMES,
  type InterceptorClassName,
  PARTITIONER_FULL_NAMES,
  type PartitionerClassName,
  type SerializerClassName,
} from './ProducerConfigClasses';
import { PRODUCER_CONFIG_KEYS } from './ProducerConfigKeys';
import { KeyedConfigException, resolveProducerConfig } from './ProducerConfigResolution';

/** Typed producer settings after Kafka's resolution: what the simulated producer actually uses. */
export interface ResolvedProducerConfig {
  readonly acks: -1 | 0 | 1;
  /** Effective: 0 is turned into 1 (one record per batch), as KafkaProducer does. */
  readonly batchSize: number;
  /** Effective: capped to Integer.MAX_VALUE. */
  readonly lingerMs: number;
  readonly bufferMemory: number;
  readonly maxBlockMs: number;
  readonly compressionType: CompressionType;
  readonly compressionGzipLevel: number;
  readonly compressionLz4Level: number;
  readonly compressionZstdLevel: number;
  readonly retries: number;
  readonly retryBackoffMs: number;
  readonly retryBackoffMaxMs: number;
  /** Effective: a default below linger.ms + request.timeout.ms is raised to that sum. */
  readonly deliveryTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxInFlightRequestsPerConnection: number;
  /** Effective: false when a conflicting setting silently disabled the default. */
  readonly enableIdempotence: boolean;
  readonly maxRequestSize: number;
  /** null = Kafka's built-in partitioning. */
  readonly partitionerClass: PartitionerClassName | null;
  /** RuleBasedPartitioner's rules text (`US-:0,EU-:1,*:2`), '' when none; syntax already checked. */
  readonly partitionerRules: string;
  readonly partitionerIgnoreKeys: boolean;
  readonly partitionerAdaptivePartitioningEnable: boolean;
  readonly partitionerAvailabilityTimeoutMs: number;
  readonly interceptorClasses: readonly InterceptorClassName[];
  readonly transactionalId: string | null;
  readonly metadataMaxAgeMs: number;
  readonly metadataMaxIdleMs: number;
  readonly transactionTimeoutMs: number;
  /** Resolved: `producer-1` (one producer per run) or `producer-<transactional.id>` unless set. */
  readonly clientId: string;
  readonly keySerializer: SerializerClassName;
  readonly valueSerializer: SerializerClassName;
  /** Kafka names of the known settings that were given explicitly (Kafka's `originals().containsKey`). */
  readonly explicit: ReadonlySet<string>;
}

/** A warning Kafka would log (WARN or INFO), with the key it is about. */
export type ConfigWarning = ConfigError;

export type ParseProducerConfigResult =
  | {
      ok: true;
      config: ResolvedProducerConfig;
      warnings: string[];
      /** The same warnings with the key each is about (for UIs that mark keys). */
      warningDetails: ConfigWarning[];
    }
  | { ok: false; errors: ConfigError[] };

/**
 * Parses producer properties (Kafka names → raw strings) with Kafka's messages. Per-key parse/validation errors are
 * all reported; the cross-setting rules run only when every key is valid and stop at the first error, as in Kafka.
 */
export function parseProducerConfig(
  props: Readonly<Record<string, string>>,
): ParseProducerConfigResult {
  const parsed = parseConfig(PRODUCER_CONFIG_KEYS, props);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const warnings: ConfigWarning[] = parsed.unknown.map((k) => ({
    key: k,
    value: String(props[k]),
    message: `The configuration '${k}' was supplied but isn't a known config.`,
  }));
  const explicit = new Set(
    PRODUCER_CONFIG_KEYS.map((k) => k.name).filter((n) => Object.hasOwn(props, n)),
  );
  const raw = (name: string): string | null =>
    Object.hasOwn(props, name) ? String(props[name]) : null;
  try {
    const config = resolveProducerConfig(parsed.values, explicit, warnings);
    return { ok: true, config, warnings: warnings.map((w) => w.message), warningDetails: warnings };
  } catch (e) {
    if (!(e instanceof KeyedConfigException)) throw e;
    return { ok: false, errors: [{ key: e.key, value: raw(e.key), message: e.message }] };
  }
}

/** Every config by Kafka name after resolution, printed as Kafka's ConfigDef.convertToString would. */
export function effectiveValues(config: ResolvedProducerConfig): Record<string, string> {
  const c = config;
  const byName: Record<string, unknown> = {
    'batch.size': c.batchSize,
    'linger.ms': c.lingerMs,
    'buffer.memory': c.bufferMemory,
    'max.block.ms': c.maxBlockMs,
    'max.request.size': c.maxRequestSize,
    'compression.type': c.compressionType,
    'compression.gzip.level': c.compressionGzipLevel,
    'compression.lz4.level': c.compressionLz4Level,
    'compression.zstd.level': c.compressionZstdLevel,
    'partitioner.class': c.partitionerClass && PARTITIONER_FULL_NAMES[c.partitionerClass],
    'partitioner.rules': c.partitionerRules,
    'partitioner.ignore.keys': c.partitionerIgnoreKeys,
    'partitioner.adaptive.partitioning.enable': c.partitionerAdaptivePartitioningEnable,
    'partitioner.availability.timeout.ms': c.partitionerAvailabilityTimeoutMs,
    acks: c.acks,
    retries: c.retries,
    'retry.backoff.ms': c.retryBackoffMs,
    'retry.backoff.max.ms': c.retryBackoffMaxMs,
    'delivery.timeout.ms': c.deliveryTimeoutMs,
    'request.timeout.ms': c.requestTimeoutMs,
    'enable.idempotence': c.enableIdempotence,
    'max.in.flight.requests.per.connection': c.maxInFlightRequestsPerConnection,
    'transactional.id': c.transactionalId,
    'transaction.timeout.ms': c.transactionTimeoutMs,
    'client.id': c.clientId,
    'key.serializer': c.keySerializer,
    'value.serializer': c.valueSerializer,
    'interceptor.classes': c.interceptorClasses.map((n) => INTERCEPTOR_FULL_NAMES[n]),
    'metadata.max.age.ms': c.metadataMaxAgeMs,
    'metadata.max.idle.ms': c.metadataMaxIdleMs,
  };
  const out: Record<string, string> = {};
  for (const k of PRODUCER_CONFIG_KEYS)
    out[k.name] = convertToString(byName[k.name] as ConfigValue);
  return out;
}

/**
 * Kafka-shaped entry point (`new ProducerConfig(props)` throws; this returns the exception instead).
 * The first error is the one Kafka would throw when only one key is bad.
 */
export const ProducerConfig = {
  parse(
    props: Readonly<Record<string, string>>,
  ): { config: ResolvedProducerConfig; warnings: string[] } | { error: ConfigException } {
    const result = parseProducerConfig(props);
    if (result.ok) return { config: result.config, warnings: result.warnings };
    return { error: new ConfigException(result.errors[0].message) };
  },
  /** ProducerConfig.configNames(), in display order. */
  configNames(): string[] {
    return PRODUCER_CONFIG_KEYS.map((k) => k.name);
  },
};
