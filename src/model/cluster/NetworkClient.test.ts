// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeCluster, RequestFactory, TEST_COST_MODEL } from './ClusterTestKit';
import { brokerAppendCostMs, costModelFrom } from './CostModel';
import { NetworkClient } from './NetworkClient';
import {
  type ProduceRequest,
  type ProduceResponse,
  produceResponseSizeInBytes,
} from './ProduceRequest';
import { fetchRequestSizeInBytes, fetchResponseSizeInBytes } from './ReplicaFetcher';
import type { SimClusterConfig } from './SimCluster';

const BW = 125_000; // bytes per ms at 1000 Mbit/s
const LAT = 0.25;
const cpu = (bytes: number) => brokerAppendCostMs(TEST_COST_MODEL, bytes);

function setup(config: Partial<SimClusterConfig>, maxInFlight = 5, cost = TEST_COST_MODEL) {
  const { sim, cluster } = makeCluster(config, 1, cost);
  const client = new NetworkClient(sim, cluster, cost, {
    maxInFlightRequestsPerConnection: maxInFlight,
  });
  const responses: { response: ProduceResponse; atMs: number }[] = [];
  const sent: { request: ProduceRequest; atMs: number }[] = [];
  const ready: { node: number; atMs: number }[] = [];
  client.setHandler({
    onResponse: (response, atMs) => responses.push({ response, atMs }),
    onRequestSent: (request, atMs) => sent.push({ request, atMs }),
    onConnectionReady: (node, atMs) => ready.push({ node, atMs }),
  });
  return { sim, cluster, client, responses, sent, ready, f: new RequestFactory() };
}

