/**
 * The classes the explorer can "load" for producer configs, by every accepted spelling: Kafka's partitioners and
 * serializers by full or simple name, and the explorer's own RuleBasedPartitioner and interceptors by simple name.
 * Stands in for Java class loading (Utils.loadClass); leaves out every other class.
 */

/** `partitioner.class` values the simulation implements (null = Kafka's built-in partitioning). */
export type PartitionerClassName =
  | 'RoundRobinPartitioner'
  | 'UniformStickyPartitioner'
  | 'DefaultPartitioner'
  | 'RuleBasedPartitioner';

/** `interceptor.classes` entries: the two built-in demo interceptors. */
export type InterceptorClassName = 'TracingInterceptor' | 'AckCountingInterceptor';

/** `key.serializer` / `value.serializer`, by full name (what Serializers.serialize compares against). */
export type SerializerClassName =
  | 'org.apache.kafka.common.serialization.StringSerializer'
  | 'org.apache.kafka.common.serialization.ByteArraySerializer';

/** Canonical (simple) name → the name Kafka prints (`Class.getName()`). */
export const PARTITIONER_FULL_NAMES: Readonly<Record<PartitionerClassName, string>> = {
  RoundRobinPartitioner: 'org.apache.kafka.clients.producer.RoundRobinPartitioner',
  // KIP-480 sticky for every record, keyed or not; deprecated in 3.3, removed in 4.0; kept for comparison.
  UniformStickyPartitioner: 'org.apache.kafka.clients.producer.UniformStickyPartitioner',
  // Pre-3.3 default: murmur2 for keys, KIP-480 sticky for null keys; removed in 4.0; kept for comparison.
  DefaultPartitioner: 'org.apache.kafka.clients.producer.internals.DefaultPartitioner',
  // The explorer's code-free custom partitioner (configured by partitioner.rules); not a Kafka class.
  RuleBasedPartitioner: 'RuleBasedPartitioner',
};

export const INTERCEPTOR_FULL_NAMES: Readonly<Record<InterceptorClassName, string>> = {
  TracingInterceptor: 'TracingInterceptor',
  AckCountingInterceptor: 'AckCountingInterceptor',
};

export const STRING_SERIALIZER: SerializerClassName =
  'org.apache.kafka.common.serialization.StringSerializer';
export const BYTE_ARRAY_SERIALIZER: SerializerClassName =
  'org.apache.kafka.common.serialization.ByteArraySerializer';

/** Accepts both the full and the simple name of each class; parsing stores the simple name. */
function aliases<T extends string>(fullNames: Readonly<Record<T, string>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const simple of Object.keys(fullNames) as T[]) {
    out[simple] = simple;
    out[fullNames[simple]] = simple;
  }
  return out;
}

export const PARTITIONER_ALIASES = aliases(PARTITIONER_FULL_NAMES);
export const INTERCEPTOR_ALIASES = aliases(INTERCEPTOR_FULL_NAMES);
/** Serializers are stored by full name, as Kafka's Class.getName() prints them. */
export const SERIALIZER_ALIASES: Readonly<Record<string, SerializerClassName>> = {
  StringSerializer: STRING_SERIALIZER,
  [STRING_SERIALIZER]: STRING_SERIALIZER,
  ByteArraySerializer: BYTE_ARRAY_SERIALIZER,
  [BYTE_ARRAY_SERIALIZER]: BYTE_ARRAY_SERIALIZER,
};
