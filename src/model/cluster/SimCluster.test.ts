// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeCluster, RequestFactory, TEST_COST_MODEL } from './ClusterTestKit';
import { NetworkClient } from './NetworkClient';
import type { ProduceRequest, ProduceResponse } from './ProduceRequest';
import type { SimClusterConfig } from './SimCluster';

/**
 * Drives random traffic: every 0.2 ms, each ready broker gets a request with one batch for some of the partitions
 * it leads. Returns what was sent and answered.
 */
function randomLoad(
  config: Partial<SimClusterConfig>,
  seed: number,
  acks: -1 | 0 | 1,
  untilMs: number,
  quietMs = 200,
) {
  const { sim, cluster } = makeCluster(config, seed);
  const client = new NetworkClient(sim, cluster, TEST_COST_MODEL, {
    maxInFlightRequestsPerConnection: 5,
  });
  const f = new RequestFactory();
  const r = sim.random.fork('load');
  const sent = new Map<number, ProduceRequest>();
  const responses: ProduceResponse[] = [];
  client.setHandler({ onResponse: (resp) => responses.push(resp) });
  const tick = (now: number): void => {
    for (const node of cluster.nodes) {
      if (!client.isReady(node, now)) continue;
      const specs = cluster
        .partitionsForNode(node)
        .filter(() => r.nextDouble() < 0.6)
        .map((partition) => ({ partition, records: 1 + r.nextIntBelow(50) }));
      if (specs.length === 0) continue;
      const req = f.request(node, acks, specs, { createdMs: now });
      sent.set(req.id, req);
      client.send(req, now);
    }
    if (now < untilMs - quietMs) sim.after(0.2, tick);
  };
  sim.after(0, tick);
  sim.runUntil(untilMs);
  return { sim, cluster, client, sent, responses, f };
}

describe('SimCluster', () => {
  it('exposes the placement through ClusterView, leader = first replica, with cached arrays', () => {
    const { cluster } = makeCluster({ brokers: 3, partitions: 6, replicationFactor: 2 });
    expect(cluster.topic).toBe('topic');
    expect(cluster.nodes).toEqual([0, 1, 2]);
    expect(cluster.partitionCount()).toBe(6);
    const leaders = [0, 1, 2, 3, 4, 5].map((p) => cluster.leaderOf(p));
    for (let p = 0; p < 6; p++) {
      const info = cluster.partitionInfo(p);
      expect(info.leader).toBe(info.replicas[0]);
      expect(info.leaderEpoch).toBe(0);
      expect(info.isr).toEqual(info.replicas);
      expect(info.replicas).toHaveLength(2);
    }
    expect(cluster.availablePartitions()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cluster.availablePartitions()).toBe(cluster.availablePartitions());
    for (const node of cluster.nodes) {
      const mine = cluster.partitionsForNode(node);
      expect(mine).toEqual(leaders.flatMap((l, p) => (l === node ? [p] : [])));
      expect(mine).toHaveLength(2); // leaders spread evenly
      expect(cluster.partitionsForNode(node)).toBe(mine);
    }
  });

  it('replicates everything: offsets contiguous, followers catch up, HW = LEO (acks=all)', () => {
    const { sim, cluster, sent, responses, client } = randomLoad(
      { brokers: 3, partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 },
      5,
      -1,
      1000,
    );
    expect(responses.length).toBe(sent.size);
    expect(client.inFlightRequestCount()).toBe(0);
    sim.runUntil(3000); // idle fetch rounds carry the final HW to every follower
    const ranges: [number, number, number[]][][] = cluster.nodes.length
      ? [[], [], [], [], [], []]
      : [];
    for (const resp of responses) {
      const req = sent.get(resp.requestId)!;
      resp.partitions.forEach((pr, i) => {
        expect(pr.error).toBe('NONE');
        const b = req.batches[i];
        ranges[pr.partition].push([pr.baseOffset, b.recordCount, [...b.recordIds]]);
      });
    }
    for (let p = 0; p < 6; p++) {
      const sorted = ranges[p].sort((a, b) => a[0] - b[0]);
      let next = 0;
      const ids: number[] = [];
      for (const [base, count, recordIds] of sorted) {
        expect(base).toBe(next);
        next += count;
        ids.push(...recordIds);
      }
      const state = cluster.partition(p);
      expect(state.log.logEndOffset).toBe(next);
      expect(Array.from(state.log.recordIds())).toEqual(ids);
      expect(state.highWatermark).toBe(next);
      expect(state.replicaLeo).toEqual([next, next, next]);
      expect(state.replicaHw[0]).toBe(next);
      // Batches stay until every replica knows a HW past them (a restart truncates to that HW).
      expect(state.log.replicationWindowBatches).toBe(0);
    }
    const reports = cluster.partitionReports();
    expect(reports[0]).toMatchObject({ partition: 0, truncated: false, leaderEpoch: 0 });
    expect(reports.reduce((n, r) => n + r.logEndOffset, 0)).toBe(
      [...sent.values()].reduce((n, r) => n + r.batches.reduce((m, b) => m + b.recordCount, 0), 0),
    );
  });

  it('is deterministic: the same seed gives the same logs, offsets and event count', () => {
    const run = (seed: number) => {
      const { sim, cluster } = randomLoad(
        { brokers: 3, partitions: 4, replicationFactor: 2 },
        seed,
        1,
        500,
      );
      return {
        events: sim.eventsProcessed,
        reports: cluster.partitionReports(),
        logs: [0, 1, 2, 3].map((p) => Array.from(cluster.log(p).recordIds())),
      };
    };
    const a = run(3);
    expect(run(3)).toEqual(a);
    expect(run(4)).not.toEqual(a);
  });

  it('followers long-poll: an idle leader holds each fetch for replica.fetch.wait.max.ms', () => {
    const { sim, cluster } = makeCluster({ brokers: 2, partitions: 2, replicationFactor: 2 });
    sim.runUntil(10_000);
    const fetchers = cluster.replicaFetchers();
    expect(fetchers).toHaveLength(2); // broker 0 follows broker 1 and vice versa
    for (const f of fetchers) {
      // Each round trip is 500 ms of hold + ~1 ms of transit: 20 fetches in 10 s, the 21st in flight.
      expect(f.fetchesSent).toBe(20);
    }
  });

  it('stops storing record ids after maxLoggedRecords but keeps counting offsets', () => {
    const { cluster } = randomLoad(
      { brokers: 1, partitions: 2, replicationFactor: 1, maxLoggedRecords: 100 },
      1,
      1,
      100,
      0,
    );
    const reports = cluster.partitionReports();
    const stored = reports.reduce((n, r) => n + r.storedRecordCount, 0);
    expect(stored).toBe(100);
    expect(reports.some((r) => r.truncated)).toBe(true);
    expect(cluster.log(0).replicationWindowBatches).toBe(0); // RF = 1: nobody fetches
    expect(reports.reduce((n, r) => n + r.logEndOffset, 0)).toBeGreaterThan(100);
  });

  it('rejects impossible topologies', () => {
    expect(() => makeCluster({ brokers: 2, replicationFactor: 3 })).toThrow(/cannot be reached/);
    expect(() => makeCluster({ brokers: 0 })).toThrow(/brokers/);
    expect(() => new RequestFactory().request(0, 1, [])).not.toThrow();
  });
});
