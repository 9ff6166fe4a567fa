// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeCluster, RequestFactory, StubChannel, TEST_COST_MODEL } from './ClusterTestKit';
import { brokerAppendCostMs } from './CostModel';
import type { ProduceRequest } from './ProduceRequest';
import type { BrokerChannel } from './SimBroker';
import type { SimCluster } from './SimCluster';

const cost = (bytes: number) => brokerAppendCostMs(TEST_COST_MODEL, bytes);

function deliver(
  cluster: SimCluster,
  req: ProduceRequest,
  ch: BrokerChannel,
  atMs: number,
  sim: { at(t: number, f: () => void): unknown },
) {
  sim.at(atMs, () => cluster.broker(req.node).handleProduceRequest(req, ch, atMs));
}

describe('SimBroker', () => {
  it('acks=1 answers right after the append, with offsets assigned per partition', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 2, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    const r1 = f.request(0, 1, [
      { partition: 0, records: 10, size: 1000 },
      { partition: 1, records: 5, size: 500 },
    ]);
    const r2 = f.request(0, 1, [{ partition: 0, records: 3, size: 300 }]);
    deliver(cluster, r1, ch, 0, sim);
    deliver(cluster, r2, ch, 0, sim);
    sim.runUntil(10);
    expect(ch.responses).toHaveLength(2);
    const [a, b] = ch.responses;
    expect(a.atMs).toBeCloseTo(cost(1000) + cost(500), 12);
    expect(a.response.partitions).toEqual([
      { partition: 0, error: 'NONE', baseOffset: 0, logAppendTimeMs: -1 },
      { partition: 1, error: 'NONE', baseOffset: 0, logAppendTimeMs: -1 },
    ]);
    expect(b.response.partitions[0].baseOffset).toBe(10);
    expect(b.atMs).toBeCloseTo(a.atMs + cost(300), 12);
    expect(cluster.log(0).logEndOffset).toBe(13);
    expect(Array.from(cluster.log(0).recordIds())).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17,
    ]);
  });

  it('reads one request per connection at a time: the next waits until the response has been sent', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const muted = new StubChannel(1, 1); // each response takes 1 ms to leave
    const other = new StubChannel(2, 1);
    deliver(cluster, f.request(0, 1, [{ partition: 0, records: 1, size: 100 }]), muted, 0, sim);
    deliver(cluster, f.request(0, 1, [{ partition: 0, records: 1, size: 100 }]), muted, 0, sim);
    deliver(cluster, f.request(0, 1, [{ partition: 0, records: 1, size: 100 }]), other, 0, sim);
    sim.runUntil(10);
    const c = cost(100);
    expect(muted.responses[0].atMs).toBeCloseTo(c, 12);
    // The other connection is not muted: it only queues behind the first on the CPU.
    expect(other.responses[0].atMs).toBeCloseTo(2 * c, 12);
    expect(muted.responses[1].atMs).toBeCloseTo(c + 1 + c, 12);
  });

  it('acks=all fails with NOT_ENOUGH_REPLICAS before appending when the ISR is below min.insync.replicas', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const leader = cluster.leaderOf(0)!;
    cluster.alterPartitionIsr(0, [leader], 0);
    expect(cluster.partitionInfo(0).isr).toEqual([leader]);
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliver(cluster, f.request(leader, -1, [{ partition: 0, records: 4 }]), ch, 0, sim);
    deliver(cluster, f.request(leader, 1, [{ partition: 0, records: 2 }]), ch, 0, sim);
    sim.runUntil(5);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({
      error: 'NOT_ENOUGH_REPLICAS',
      baseOffset: -1,
    });
    // acks=1 ignores min.insync.replicas.
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(cluster.log(0).logEndOffset).toBe(2);
  });

  it('rejects a batch larger than message.max.bytes with MESSAGE_TOO_LARGE, per partition', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 2, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    const req = f.request(0, 1, [
      { partition: 0, records: 2, size: 1048589 },
      { partition: 1, records: 2, size: 1048588 },
    ]);
    deliver(cluster, req, ch, 0, sim);
    sim.runUntil(50);
    expect(ch.responses[0].response.partitions.map((p) => p.error)).toEqual([
      'MESSAGE_TOO_LARGE',
      'NONE',
    ]);
    expect(cluster.log(0).logEndOffset).toBe(0);
    expect(cluster.log(1).logEndOffset).toBe(2);
  });

  it('answers NOT_LEADER_OR_FOLLOWER with the current leader when sent to a follower', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const leader = cluster.leaderOf(0)!;
    const follower = cluster.partitionInfo(0).replicas[1];
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliver(cluster, f.request(follower, 1, [{ partition: 0, records: 1 }]), ch, 0, sim);
    sim.runUntil(5);
    expect(ch.responses[0].response.partitions[0]).toEqual({
      partition: 0,
      error: 'NOT_LEADER_OR_FOLLOWER',
      baseOffset: -1,
      logAppendTimeMs: -1,
      currentLeader: { leaderId: leader, leaderEpoch: 0 },
    });
  });

  it('acks=all waits in the purgatory until the followers have the batch (HW ≥ batch end)', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const leader = cluster.leaderOf(0)!;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliver(cluster, f.request(leader, -1, [{ partition: 0, records: 7, size: 500 }]), ch, 1, sim);
    const appendMs = 1 + cost(500);
    sim.runUntil(appendMs);
    expect(cluster.log(0).logEndOffset).toBe(7);
    expect(cluster.partition(0).highWatermark).toBe(0);
    expect(ch.responses).toHaveLength(0);
    expect(cluster.broker(leader).delayedProduceCount).toBe(1);
    sim.runUntil(100);
    expect(ch.responses).toHaveLength(1);
    const { response, atMs } = ch.responses[0];
    expect(response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    // Leader → follower (data) and follower → leader (next fetch): at least two one-way latencies.
    expect(atMs).toBeGreaterThan(appendMs + 2 * TEST_COST_MODEL.netLatencyMs);
    expect(cluster.partition(0).highWatermark).toBe(7);
    expect(cluster.partition(0).replicaLeo).toEqual([7, 7, 7]);
    expect(cluster.broker(leader).delayedProduceCount).toBe(0);
  });

  it('acks=all times out with REQUEST_TIMED_OUT if the HW cannot reach the batch; the data stays', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const leader = cluster.leaderOf(0)!;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    const req = f.request(leader, -1, [{ partition: 0, records: 3, size: 300 }], {
      timeoutMs: 1000,
    });
    deliver(cluster, req, ch, 0, sim);
    const appendMs = cost(300);
    // The ISR shrinks under min.insync.replicas right after the append: the HW freezes (Kafka 3.7+).
    // (The followers stall, or they would catch up and rejoin the ISR.)
    sim.at(appendMs + 0.01, (t) => {
      for (const b of cluster.partition(0).replicas) if (b !== leader) cluster.stallFollower(b, t);
      cluster.alterPartitionIsr(0, [leader], t);
    });
    sim.runUntil(appendMs + 999);
    expect(ch.responses).toHaveLength(0);
    sim.runUntil(appendMs + 1000);
    expect(ch.responses).toHaveLength(1);
    expect(ch.responses[0].atMs).toBeCloseTo(appendMs + 1000, 9);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({
      error: 'REQUEST_TIMED_OUT',
      baseOffset: 0,
    });
    expect(cluster.log(0).logEndOffset).toBe(3);
    expect(cluster.partition(0).highWatermark).toBe(0);
    expect(cluster.broker(leader).delayedProduceCount).toBe(0);
    // Once the followers fetch again they rejoin the ISR and the HW catches up.
    for (const b of cluster.partition(0).replicas)
      if (b !== leader) cluster.resumeBroker(b, sim.nowMs);
    sim.runUntil(sim.nowMs + 10);
    expect(cluster.partition(0).isr).toHaveLength(3);
    expect(cluster.partition(0).highWatermark).toBe(3);
  });

  it('acks=0 never answers, and closes the connection when a batch fails', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliver(cluster, f.request(0, 0, [{ partition: 0, records: 2 }]), ch, 0, sim);
    sim.runUntil(1);
    expect(ch.responses).toHaveLength(0);
    expect(cluster.log(0).logEndOffset).toBe(2);
    expect(ch.open).toBe(true);
    deliver(cluster, f.request(0, 0, [{ partition: 0, records: 2, size: 2_000_000 }]), ch, 2, sim);
    sim.runUntil(5);
    expect(ch.responses).toHaveLength(0);
    expect(ch.closedAtMs).toBeCloseTo(2 + cost(2_000_000), 12);
  });

  it('drops requests still queued on a connection the client closed', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(7, 1);
    deliver(cluster, f.request(0, 1, [{ partition: 0, records: 1 }]), ch, 0, sim);
    deliver(cluster, f.request(0, 1, [{ partition: 0, records: 1 }]), ch, 0, sim);
    sim.at(0.5, () => {
      ch.open = false;
      cluster.broker(0).channelClosed(7);
    });
    sim.runUntil(10);
    expect(cluster.log(0).logEndOffset).toBe(1);
    expect(ch.responses).toHaveLength(1); // sent before the close
  });
});
