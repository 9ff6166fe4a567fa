/**
 * The non-producer keys of a scenario query: name, section and field, kind, default, bounds and a one-line doc, in
 * encoding order. Producer configs come from ProducerConfigKeys; cost defaults and docs from the model's CostModel.
 * A UI can render controls from this table. Simulation-only.
 */
import { COST_MODEL_KEYS } from '../model/cluster/CostModel';
import { DEFAULT_CLUSTER, DEFAULT_WORKLOAD } from './Scenario';

export type ScenarioSection = 'top' | 'cluster' | 'workload' | 'cost';

interface BaseKey {
  /** The query key, Kafka's or kafka-producer-perf-test's dotted name where one exists. */
  readonly key: string;
  readonly section: ScenarioSection;
  /** Field name in the section (or on Scenario for 'top'). */
  readonly field: string;
  readonly doc: string;
}

export interface NumberKey extends BaseKey {
  readonly kind: 'int' | 'number';
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  /** The bound min is excluded (the value must be greater than min). */
  readonly minExclusive?: boolean;
  /** -1 is also accepted, with this meaning. */
  readonly minusOne?: string;
}

export interface BooleanKey extends BaseKey {
  readonly kind: 'boolean';
  readonly defaultValue: boolean;
}

export interface EnumKey extends BaseKey {
  readonly kind: 'enum';
  readonly defaultValue: string;
  readonly values: readonly string[];
}

export interface StringKey extends BaseKey {
  readonly kind: 'string' | 'topic';
  readonly defaultValue: string;
  readonly minLength: number;
  readonly maxLength: number;
}

/** Comma-separated values; the empty string means "not set" (null). */
export interface ListKey extends BaseKey {
  readonly kind: 'list';
  readonly defaultValue: null;
  readonly maxItems: number;
}

/** An integer or nothing (`partition`). */
export interface OptionalIntKey extends BaseKey {
  readonly kind: 'optional-int';
  readonly defaultValue: null;
  readonly min: number;
  readonly max: number;
}

export type ScenarioKey = NumberKey | BooleanKey | EnumKey | StringKey | ListKey | OptionalIntKey;

const C = DEFAULT_CLUSTER;
const W = DEFAULT_WORKLOAD;
const INT_MAX = 2147483647;

function cost(key: string, min: number, max: number, minExclusive = false): NumberKey {
  const def = COST_MODEL_KEYS[key];
  return {
    key,
    section: 'cost',
    field: def.field,
    kind: key === 'replica.fetch.wait.max.ms' ? 'int' : 'number',
    defaultValue: def.defaultValue,
    min,
    max,
    minExclusive,
    doc: def.doc,
  };
}

