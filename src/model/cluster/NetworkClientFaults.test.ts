// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeCluster, RequestFactory, TEST_COST_MODEL } from './ClusterTestKit';
import { NetworkClient } from './NetworkClient';
import type { ProduceResponse } from './ProduceRequest';
import type { SimClusterConfig } from './SimCluster';

const HANDSHAKE = 4 * TEST_COST_MODEL.netLatencyMs;

function setup(config: Partial<SimClusterConfig>) {
  const { sim, cluster } = makeCluster(config);
  const client = new NetworkClient(sim, cluster, TEST_COST_MODEL, {
    maxInFlightRequestsPerConnection: 5,
  });
  const responses: { response: ProduceResponse; atMs: number }[] = [];
  const ready: { node: number; atMs: number }[] = [];
  client.setHandler({
    onResponse: (response, atMs) => responses.push({ response, atMs }),
    onConnectionReady: (node, atMs) => ready.push({ node, atMs }),
  });
  return { sim, cluster, client, responses, ready, f: new RequestFactory() };
}

describe('NetworkClient under broker faults', () => {
  it('a crash breaks the connection: in-flight requests fail with NETWORK_EXCEPTION, reconnects fail until restart', () => {
    const { sim, cluster, client, responses, ready, f } = setup({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const l = cluster.leaderOf(0)!;
    client.send(f.request(l, -1, [{ partition: 0, records: 2 }]), 0);
    sim.runUntil(0.1);
    cluster.crashBroker(l, 0.1);
    expect(responses).toHaveLength(1);
    expect(responses[0].atMs).toBe(0.1);
    expect(responses[0].response).toMatchObject({ disconnected: true });
    expect(responses[0].response.partitions[0].error).toBe('NETWORK_EXCEPTION');
    expect(client.isConnected(l)).toBe(false);
    // Refused attempts back off 50, 100, 200, … up to reconnect.backoff.max.ms = 1000.
    sim.runUntil(3000);
    expect(client.isConnected(l)).toBe(false);
    expect(ready).toHaveLength(0);
    const delay = client.connectionDelay(l, 3000);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(1000 + HANDSHAKE);
    cluster.restartBroker(l, 3000);
    sim.runUntil(3000 + delay);
    expect(client.isConnected(l)).toBe(true);
    expect(ready).toEqual([{ node: l, atMs: 3000 + delay }]);
  });

  it('an isolated broker swallows requests: the request times out; reconnects hang until healed', () => {
    const { sim, cluster, client, responses, ready, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    cluster.isolateBroker(0, 0);
    client.send(f.request(0, 1, [{ partition: 0, records: 2 }], { timeoutMs: 1000 }), 0);
    sim.runUntil(999);
    expect(responses).toHaveLength(0);
    expect(cluster.log(0).logEndOffset).toBe(0); // the request never arrived
    sim.runUntil(1000);
    expect(responses[0].response).toMatchObject({ timedOut: true });
    expect(responses[0].response.partitions[0].error).toBe('REQUEST_TIMED_OUT');
    // The first attempt (50 ms backoff) hangs for socket.connection.setup.timeout.ms (10 s) and fails.
    sim.runUntil(12_000);
    expect(client.isConnected(0)).toBe(false);
    cluster.healBroker(0, 12_000);
    sim.runUntil(12_000 + HANDSHAKE);
    expect(client.isConnected(0)).toBe(true);
    expect(ready).toEqual([{ node: 0, atMs: 12_000 + HANDSHAKE }]);
    client.send(f.request(0, 1, [{ partition: 0, records: 1 }]), sim.nowMs);
    sim.runUntil(12_010);
    expect(responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
  });

  it('a response lost on an isolated link leaves its request to time out, though it was appended', () => {
    const { sim, cluster, client, responses, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    client.send(f.request(0, 1, [{ partition: 0, records: 2 }], { timeoutMs: 500 }), 0);
    sim.runUntil(0.27); // arrived; it is appended, and answered, while the broker is cut off
    cluster.isolateBroker(0, 0.27);
    sim.runUntil(10);
    cluster.healBroker(0, 10);
    sim.runUntil(600);
    expect(cluster.log(0).logEndOffset).toBe(2);
    expect(responses.map((r) => r.response.partitions[0].error)).toEqual(['REQUEST_TIMED_OUT']);
    expect(responses[0].atMs).toBe(500);
  });

  it('drop-responses: appended, but the response never comes and the request times out', () => {
    const { sim, cluster, client, responses, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    cluster.dropResponses(0, 1, 0);
    client.send(f.request(0, 1, [{ partition: 0, records: 2 }], { timeoutMs: 300 }), 0);
    sim.runUntil(300);
    expect(cluster.log(0).logEndOffset).toBe(2);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ atMs: 300, response: { timedOut: true } });
    // Only one response was dropped: after reconnecting, the next request is answered.
    sim.runUntil(400);
    client.send(f.request(0, 1, [{ partition: 0, records: 1 }], { timeoutMs: 300 }), 400);
    sim.runUntil(410);
    expect(responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 2 });
  });

  it('a closed client stops hearing about broker faults', () => {
    const { sim, cluster, client, responses, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    client.send(f.request(0, 1, [{ partition: 0, records: 1 }]), 0);
    client.close();
    cluster.crashBroker(0, 0);
    sim.runUntil(1);
    expect(responses).toHaveLength(0);
    expect(client.isConnected(0)).toBe(true);
  });
});
