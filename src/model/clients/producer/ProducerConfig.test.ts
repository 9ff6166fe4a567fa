// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultString } from './ConfigDef';
import { effectiveValues, parseProducerConfig } from './ProducerConfig';
import {
  PRODUCER_CONFIG_GROUPS,
  PRODUCER_CONFIG_KEYS,
  producerConfigKey,
} from './ProducerConfigKeys';
import { errorsOf, ok, warningsOf } from './ProducerConfigTestUtils';

describe('the config table', () => {
  it('has every producer config of reference table 1a, with 4.x defaults', () => {
    const defaults = Object.fromEntries(
      PRODUCER_CONFIG_KEYS.map((k) => [k.name, defaultString(k)]),
    );
    expect(defaults).toMatchObject({
      acks: 'all',
      'batch.size': '16384',
      'linger.ms': '5',
      'buffer.memory': '33554432',
      'max.block.ms': '60000',
      'compression.type': 'none',
      'compression.gzip.level': '-1',
      'compression.lz4.level': '9',
      'compression.zstd.level': '3',
      retries: '2147483647',
      'retry.backoff.ms': '100',
      'retry.backoff.max.ms': '1000',
      'delivery.timeout.ms': '120000',
      'request.timeout.ms': '30000',
      'max.in.flight.requests.per.connection': '5',
      'enable.idempotence': 'true',
      'max.request.size': '1048576',
      'partitioner.class': 'null',
      'partitioner.ignore.keys': 'false',
      'partitioner.adaptive.partitioning.enable': 'true',
      'partitioner.availability.timeout.ms': '0',
      'interceptor.classes': '""',
      'transactional.id': 'null',
      'metadata.max.age.ms': '300000',
      'metadata.max.idle.ms': '300000',
      'transaction.timeout.ms': '60000',
      'client.id': '""',
      'key.serializer': 'org.apache.kafka.common.serialization.StringSerializer',
      'value.serializer': 'org.apache.kafka.common.serialization.StringSerializer',
      'partitioner.rules': '""',
    });
    expect(PRODUCER_CONFIG_KEYS).toHaveLength(Object.keys(defaults).length);
  });

  it('puts every key in one of the seed groups, with a doc line', () => {
    for (const k of PRODUCER_CONFIG_KEYS) {
      expect(PRODUCER_CONFIG_GROUPS).toContain(k.group);
      expect(k.documentation.length).toBeGreaterThan(10);
    }
    expect(producerConfigKey('linger.ms')?.group).toBe('batching & buffering');
    expect(producerConfigKey('acks')?.group).toBe('acks');
    expect(String(producerConfigKey('compression.zstd.level')?.validator)).toBe('[-131072,...,22]');
  });
});

describe('defaults', () => {
  it('resolves an empty config to Kafka 4.x behaviour', () => {
    const c = ok({});
    expect(c).toMatchObject({
      acks: -1,
      batchSize: 16384,
      lingerMs: 5,
      enableIdempotence: true,
      maxInFlightRequestsPerConnection: 5,
      deliveryTimeoutMs: 120000,
      partitionerClass: null,
      partitionerRules: '',
      interceptorClasses: [],
      transactionalId: null,
      clientId: 'producer-1',
      compressionType: 'none',
    });
    expect(c.explicit.size).toBe(0);
  });

  it('prints effective values by Kafka name for every key', () => {
    const v = effectiveValues(ok({ acks: 'all', 'batch.size': '0', 'linger.ms': '9999999999' }));
    expect(Object.keys(v)).toEqual(PRODUCER_CONFIG_KEYS.map((k) => k.name));
    expect(v.acks).toBe('-1');
    expect(v['batch.size']).toBe('1');
    expect(v['linger.ms']).toBe('2147483647');
    expect(v['client.id']).toBe('producer-1');
    expect(v['partitioner.class']).toBe('null');
  });
});