/** Every non-producer key except `v`, in encoding order (producer configs go between topic and cluster). */
// biome-ignore format: one key per entry reads as a table
export const SCENARIO_KEYS: readonly ScenarioKey[] = [
  { key: 'seed', section: 'top', field: 'seed', kind: 'int', defaultValue: 1, min: -2147483648, max: INT_MAX,
    doc: 'Seed of the random streams: the same scenario and seed give the same run.' },
  { key: 'topic', section: 'top', field: 'topic', kind: 'topic', defaultValue: 'topic', minLength: 1, maxLength: 249,
    doc: "The topic's name: 1-249 of a-z A-Z 0-9 . _ - (not . or ..)." },

  { key: 'brokers', section: 'cluster', field: 'brokers', kind: 'int', defaultValue: C.brokers, min: 1, max: 12,
    doc: 'Number of brokers (nodes 0..N-1).' },
  { key: 'partitions', section: 'cluster', field: 'partitions', kind: 'int', defaultValue: C.partitions, min: 1,
    max: 128, doc: "Partitions of the topic." },
  { key: 'replication.factor', section: 'cluster', field: 'replicationFactor', kind: 'int',
    defaultValue: C.replicationFactor, min: 1, max: 12,
    doc: 'Replicas per partition, at most brokers; default min(3, brokers).' },
  { key: 'min.insync.replicas', section: 'cluster', field: 'minInsyncReplicas', kind: 'int',
    defaultValue: C.minInsyncReplicas, min: 1, max: 12,
    doc: 'With acks=all, fewer in-sync replicas than min(this, replication.factor) → NOT_ENOUGH_REPLICAS.' },
  { key: 'replica.lag.time.max.ms', section: 'cluster', field: 'replicaLagTimeMaxMs', kind: 'int',
    defaultValue: C.replicaLagTimeMaxMs, min: 1, max: 600000,
    doc: 'A follower that has not caught up for this long leaves the ISR.' },
  { key: 'message.max.bytes', section: 'cluster', field: 'messageMaxBytes', kind: 'int',
    defaultValue: C.messageMaxBytes, min: 0, max: INT_MAX,
    doc: 'Largest record batch a broker accepts (after compression); bigger → MESSAGE_TOO_LARGE.' },
  { key: 'unclean.leader.election.enable', section: 'cluster', field: 'uncleanLeaderElectionEnable',
    kind: 'boolean', defaultValue: C.uncleanLeaderElectionEnable,
    doc: 'Let an out-of-sync replica become leader (availability over durability).' },

  { key: 'throughput', section: 'workload', field: 'throughput', kind: 'number', defaultValue: W.throughput,
    min: 0, minExclusive: true, max: 2000000, minusOne: 'as fast as the producer can',
    doc: 'Records per second the application sends (perf-test --throughput); -1 = unthrottled.' },
  { key: 'record.size', section: 'workload', field: 'recordSize', kind: 'int', defaultValue: W.recordSize, min: 0,
    max: 1048576, doc: 'Value size in bytes (perf-test --record-size).' },
  { key: 'num.records', section: 'workload', field: 'numRecords', kind: 'int', defaultValue: W.numRecords, min: 0,
    max: 10000000, minusOne: 'unbounded', doc: 'Records to send (perf-test --num-records); -1 = until duration.ms.' },
  { key: 'duration.ms', section: 'workload', field: 'durationMs', kind: 'int', defaultValue: W.durationMs, min: 1,
    max: 600000, doc: 'Simulated length of the run, in ms.' },
  { key: 'keys', section: 'workload', field: 'keys', kind: 'int', defaultValue: W.keys, min: 0, max: 1000000,
    doc: 'Distinct keys <key.prefix>0..N-1; 0 = null keys (sticky partitioning).' },
  { key: 'key.distribution', section: 'workload', field: 'keyDistribution', kind: 'enum',
    defaultValue: W.keyDistribution, values: ['uniform', 'zipf', 'hot'],
    doc: 'How keys are drawn: uniform, zipf (P(k) ∝ 1/k^s) or hot (one hot key).' },
  { key: 'key.zipf.s', section: 'workload', field: 'keyZipfS', kind: 'number', defaultValue: W.keyZipfS, min: 0,
    max: 10, doc: 'Zipf exponent s for key.distribution=zipf (0 = uniform).' },
  { key: 'key.hot.fraction', section: 'workload', field: 'keyHotFraction', kind: 'number',
    defaultValue: W.keyHotFraction, min: 0, max: 1,
    doc: 'For key.distribution=hot: share of sends with the hottest key (<key.prefix>0); the rest uniform over the others.' },
  { key: 'key.list', section: 'workload', field: 'keyList', kind: 'list', defaultValue: null, maxItems: 1000000,
    doc: 'Explicit keys, comma-separated, taken verbatim; overrides keys and key.prefix.' },
  { key: 'key.prefix', section: 'workload', field: 'keyPrefix', kind: 'string', defaultValue: W.keyPrefix,
    minLength: 0, maxLength: 256, doc: 'Prefix of generated keys.' },
  { key: 'value.content', section: 'workload', field: 'valueContent', kind: 'enum', defaultValue: W.valueContent,
    values: ['json', 'text', 'random'], doc: 'What values look like (drives compression ratios): json, text or random bytes.' },
  { key: 'headers', section: 'workload', field: 'headers', kind: 'int', defaultValue: W.headers, min: 0, max: 16,
    doc: 'Extra headers per record.' },
  { key: 'send.mode', section: 'workload', field: 'sendMode', kind: 'enum', defaultValue: W.sendMode,
    values: ['async', 'fire-and-forget', 'sync'],
    doc: 'async: send() with a callback; fire-and-forget: no callback; sync: send().get() per record.' },
  { key: 'flush.every', section: 'workload', field: 'flushEvery', kind: 'int', defaultValue: W.flushEvery, min: 0,
    max: 10000000, doc: 'Call flush() after every N sends; 0 = never.' },
  { key: 'parse.key', section: 'workload', field: 'parseKey', kind: 'boolean', defaultValue: W.parseKey,
    doc: 'Console-producer input: split each line into key and value at key.separator.' },
  { key: 'key.separator', section: 'workload', field: 'keySeparator', kind: 'string', defaultValue: W.keySeparator,
    minLength: 1, maxLength: 16, doc: "The console producer's key/value separator (default a tab)." },
  { key: 'partition', section: 'workload', field: 'partition', kind: 'optional-int', defaultValue: null, min: 0,
    max: INT_MAX, doc: 'Explicit partition for every record (ProducerRecord.partition); unset = the partitioner decides.' },

  cost('net.latency.ms', 0, 10000),
  cost('net.bandwidth.mbps', 0, 1000000, true),
  cost('producer.cpu.record.us', 0, 1000000),
  cost('producer.cpu.byte.ns', 0, 1000000),
  cost('broker.append.batch.us', 0, 1000000),
  cost('broker.append.byte.ns', 0, 1000000),
  // Kafka also requires replica.socket.timeout.ms (30000) ≥ replica.fetch.wait.max.ms.
  cost('replica.fetch.wait.max.ms', 0, 30000),
];

const BY_KEY: ReadonlyMap<string, ScenarioKey> = new Map(SCENARIO_KEYS.map((k) => [k.key, k]));

export function scenarioKey(key: string): ScenarioKey | undefined {
  return BY_KEY.get(key);
}

/** The version key (`v`), handled apart because it is read first and drives migrations. */
export const VERSION_KEY = 'v';
