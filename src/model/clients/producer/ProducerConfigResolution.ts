/**
 * Kafka 4.x's cross-setting rules for a parsed producer config: ProducerConfig.postProcessParsedConfig (acks "all"
 * → -1, the idempotence rules, client.id, the retry-backoff warning) and the checks KafkaProducer's constructor
 * makes (delivery.timeout.ms vs linger.ms + request.timeout.ms, batch.size 0 → 1, linger.ms capped to int).
 * Mirrors ProducerConfig.postProcessAndValidateIdempotenceConfigs and KafkaProducer.configureDeliveryTimeout.
 * Leaves out the 3.x behaviour (max.in.flight > 5 silently disabling idempotence) and two-phase commit.
 */
import type { CompressionType } from '../../common/compress/CompressionType';
import { type ConfigValue, convertToString, INT_MAX } from './ConfigDef';
import { ConfigException } from './ConfigException';
import type { ConfigWarning, ResolvedProducerConfig } from './ProducerConfig';
import {
  type InterceptorClassName,
  PARTITIONER_FULL_NAMES,
  type PartitionerClassName,
  type SerializerClassName,
} from './ProducerConfigClasses';

/** The 4.x limit, aligned with the broker's ProducerStateEntry.NUM_BATCHES_TO_RETAIN. */
const MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_FOR_IDEMPOTENCE = 5;

