/**
 * The producer's configuration table: every setting the simulation honours, with Kafka 4.x's type, default,
 * validator and importance (ProducerConfig's static ConfigDef), the explorer's group and a one-line doc. The UI
 * renders its config panel from PRODUCER_CONFIG_KEYS. Leaves out network, security, metrics and 2PC settings
 * (bootstrap.servers, ssl.*, sasl.*, send.buffer.bytes, …); `partitioner.rules` is the explorer's own.
 */
import {
  type ConfigKey,
  type ConfigValue,
  INT_MAX,
  LambdaValidator,
  NonEmptyString,
  Range,
  ValidList,
  ValidString,
} from './ConfigDef';
import { ConfigException } from './ConfigException';
import {
  INTERCEPTOR_ALIASES,
  PARTITIONER_ALIASES,
  SERIALIZER_ALIASES,
  STRING_SERIALIZER,
} from './ProducerConfigClasses';
import { parseRules } from './RuleBasedPartitioner';

/** The seed's groups, in display order. */
export const PRODUCER_CONFIG_GROUPS = [
  'batching & buffering',
  'compression',
  'partitioning',
  'acks',
  'retries',
  'idempotence',
  'other',
] as const;
export type ProducerConfigGroup = (typeof PRODUCER_CONFIG_GROUPS)[number];

export type ProducerConfigKey = ConfigKey<ProducerConfigGroup>;

// CompressionType.GZIP.levelValidator(): Deflater levels 1..9, or -1 for zlib's default (6).
const GZIP_LEVEL = LambdaValidator.with((name: string, value: ConfigValue) => {
  if (value === null) throw new ConfigException(name, null, 'Value must be non-null');
  const level = value as number;
  if (level > 9 || (level < 1 && level !== -1)) {
    throw new ConfigException(name, level, 'Value must be between 1 and 9 or equal to -1');
  }
}, '[1,...,9] or -1');

// RuleBasedPartitioner's own parser, so a config accepted here is one the partitioner can be built from.
const PARTITIONER_RULES = LambdaValidator.with((_name: string, value: ConfigValue) => {
  if (value !== '' && value !== null) parseRules(value as string);
}, '<prefix>:<partition>,...,*:<partition> (a * rule is required)');

function key(
  name: string,
  type: ProducerConfigKey['type'],
  defaultValue: ConfigValue,
  validator: ProducerConfigKey['validator'],
  importance: ProducerConfigKey['importance'],
  group: ProducerConfigGroup,
  documentation: string,
  classAliases?: Readonly<Record<string, string>>,
): ProducerConfigKey {
  return { name, type, defaultValue, validator, importance, group, documentation, classAliases };
}

const B = 'batching & buffering';
const C = 'compression';
const P = 'partitioning';
const R = 'retries';
const I = 'idempotence';
const O = 'other';