describe('NetworkClient', () => {
  it('a request takes latency + size/bandwidth to arrive; acks=1 answers after the append', () => {
    const { sim, cluster, client, responses, sent, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    const req = f.request(0, 1, [{ partition: 0, records: 100, size: 124_900 }]); // 125,000 bytes
    client.send(req, 10);
    expect(client.inFlightRequestCount(0)).toBe(1);
    sim.runUntil(100);
    expect(sent).toEqual([{ request: req, atMs: 11 }]); // 125,000 bytes at 125,000 bytes/ms
    const appendMs = 11 + LAT + cpu(124_900);
    expect(cluster.log(0).batches()[0].appendTimeMs).toBeCloseTo(appendMs, 9);
    const respBytes = produceResponseSizeInBytes('topic', 1);
    expect(responses).toHaveLength(1);
    expect(responses[0].atMs).toBeCloseTo(appendMs + respBytes / BW + LAT, 9);
    expect(responses[0].response).toMatchObject({ requestId: req.id, node: 0 });
    expect(client.inFlightRequestCount()).toBe(0);
  });

  it('acks=all answers one follower fetch round trip after the append (exact timeline)', () => {
    const { sim, cluster, client, responses, f } = setup({
      brokers: 2,
      partitions: 1,
      replicationFactor: 2,
    });
    const leader = cluster.leaderOf(0)!;
    // t=0: the follower's first fetch is already held by the leader (nothing to read yet).
    const req = f.request(leader, -1, [{ partition: 0, records: 10, size: 900 }]); // 1000 bytes
    client.send(req, 0);
    sim.runUntil(100);
    const appendMs = 1000 / BW + LAT + cpu(900);
    const dataAtFollower = appendMs + fetchResponseSizeInBytes(1, 900) / BW + LAT;
    const followerAppended = dataAtFollower + cpu(900);
    const nextFetchAtLeader = followerAppended + fetchRequestSizeInBytes(1) / BW + LAT;
    const expected = nextFetchAtLeader + produceResponseSizeInBytes('topic', 1) / BW + LAT;
    expect(responses).toHaveLength(1);
    expect(responses[0].atMs).toBeCloseTo(expected, 9);
    expect(responses[0].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(cluster.partition(0).highWatermark).toBe(10);
  });

  it('is ready only once the previous request is fully written and while in-flight < max', () => {
    const { sim, client, f } = setup({ brokers: 1, partitions: 1, replicationFactor: 1 }, 2);
    const big = () => f.request(0, 1, [{ partition: 0, records: 1, size: 12_400 }]); // 0.1 ms
    expect(client.isReady(0, 0)).toBe(true);
    client.send(big(), 0);
    expect(client.isReady(0, 0.05)).toBe(false); // still writing
    expect(client.connectionDelay(0, 0.05)).toBeCloseTo(0.05, 12);
    sim.runUntil(0.1);
    expect(client.isReady(0, 0.1)).toBe(true);
    client.send(big(), 0.1);
    sim.runUntil(0.2);
    expect(client.inFlightRequestCount(0)).toBe(2);
    expect(client.isReady(0, 0.2)).toBe(false); // max.in.flight reached
    expect(client.connectionDelay(0, 0.2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => client.send(big(), 0.2)).toThrow(/not ready/);
    sim.runUntil(5);
    expect(client.inFlightRequestCount(0)).toBe(0);
    expect(client.isReady(0, 5)).toBe(true);
  });

  it('acks=0 completes when the last byte is written: no response, nothing in flight', () => {
    const { sim, cluster, client, responses, sent, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    const req = f.request(0, 0, [{ partition: 0, records: 5, size: 2400 }]); // 2500 bytes
    client.send(req, 0);
    sim.runUntil(0.02);
    expect(sent).toEqual([{ request: req, atMs: 0.02 }]);
    expect(client.inFlightRequestCount(0)).toBe(0);
    sim.runUntil(10);
    expect(responses).toEqual([]);
    expect(cluster.log(0).logEndOffset).toBe(5);
  });

  it('a request timeout closes the connection and fails every in-flight request with REQUEST_TIMED_OUT', () => {
    const { sim, cluster, client, responses, ready, f } = setup({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const leader = cluster.leaderOf(0)!;
    const r1 = f.request(leader, -1, [{ partition: 0, records: 3 }], { timeoutMs: 1000 });
    const r2 = f.request(leader, -1, [{ partition: 0, records: 4 }], { timeoutMs: 1000 });
    client.send(r1, 0);
    sim.runUntil(0.01);
    client.send(r2, 0.01);
    // r1 is appended at ~0.27 ms; then the ISR drops below min.insync.replicas and the HW freezes.
    // (The followers stall, or they would catch up and rejoin the ISR.)
    sim.at(0.3, (t) => {
      for (const b of cluster.partition(0).replicas) if (b !== leader) cluster.stallFollower(b, t);
      cluster.alterPartitionIsr(0, [leader], t);
    });
    sim.runUntil(999);
    expect(responses).toHaveLength(0);
    sim.runUntil(1000);
    expect(responses.map((r) => [r.response.requestId, r.atMs, r.response.timedOut])).toEqual([
      [r1.id, 1000, true],
      [r2.id, 1000, true],
    ]);
    expect(responses[0].response.partitions[0]).toMatchObject({
      error: 'REQUEST_TIMED_OUT',
      baseOffset: -1,
    });
    expect(client.isConnected(leader)).toBe(false);
    expect(client.requestsTimedOut).toBe(1);
    expect(client.inFlightRequestCount()).toBe(0);
    // r1 reached the log although the producer saw a failure; r2 was still muted and is lost.
    expect(cluster.log(0).logEndOffset).toBe(3);
    // Reconnect after reconnect.backoff.ms (50) + a connect time of two round trips.
    sim.runUntil(2000);
    expect(ready).toEqual([{ node: leader, atMs: 1000 + 50 + 4 * LAT }]);
    expect(client.isReady(leader, 2000)).toBe(true);
    // The old connection's late response (if any) is discarded; a new request works.
    cluster.alterPartitionIsr(0, cluster.partitionInfo(0).replicas, 2000);
    client.send(f.request(leader, 1, [{ partition: 0, records: 1 }]), 2000);
    sim.runUntil(2100);
    expect(responses).toHaveLength(3);
    expect(responses[2].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 3 });
  });

  it('disconnect fails in-flight requests with NETWORK_EXCEPTION', () => {
    const { sim, client, responses, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    const req = f.request(0, 1, [{ partition: 0, records: 1 }]);
    client.send(req, 0);
    client.disconnect(0, 0.001);
    sim.runUntil(10);
    expect(responses).toHaveLength(1);
    expect(responses[0].response.disconnected).toBe(true);
    expect(responses[0].response.partitions[0].error).toBe('NETWORK_EXCEPTION');
  });

  it('bandwidth is shared FIFO on a link: back-to-back requests queue behind each other', () => {
    const cost = costModelFrom({ 'net.bandwidth.mbps': 8, 'net.latency.ms': 0 }); // 1000 bytes/ms
    const { sim, client, sent, f } = setup(
      { brokers: 1, partitions: 2, replicationFactor: 1 },
      5,
      cost,
    );
    client.send(f.request(0, 0, [{ partition: 0, records: 1, size: 1900 }]), 0); // 2000 bytes
    sim.runUntil(2);
    client.send(f.request(0, 0, [{ partition: 1, records: 1, size: 900 }]), 2);
    sim.runUntil(10);
    expect(sent.map((s) => s.atMs)).toEqual([2, 3]);
  });
});
