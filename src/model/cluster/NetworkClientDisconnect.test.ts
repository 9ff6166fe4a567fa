// @vitest-environment node
/**
 * The NetworkClient reports every disconnect to its handler, with or without requests in flight (Kafka's
 * processDisconnection → metadataUpdater.handleServerDisconnect, which asks for a metadata refresh): a crashed
 * broker's socket closing, each refused reconnect attempt, a request timeout, an attempt to an isolated broker that
 * hits socket.connection.setup.timeout.ms. Without this the producer never learns that an idle connection's broker
 * died, and keeps naming it as leader.
 */
import { describe, expect, it } from 'vitest';
import { makeCluster, RequestFactory, TEST_COST_MODEL } from './ClusterTestKit';
import { NetworkClient } from './NetworkClient';
import type { SimClusterConfig } from './SimCluster';

const HANDSHAKE = 4 * TEST_COST_MODEL.netLatencyMs;

function setup(config: Partial<SimClusterConfig>) {
  const { sim, cluster } = makeCluster(config);
  const client = new NetworkClient(sim, cluster, TEST_COST_MODEL, {
    maxInFlightRequestsPerConnection: 5,
  });
  const events: string[] = [];
  client.setHandler({
    onResponse: (response, atMs) =>
      events.push(`response ${response.partitions[0].error} @${atMs}`),
    onDisconnected: (node, atMs) => events.push(`disconnected ${node} @${atMs}`),
  });
  return { sim, cluster, client, events, f: new RequestFactory() };
}

describe('NetworkClient: disconnects reach the handler', () => {
  it('an idle connection to a crashed broker: the close and every refused reconnect are reported', () => {
    const { sim, cluster, events } = setup({ brokers: 3, partitions: 3, replicationFactor: 3 });
    cluster.crashBroker(1, 100);
    expect(events).toEqual(['disconnected 1 @100']);
    // Attempts at reconnect.backoff.ms (50) + a handshake, then backing off 50, 100, … each refused at once.
    const first = 100 + 50 + HANDSHAKE;
    const second = first + 50 + HANDSHAKE;
    const third = second + 100 + HANDSHAKE;
    sim.runUntil(third);
    expect(events).toEqual([
      'disconnected 1 @100',
      `disconnected 1 @${first}`,
      `disconnected 1 @${second}`,
      `disconnected 1 @${third}`,
    ]);
  });

  it('a crash with requests in flight: the disconnect is reported, then the requests fail', () => {
    const { sim, cluster, client, events, f } = setup({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
    });
    const l = cluster.leaderOf(0)!;
    client.send(f.request(l, -1, [{ partition: 0, records: 2 }]), 0);
    sim.runUntil(0.1);
    cluster.crashBroker(l, 0.1);
    expect(events).toEqual([`disconnected ${l} @0.1`, 'response NETWORK_EXCEPTION @0.1']);
  });

  it('a request timeout and a connection attempt that hangs towards an isolated broker are reported', () => {
    const { sim, cluster, client, events, f } = setup({
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
    });
    cluster.isolateBroker(0, 0);
    client.send(f.request(0, 1, [{ partition: 0, records: 1 }], { timeoutMs: 1000 }), 0);
    sim.runUntil(1000);
    expect(events).toEqual(['disconnected 0 @1000', 'response REQUEST_TIMED_OUT @1000']);
    // The model ends the first attempt at its earliest success time (backoff + handshake), the next one after
    // its backoff and socket.connection.setup.timeout.ms (10 s): each failure is reported.
    const first = 1000 + 50 + HANDSHAKE;
    const second = first + 50 + 10_000;
    sim.runUntil(second - 1);
    expect(events).toEqual([
      'disconnected 0 @1000',
      'response REQUEST_TIMED_OUT @1000',
      `disconnected 0 @${first}`,
    ]);
    sim.runUntil(second);
    expect(events[3]).toBe(`disconnected 0 @${second}`);
  });
});