/** Every producer config the simulation honours, grouped, in display order. */
// biome-ignore format: one config per entry reads as a table
export const PRODUCER_CONFIG_KEYS: readonly ProducerConfigKey[] = [
  key('batch.size', 'int', 16384, Range.atLeast(0), 'medium', B,
    'Per-partition batch buffer size in bytes (header included) and the "full" threshold; 0 = one record per batch.'),
  key('linger.ms', 'long', 5, Range.atLeast(0), 'medium', B,
    'How long a batch may wait after its first record for more records before it is sendable (0 in Kafka 3.x).'),
  key('buffer.memory', 'long', 33554432, Range.atLeast(0), 'high', B,
    'Total bytes of batch buffers; send() blocks up to max.block.ms when they are all taken.'),
  key('max.block.ms', 'long', 60000, Range.atLeast(0), 'medium', B,
    'How long send() may block waiting for metadata and buffer memory before failing.'),
  key('max.request.size', 'int', 1048576, Range.atLeast(0), 'medium', B,
    'Largest request in bytes: caps how many batches go into one request, and rejects bigger records.'),

  key('compression.type', 'string', 'none', ValidString.in('none', 'gzip', 'snappy', 'lz4', 'zstd'), 'high', C,
    "Codec for each batch's records section: none, gzip, snappy, lz4 or zstd."),
  key('compression.gzip.level', 'int', -1, GZIP_LEVEL, 'medium', C,
    'gzip level when compression.type=gzip (-1 = zlib default, 6).'),
  key('compression.lz4.level', 'int', 9, Range.between(1, 17), 'medium', C,
    'lz4 level when compression.type=lz4.'),
  key('compression.zstd.level', 'int', 3, Range.between(-131072, 22), 'medium', C,
    'zstd level when compression.type=zstd.'),

  key('partitioner.class', 'class', null, null, 'medium', P,
    'Unset = built-in (key hash, else KIP-794 sticky); or RoundRobinPartitioner, UniformStickyPartitioner, ' +
    'DefaultPartitioner (both removed in 4.0) or the explorer\'s RuleBasedPartitioner.',
    PARTITIONER_ALIASES),
  key('partitioner.rules', 'string', '', PARTITIONER_RULES, 'low', P,
    'Explorer only: rules for RuleBasedPartitioner, e.g. US-:0,EU-:1,*:2 (key prefix → partition, * = the rest).'),
  key('partitioner.ignore.keys', 'boolean', false, null, 'medium', P,
    'When true, keyed records also go through the sticky partitioner instead of the key hash.'),
  key('partitioner.adaptive.partitioning.enable', 'boolean', true, null, 'low', P,
    'When true, the sticky partitioner favours partitions with shorter queues (faster brokers).'),
  key('partitioner.availability.timeout.ms', 'long', 0, Range.atLeast(0), 'low', P,
    'Leaders that cannot take produce requests for this long are skipped by the sticky partitioner; 0 = off.'),

  key('acks', 'string', 'all', ValidString.in('all', '-1', '0', '1'), 'low', 'acks',
    "Acknowledgements required: 0 = none, 1 = the leader's log, all (= -1) = every in-sync replica."),

  key('retries', 'int', INT_MAX, Range.between(0, INT_MAX), 'high', R,
    'How many times a batch is re-sent after a retriable error; delivery.timeout.ms usually ends retrying first.'),
  key('retry.backoff.ms', 'long', 100, Range.atLeast(0), 'low', R,
    'First wait before re-sending a failed batch; doubles per attempt (±20% jitter) up to retry.backoff.max.ms.'),
  key('retry.backoff.max.ms', 'long', 1000, Range.atLeast(0), 'low', R,
    'Cap of the exponential retry backoff.'),
  key('delivery.timeout.ms', 'int', 120000, Range.atLeast(0), 'medium', R,
    'Upper bound from send() to the callback; must be ≥ linger.ms + request.timeout.ms.'),
  key('request.timeout.ms', 'int', 30000, Range.atLeast(0), 'medium', R,
    'How long to wait for a produce response before closing the connection and failing its requests.'),

  key('enable.idempotence', 'boolean', true, null, 'low', I,
    'Producer id + sequence numbers, so retries neither duplicate nor reorder; needs acks=all, retries > 0, ' +
    'max.in.flight ≤ 5.'),
  key('max.in.flight.requests.per.connection', 'int', 5, Range.atLeast(1), 'low', I,
    'Unacknowledged requests allowed per broker connection (at most 5 with idempotence).'),
  key('transactional.id', 'string', null, new NonEmptyString(), 'low', I,
    'Id for transactional delivery; implies idempotence.'),
  key('transaction.timeout.ms', 'int', 60000, null, 'low', I,
    'How long a transaction may stay open before the coordinator aborts it.'),

  key('client.id', 'string', '', null, 'medium', O,
    'Name sent with every request; empty = producer-1 (or producer-<transactional.id>).'),
  key('key.serializer', 'class', STRING_SERIALIZER, null, 'high', O,
    'Key serializer: StringSerializer (UTF-8) or ByteArraySerializer.', SERIALIZER_ALIASES),
  key('value.serializer', 'class', STRING_SERIALIZER, null, 'high', O,
    'Value serializer: StringSerializer (UTF-8) or ByteArraySerializer.', SERIALIZER_ALIASES),
  key('interceptor.classes', 'list', [], ValidList.anyNonDuplicateValues(true, false), 'low', O,
    'Interceptors, run in order: TracingInterceptor (adds a trace header), AckCountingInterceptor (counts acks).',
    INTERCEPTOR_ALIASES),
  key('metadata.max.age.ms', 'long', 300000, Range.atLeast(0), 'low', O,
    'Metadata is refreshed at least this often, even without leadership changes.'),
  key('metadata.max.idle.ms', 'long', 300000, Range.atLeast(5000), 'low', O,
    'Metadata of a topic not produced to for this long is forgotten.'),
];

const BY_NAME: ReadonlyMap<string, ProducerConfigKey> = new Map(
  PRODUCER_CONFIG_KEYS.map((k) => [k.name, k]),
);

/** The key definition for a Kafka config name, or undefined. */
export function producerConfigKey(name: string): ProducerConfigKey | undefined {
  return BY_NAME.get(name);
}
