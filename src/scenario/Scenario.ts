/**
 * A scenario: the whole set-up of one run (producer configs, cluster, workload, cost model, seed), as plain JSON-safe
 * data. It travels as a URL query string (the explorer's URL, the CLI's `--scenario`); see ScenarioCodec.ts, and
 * README.md for every key. Simulation-only (Kafka has no such thing).
 */
import type { CostModel } from '../model/cluster/CostModel';
import { DEFAULT_COST_MODEL } from '../model/cluster/CostModel';
import type { TimedFault } from '../model/faults/FaultTarget';
import type { ClusterSettings, WorkloadSettings } from '../model/run/RunSpec';

export type { ClusterSettings, WorkloadSettings };

/** The version `encodeScenario` writes (`v`); older versions are migrated (migrations.ts). */
export const SCENARIO_VERSION = 1;

export interface Scenario {
  readonly version: typeof SCENARIO_VERSION;
  /** Seed of the run's RNG (signed 32-bit). */
  readonly seed: number;
  /** The topic's name (Kafka's legal-name rules). */
  readonly topic: string;
  /** Producer configs set explicitly, by Kafka name, as raw strings (explicitness matters to Kafka). */
  readonly producer: Readonly<Record<string, string>>;
  readonly cluster: ClusterSettings;
  readonly workload: WorkloadSettings;
  /** The simulation's cost model (CostModel.ts). */
  readonly cost: CostModel;
  /** The fault timeline: repeated `fault=<simMs>:<action>[:<args>]` keys, in the order given (FaultSyntax.ts). */
  readonly faults: readonly TimedFault[];
}

export const DEFAULT_CLUSTER: ClusterSettings = {
  brokers: 3,
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 1,
  replicaLagTimeMaxMs: 30000,
  messageMaxBytes: 1048588,
  uncleanLeaderElectionEnable: false,
};

export const DEFAULT_WORKLOAD: WorkloadSettings = {
  throughput: 1000,
  recordSize: 100,
  numRecords: -1,
  durationMs: 10000,
  keys: 0,
  keyDistribution: 'uniform',
  keyZipfS: 1.1,
  keyHotFraction: 0.8,
  keyList: null,
  keyPrefix: 'user-',
  valueContent: 'json',
  headers: 0,
  sendMode: 'async',
  flushEvery: 0,
  parseKey: false,
  keySeparator: '\t',
  partition: null,
};

/** The scenario of an empty query. */
export const DEFAULT_SCENARIO: Scenario = {
  version: SCENARIO_VERSION,
  seed: 1,
  topic: 'topic',
  producer: {},
  cluster: DEFAULT_CLUSTER,
  workload: DEFAULT_WORKLOAD,
  cost: { ...DEFAULT_COST_MODEL },
  faults: [],
};

/** Something wrong with one key of a scenario query. */
export interface Problem {
  /** The query key ('' for the query as a whole). */
  readonly key: string;
  /** The raw value as given, or null. */
  readonly value: string | null;
  readonly message: string;
  /** error: the key's value was not used (its default was); warning: used, but worth knowing. */
  readonly severity: 'error' | 'warning';
}

/** The default replication factor for a cluster size, as the brief's clusters use it: min(3, brokers). */
export function defaultReplicationFactor(brokers: number): number {
  return Math.min(3, brokers);
}
