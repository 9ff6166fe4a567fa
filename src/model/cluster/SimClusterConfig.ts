/**
 * The simulated cluster's settings: sizes, the broker/topic configs that matter to the producer (Kafka's names in
 * the comments) and the simulation-only election delay. Plain data; SimCluster fills missing fields from the
 * defaults. Left out: every other broker config.
 */

export interface SimClusterConfig {
  /** Topic name. */
  readonly topic: string;
  /** Number of brokers N (ids 0..N−1). */
  readonly brokers: number;
  /** Number of partitions P. */
  readonly partitions: number;
  /** Replication factor RF ≤ N. */
  readonly replicationFactor: number;
  /** min.insync.replicas (topic/broker), Kafka default 1. */
  readonly minInsyncReplicas: number;
  /** message.max.bytes: largest batch (after compression) a broker accepts, default 1048588. */
  readonly messageMaxBytes: number;
  /** replica.lag.time.max.ms, default 30000: a follower not caught up for this long leaves the ISR. */
  readonly replicaLagTimeMaxMs: number;
  /** unclean.leader.election.enable, default false: an out-of-sync replica may lead (data loss). */
  readonly uncleanLeaderElectionEnable: boolean;
  /**
   * Simulation-only: how long after a crash the controller fences the broker and elects new leaders (stands in for
   * broker.session.timeout.ms, 9000 in Kafka, kept small so failovers show within a short run). Default 500.
   */
  readonly leaderElectionDelayMs: number;
  /** replica.fetch.max.bytes per partition, default 1048576. */
  readonly replicaFetchMaxBytes: number;
  /** replica.fetch.response.max.bytes, default 10485760. */
  readonly replicaFetchResponseMaxBytes: number;
  /** Record ids stored over all partition logs; beyond it offsets are still counted (log `truncated`). */
  readonly maxLoggedRecords: number;
}

export const DEFAULT_SIM_CLUSTER_CONFIG: SimClusterConfig = Object.freeze({
  topic: 'topic',
  brokers: 3,
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 1,
  messageMaxBytes: 1048588,
  replicaLagTimeMaxMs: 30000,
  uncleanLeaderElectionEnable: false,
  leaderElectionDelayMs: 500,
  replicaFetchMaxBytes: 1048576,
  replicaFetchResponseMaxBytes: 10485760,
  maxLoggedRecords: 10_000_000,
});