describe('single-key validation (Kafka wording)', () => {
  const cases: [Record<string, string>, string, string][] = [
    [
      { 'linger.ms': '-1' },
      'linger.ms',
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    ],
    [
      { acks: '2' },
      'acks',
      'Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1',
    ],
    [
      { acks: 'ALL' },
      'acks',
      'Invalid value ALL for configuration acks: String must be one of: all, -1, 0, 1',
    ],
    [
      { 'batch.size': '-5' },
      'batch.size',
      'Invalid value -5 for configuration batch.size: Value must be at least 0',
    ],
    [
      { 'compression.type': 'abc' },
      'compression.type',
      'Invalid value abc for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd',
    ],
    [
      { 'compression.gzip.level': '0' },
      'compression.gzip.level',
      'Invalid value 0 for configuration compression.gzip.level: Value must be between 1 and 9 or equal to -1',
    ],
    [
      { 'compression.gzip.level': '10' },
      'compression.gzip.level',
      'Invalid value 10 for configuration compression.gzip.level: Value must be between 1 and 9 or equal to -1',
    ],
    [
      { 'compression.lz4.level': '18' },
      'compression.lz4.level',
      'Invalid value 18 for configuration compression.lz4.level: Value must be no more than 17',
    ],
    [
      { 'compression.lz4.level': '0' },
      'compression.lz4.level',
      'Invalid value 0 for configuration compression.lz4.level: Value must be at least 1',
    ],
    [
      { 'compression.zstd.level': '23' },
      'compression.zstd.level',
      'Invalid value 23 for configuration compression.zstd.level: Value must be no more than 22',
    ],
    [
      { 'compression.zstd.level': '-131073' },
      'compression.zstd.level',
      'Invalid value -131073 for configuration compression.zstd.level: Value must be at least -131072',
    ],
    [
      { retries: '-1' },
      'retries',
      'Invalid value -1 for configuration retries: Value must be at least 0',
    ],
    [
      { retries: '2147483648' },
      'retries',
      'Invalid value 2147483648 for configuration retries: Not a number of type INT',
    ],
    [
      { 'max.in.flight.requests.per.connection': '0' },
      'max.in.flight.requests.per.connection',
      'Invalid value 0 for configuration max.in.flight.requests.per.connection: Value must be at least 1',
    ],
    [
      { 'metadata.max.idle.ms': '4999' },
      'metadata.max.idle.ms',
      'Invalid value 4999 for configuration metadata.max.idle.ms: Value must be at least 5000',
    ],
    [
      { 'enable.idempotence': 'yes' },
      'enable.idempotence',
      'Invalid value yes for configuration enable.idempotence: Expected value to be either true or false',
    ],
    [
      { 'linger.ms': '1.5' },
      'linger.ms',
      'Invalid value 1.5 for configuration linger.ms: Not a number of type LONG',
    ],
    [
      { 'transactional.id': '' },
      'transactional.id',
      'Invalid value  for configuration transactional.id: String must be non-empty',
    ],
    [
      { 'partitioner.class': 'com.example.MyPartitioner' },
      'partitioner.class',
      'Invalid value com.example.MyPartitioner for configuration partitioner.class: Class com.example.MyPartitioner could not be found.',
    ],
    [
      { 'key.serializer': 'org.apache.kafka.common.serialization.IntegerSerializer' },
      'key.serializer',
      'Invalid value org.apache.kafka.common.serialization.IntegerSerializer for configuration key.serializer: Class org.apache.kafka.common.serialization.IntegerSerializer could not be found.',
    ],
    [
      { 'interceptor.classes': 'TracingInterceptor,TracingInterceptor' },
      'interceptor.classes',
      "Configuration 'interceptor.classes' values must not be duplicated.",
    ],
    [
      { 'interceptor.classes': 'TracingInterceptor,,AckCountingInterceptor' },
      'interceptor.classes',
      "Configuration 'interceptor.classes' values must not be empty.",
    ],
    [
      { 'interceptor.classes': 'LoggingInterceptor' },
      'interceptor.classes',
      'Invalid value LoggingInterceptor for configuration interceptor.classes: Class LoggingInterceptor could not be found.',
    ],
  ];

  it.each(cases)('%j → %s', (props, key, message) => {
    expect(errorsOf(props)).toEqual([{ key, value: Object.values(props)[0], message }]);
  });

  it('reports every bad key at once', () => {
    expect(errorsOf({ 'linger.ms': '-1', acks: '2' }).map((e) => e.key)).toEqual([
      'linger.ms',
      'acks',
    ]);
  });

  it('accepts the edges of each range', () => {
    expect(ok({ 'compression.gzip.level': '-1' }).compressionGzipLevel).toBe(-1);
    expect(ok({ 'compression.gzip.level': '9' }).compressionGzipLevel).toBe(9);
    expect(ok({ 'compression.zstd.level': '-131072' }).compressionZstdLevel).toBe(-131072);
    expect(ok({ 'linger.ms': '0' }).lingerMs).toBe(0);
    expect(ok({ 'metadata.max.idle.ms': '5000' }).metadataMaxIdleMs).toBe(5000);
  });

  it('trims values and accepts -1 and all for acks', () => {
    expect(ok({ acks: ' all ' }).acks).toBe(-1);
    expect(ok({ acks: '-1' }).acks).toBe(-1);
    expect(ok({ acks: '1' }).acks).toBe(1);
    expect(ok({ acks: '0', 'enable.idempotence': 'false' }).acks).toBe(0);
    expect(ok({ 'linger.ms': ' 20 ' }).lingerMs).toBe(20);
  });

  it('only warns about unknown keys', () => {
    expect(warningsOf({ 'bootstrap.servers': 'localhost:9092' })).toEqual([
      "The configuration 'bootstrap.servers' was supplied but isn't a known config.",
    ]);
  });
});

