/**
 * What the producer's metadata knows about the run's one topic: partitions, their leaders and replicas.
 * Plays the role of org.apache.kafka.common.Cluster (partitionsForTopic, availablePartitionsForTopic,
 * partitionsForNode, leaderFor) for a single topic; SimCluster implements it. Leaves out multiple topics, racks,
 * offline replicas and controller information.
 */

export interface PartitionInfo {
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  replicas: readonly number[];
  isr: readonly number[];
}

export interface ClusterView {
  readonly topic: string;
  readonly nodes: readonly number[];
  partitionCount(): number;
  leaderOf(partition: number): number | null;
  /** Partitions with a known leader, ascending (Cluster.availablePartitionsForTopic). */
  availablePartitions(): readonly number[];
  /** Partitions led by node, ascending (Cluster.partitionsForNode). */
  partitionsForNode(node: number): readonly number[];
  partitionInfo(partition: number): PartitionInfo;
  /**
   * Changes whenever a leader, leader epoch or ISR changes (SimCluster: the controller's truth). Optional: views
   * that never change need not count.
   */
  readonly metadataVersion?: number;
}
