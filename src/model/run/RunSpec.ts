/**
 * What a run is built from: the seed, the topic, the producer configs as the user set them, the cluster, the
 * workload and the cost model. Simulation-only. The scenario codec (src/scenario) reads and writes exactly this
 * shape from a URL query; the model only needs the data.
 */
import type { CostModel } from '../cluster/CostModel';
import type { TimedFault } from '../faults/FaultTarget';
import type { SendMode } from '../workload/Application';
import type { KeyDistribution } from '../workload/KeyChooser';
import type { ValueContent } from '../workload/ValueCorpus';

/** Brokers and the one topic (broker/topic configs keep Kafka's names in the query). */
export interface ClusterSettings {
  /** `brokers`: 1..12, numbered from 0. */
  readonly brokers: number;
  /** `partitions` of the topic: 1..128. */
  readonly partitions: number;
  /** `replication.factor`: 1..brokers; default min(3, brokers). */
  readonly replicationFactor: number;
  /** `min.insync.replicas`: 1..12; brokers use min(this, replication factor) (Kafka 3.7+). */
  readonly minInsyncReplicas: number;
  readonly replicaLagTimeMaxMs: number;
  readonly messageMaxBytes: number;
  readonly uncleanLeaderElectionEnable: boolean;
}

/** What the application sends, kafka-producer-perf-test style. */
export interface WorkloadSettings {
  /** Records per second; -1 = as fast as send() returns. */
  readonly throughput: number;
  /** Value size in bytes. */
  readonly recordSize: number;
  /** Records to send; -1 = until duration.ms. */
  readonly numRecords: number;
  /** Simulated length of the run in ms. */
  readonly durationMs: number;
  /** Distinct keys; 0 = null keys. Ignored when keyList is set. */
  readonly keys: number;
  readonly keyDistribution: KeyDistribution;
  readonly keyZipfS: number;
  /** With `hot`: share of sends that carry the hottest key (`<prefix>0`); the rest are uniform over the others. */
  readonly keyHotFraction: number;
  /** Explicit keys (overrides keys/prefix); null = generated keys. */
  readonly keyList: readonly string[] | null;
  readonly keyPrefix: string;
  readonly valueContent: ValueContent;
  /** Extra headers per record. */
  readonly headers: number;
  readonly sendMode: SendMode;
  /** flush() after every N sends; 0 = never. */
  readonly flushEvery: number;
  /** Console-producer input: split each line into key and value at keySeparator. */
  readonly parseKey: boolean;
  readonly keySeparator: string;
  /** Explicit partition for every record; null = let the partitioner choose. */
  readonly partition: number | null;
}

export interface RunSpec {
  readonly seed: number;
  readonly topic: string;
  /** Producer configs set explicitly, by Kafka name, as raw strings (explicitness matters to Kafka). */
  readonly producer: Readonly<Record<string, string>>;
  readonly cluster: ClusterSettings;
  readonly workload: WorkloadSettings;
  readonly cost: CostModel;
  /** The fault timeline (`fault=<simMs>:<action>…` keys), in the order given; applied in time order, ties in order. */
  readonly faults: readonly TimedFault[];
}