/** A message-only ConfigException that also records which key the UI should mark. */
export class KeyedConfigException extends ConfigException {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Applies Kafka's rules to parsed values (every key present and valid). Pushes Kafka's WARN/INFO lines to
 * `warnings`; throws KeyedConfigException, with Kafka's message, on the first rule broken.
 */
export function resolveProducerConfig(
  values: ReadonlyMap<string, ConfigValue>,
  explicit: ReadonlySet<string>,
  warnings: ConfigWarning[],
): ResolvedProducerConfig {
  const num = (name: string) => values.get(name) as number;
  const bool = (name: string) => values.get(name) as boolean;
  const str = (name: string) => values.get(name) as string | null;
  const warn = (k: string, message: string) =>
    warnings.push({ key: k, value: convertToString(values.get(k) ?? null), message });

  // CommonClientConfigs.warnDisablingExponentialBackoff
  const retryBackoffMs = num('retry.backoff.ms');
  const retryBackoffMaxMs = num('retry.backoff.max.ms');
  if (retryBackoffMs > retryBackoffMaxMs) {
    warn(
      'retry.backoff.ms',
      `Configuration 'retry.backoff.ms' with value '${retryBackoffMs}' is greater than configuration ` +
        `'retry.backoff.max.ms' with value '${retryBackoffMaxMs}'. A static backoff with value ` +
        `'${retryBackoffMaxMs}' will be applied.`,
    );
  }

  // ProducerConfig.postProcessAndValidateIdempotenceConfigs (4.x)
  const acks = parseAcks(str('acks') as string);
  const retries = num('retries');
  const maxInFlight = num('max.in.flight.requests.per.connection');
  const userConfiguredIdempotence = explicit.has('enable.idempotence');
  let idempotenceEnabled = bool('enable.idempotence');
  let shouldDisableIdempotence = false;
  if (idempotenceEnabled) {
    if (retries === 0) {
      if (userConfiguredIdempotence) {
        throw new KeyedConfigException(
          'retries',
          'Must set retries to non-zero when using the idempotent producer.',
        );
      }
      warn('retries', 'Idempotence will be disabled because retries is set to 0.');
      shouldDisableIdempotence = true;
    }
    if (acks !== -1) {
      if (userConfiguredIdempotence) {
        throw new KeyedConfigException(
          'acks',
          'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
        );
      }
      warn(
        'acks',
        `Idempotence will be disabled because acks is set to ${acks}, not set to 'all'.`,
      );
      shouldDisableIdempotence = true;
    }
    // 4.x: an error even when idempotence is only on by default, and even if retries/acks just disabled it.
    if (maxInFlight > MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_FOR_IDEMPOTENCE) {
      throw new KeyedConfigException(
        'max.in.flight.requests.per.connection',
        'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. ' +
          `Current value is ${maxInFlight}.`,
      );
    }
  }
  if (shouldDisableIdempotence) idempotenceEnabled = false;
  if (!idempotenceEnabled && explicit.has('transactional.id')) {
    throw new KeyedConfigException(
      'transactional.id',
      'Cannot set a transactional.id without also enabling idempotence.',
    );
  }

  // ProducerConfig.maybeOverrideClientId: one producer per run, so the sequence always gives 1.
  const transactionalId = str('transactional.id');
  const clientId = explicit.has('client.id')
    ? (str('client.id') as string)
    : `producer-${transactionalId ?? 1}`;

  // KafkaProducer.lingerMs / configureDeliveryTimeout
  const lingerMs = Math.min(num('linger.ms'), INT_MAX);
  const requestTimeoutMs = num('request.timeout.ms');
  const lingerAndRequestTimeoutMs = Math.min(lingerMs + requestTimeoutMs, INT_MAX);
  let deliveryTimeoutMs = num('delivery.timeout.ms');
  if (deliveryTimeoutMs < lingerAndRequestTimeoutMs) {
    if (explicit.has('delivery.timeout.ms')) {
      throw new KeyedConfigException(
        'delivery.timeout.ms',
        'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms',
      );
    }
    deliveryTimeoutMs = lingerAndRequestTimeoutMs;
    warn(
      'delivery.timeout.ms',
      `delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms. Setting it to ${deliveryTimeoutMs}.`,
    );
  }

  const partitionerClass = values.get('partitioner.class') as PartitionerClassName | null;
  const partitionerRules = str('partitioner.rules') ?? '';
  checkPartitioner(partitionerClass, partitionerRules, explicit, warn);

  return {
    acks,
    batchSize: Math.max(1, num('batch.size')),
    lingerMs,
    bufferMemory: num('buffer.memory'),
    maxBlockMs: num('max.block.ms'),
    compressionType: str('compression.type') as CompressionType,
    compressionGzipLevel: num('compression.gzip.level'),
    compressionLz4Level: num('compression.lz4.level'),
    compressionZstdLevel: num('compression.zstd.level'),
    retries,
    retryBackoffMs,
    retryBackoffMaxMs,
    deliveryTimeoutMs,
    requestTimeoutMs,
    maxInFlightRequestsPerConnection: maxInFlight,
    enableIdempotence: idempotenceEnabled,
    maxRequestSize: num('max.request.size'),
    partitionerClass,
    partitionerRules,
    partitionerIgnoreKeys: bool('partitioner.ignore.keys'),
    partitionerAdaptivePartitioningEnable: bool('partitioner.adaptive.partitioning.enable'),
    partitionerAvailabilityTimeoutMs: num('partitioner.availability.timeout.ms'),
    interceptorClasses: values.get('interceptor.classes') as readonly InterceptorClassName[],
    transactionalId,
    metadataMaxAgeMs: num('metadata.max.age.ms'),
    metadataMaxIdleMs: num('metadata.max.idle.ms'),
    transactionTimeoutMs: num('transaction.timeout.ms'),
    clientId,
    keySerializer: values.get('key.serializer') as SerializerClassName,
    valueSerializer: values.get('value.serializer') as SerializerClassName,
    explicit,
  };
}

/** ProducerConfig.parseAcks: "all" (any case) → -1; ValidString has already limited the values. */
function parseAcks(acks: string): -1 | 0 | 1 {
  return acks.toLowerCase() === 'all' ? -1 : (Number(acks) as -1 | 0 | 1);
}

function checkPartitioner(
  partitionerClass: PartitionerClassName | null,
  rules: string,
  explicit: ReadonlySet<string>,
  warn: (key: string, message: string) => void,
): void {
  if (
    partitionerClass === 'UniformStickyPartitioner' ||
    partitionerClass === 'DefaultPartitioner'
  ) {
    warn(
      'partitioner.class',
      `${PARTITIONER_FULL_NAMES[partitionerClass]} was removed in Kafka 4.0; the explorer keeps it for comparison.`,
    );
  }
  // RuleBasedPartitioner cannot be built without rules; Kafka would fail in the partitioner's configure().
  if (partitionerClass === 'RuleBasedPartitioner' && rules === '') {
    throw new KeyedConfigException(
      'partitioner.rules',
      new ConfigException(
        'partitioner.rules',
        '',
        'RuleBasedPartitioner needs rules, e.g. US-:0,EU-:1,*:2',
      ).message,
    );
  }
  if (
    partitionerClass !== 'RuleBasedPartitioner' &&
    explicit.has('partitioner.rules') &&
    rules !== ''
  ) {
    warn(
      'partitioner.rules',
      'partitioner.rules is ignored unless partitioner.class=RuleBasedPartitioner.',
    );
  }
}
