// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type BatchSpec,
  deliverAt,
  makeCluster,
  RequestFactory,
  StubChannel,
} from './ClusterTestKit';

const PID = 42;
const idem = (baseSequence: number, records: number, producerEpoch = 0): BatchSpec => ({
  partition: 0,
  records,
  producerId: PID,
  producerEpoch,
  baseSequence,
});

describe('SimBroker: broker-side idempotence', () => {
  it('answers an exact duplicate with NONE and the original offset, without writing it again', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(0, 1, [idem(0, 3)]), ch, 0);
    deliverAt(sim, cluster, f.request(0, 1, [idem(3, 2)]), ch, 1);
    deliverAt(sim, cluster, f.request(0, 1, [idem(0, 3)]), ch, 2); // a retry of the first
    sim.runUntil(10);
    const answers = ch.responses.map((r) => r.response.partitions[0]);
    expect(answers.map((a) => [a.error, a.baseOffset])).toEqual([
      ['NONE', 0],
      ['NONE', 3],
      ['NONE', 0],
    ]);
    expect(cluster.log(0).logEndOffset).toBe(5);
    expect(cluster.broker(0).duplicateBatches).toBe(1);
  });

  it('a duplicate under acks=all waits for the HW to pass the original batch', () => {
    const { sim, cluster } = makeCluster({ brokers: 2, partitions: 1, replicationFactor: 2 });
    const l = cluster.leaderOf(0)!;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(l, 1, [idem(0, 3)]), ch, 0);
    deliverAt(sim, cluster, f.request(l, -1, [idem(0, 3)]), ch, 0.01);
    sim.runUntil(10);
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    // Answered only once the follower had copied the original batch (HW 3), not at once.
    expect(ch.responses[1].atMs).toBeGreaterThan(ch.responses[0].atMs + 0.5);
    expect(cluster.log(0).logEndOffset).toBe(3);
  });

  it('a gap gets OUT_OF_ORDER_SEQUENCE_NUMBER; a stale epoch INVALID_PRODUCER_EPOCH; a new epoch restarts at 0', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    const specs = [
      idem(0, 2, 1),
      idem(5, 1, 1),
      idem(2, 1, 0),
      idem(3, 1, 2),
      idem(0, 1, 2),
      idem(2, 1, 1),
    ];
    specs.forEach((s, i) => {
      deliverAt(sim, cluster, f.request(0, 1, [s]), ch, i);
    });
    sim.runUntil(10);
    expect(ch.responses.map((r) => r.response.partitions[0].error)).toEqual([
      'NONE',
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      'INVALID_PRODUCER_EPOCH',
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      'NONE',
      'INVALID_PRODUCER_EPOCH',
    ]);
    expect(cluster.log(0).logEndOffset).toBe(3);
    expect(cluster.broker(0).rejectedBatches).toBe(4);
  });

  it('producer state survives a clean failover: the new leader still recognises a retried batch', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const [l, r1] = cluster.partitionInfo(0).replicas;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(l, -1, [idem(0, 4)]), ch, 0);
    sim.runUntil(10);
    cluster.crashBroker(l, 10);
    sim.runUntil(510);
    expect(cluster.leaderOf(0)).toBe(r1);
    deliverAt(sim, cluster, f.request(r1, -1, [idem(0, 4)]), ch, 511);
    deliverAt(sim, cluster, f.request(r1, -1, [idem(5, 1)]), ch, 511);
    sim.runUntil(520);
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(ch.responses[2].response.partitions[0].error).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(cluster.log(0).logEndOffset).toBe(4);
  });

  it('after a truncation a batch that was cut is written again (no longer a duplicate)', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const [l, r1, r2] = cluster.partitionInfo(0).replicas;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(l, -1, [idem(0, 4)]), ch, 0);
    sim.runUntil(10);
    cluster.stallFollower(r1, 10);
    cluster.stallFollower(r2, 10);
    deliverAt(sim, cluster, f.request(l, 1, [idem(4, 2)]), ch, 11); // only the leader has it
    sim.runUntil(12);
    cluster.crashBroker(l, 12);
    sim.runUntil(512);
    expect(cluster.log(0).logEndOffset).toBe(4);
    deliverAt(sim, cluster, f.request(r1, 1, [idem(4, 2)]), ch, 513);
    deliverAt(sim, cluster, f.request(r1, 1, [idem(0, 4)]), ch, 514);
    sim.runUntil(520);
    expect(ch.responses.slice(2).map((r) => r.response.partitions[0])).toMatchObject([
      { error: 'NONE', baseOffset: 4 },
      { error: 'NONE', baseOffset: 0 },
    ]);
    expect(cluster.log(0).logEndOffset).toBe(6);
  });
});
