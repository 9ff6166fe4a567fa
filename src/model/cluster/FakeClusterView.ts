/**
 * Test helper: a one-topic ClusterView from a list of leaders (`leaders[p]` null = partition p has no leader),
 * for partitioner tests that need metadata and nothing else.
 */
import type { ClusterView } from './ClusterView';

export function fakeClusterView(topic: string, leaders: readonly (number | null)[]): ClusterView {
  const available = leaders.flatMap((l, p) => (l === null ? [] : [p]));
  return {
    topic,
    nodes: [0, 1, 2],
    partitionCount: () => leaders.length,
    leaderOf: (p) => leaders[p] ?? null,
    availablePartitions: () => available,
    partitionsForNode: (n) => leaders.flatMap((l, p) => (l === n ? [p] : [])),
    partitionInfo: (p) => ({
      partition: p,
      leader: leaders[p] ?? null,
      leaderEpoch: 0,
      replicas: [],
      isr: [],
    }),
  };
}