describe('classes', () => {
  it('normalises partitioner class names (full or simple) to simple names', () => {
    expect(
      ok({ 'partitioner.class': 'org.apache.kafka.clients.producer.RoundRobinPartitioner' })
        .partitionerClass,
    ).toBe('RoundRobinPartitioner');
    expect(ok({ 'partitioner.class': 'RoundRobinPartitioner' }).partitionerClass).toBe(
      'RoundRobinPartitioner',
    );
    expect(ok({ 'partitioner.class': '' }).partitionerClass).toBeNull();
    const legacy = parseProducerConfig({
      'partitioner.class': 'org.apache.kafka.clients.producer.internals.DefaultPartitioner',
    });
    expect(legacy.ok && legacy.config.partitionerClass).toBe('DefaultPartitioner');
    expect(legacy.ok && legacy.warnings[0]).toContain('removed in Kafka 4.0');
    expect(ok({ 'partitioner.class': 'UniformStickyPartitioner' }).partitionerClass).toBe(
      'UniformStickyPartitioner',
    );
  });

  it('checks partitioner.rules with RuleBasedPartitioner and requires them for it', () => {
    const c = ok({
      'partitioner.class': 'RuleBasedPartitioner',
      'partitioner.rules': ' US-:0,EU-:1,*:2 ',
    });
    expect(c.partitionerClass).toBe('RuleBasedPartitioner');
    expect(c.partitionerRules).toBe('US-:0,EU-:1,*:2');
    expect(errorsOf({ 'partitioner.class': 'RuleBasedPartitioner' })[0]).toMatchObject({
      key: 'partitioner.rules',
      message:
        'Invalid value  for configuration partitioner.rules: RuleBasedPartitioner needs rules, e.g. US-:0,EU-:1,*:2',
    });
    expect(errorsOf({ 'partitioner.rules': 'US-0' })[0].key).toBe('partitioner.rules');
    expect(errorsOf({ 'partitioner.rules': 'US-:0' })[0].message).toContain('no default rule');
    expect(warningsOf({ 'partitioner.rules': 'US-:0,*:1' })).toEqual([
      'partitioner.rules is ignored unless partitioner.class=RuleBasedPartitioner.',
    ]);
  });

  it('accepts both serializers and both interceptors', () => {
    const c = ok({
      'key.serializer': 'ByteArraySerializer',
      'value.serializer': 'org.apache.kafka.common.serialization.StringSerializer',
      'interceptor.classes': 'AckCountingInterceptor , TracingInterceptor',
    });
    expect(c.keySerializer).toBe('org.apache.kafka.common.serialization.ByteArraySerializer');
    expect(c.valueSerializer).toBe('org.apache.kafka.common.serialization.StringSerializer');
    expect(c.interceptorClasses).toEqual(['AckCountingInterceptor', 'TracingInterceptor']);
  });
});
