// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  deliverAt,
  makeCluster,
  RequestFactory,
  StubChannel,
  TEST_COST_MODEL,
} from './ClusterTestKit';
import { brokerAppendCostMs } from './CostModel';

const cost = (bytes: number) => brokerAppendCostMs(TEST_COST_MODEL, bytes);

describe('SimCluster faults: crash, election, truncation', () => {
  it('a crashed leader is replaced after the election delay by the first live ISR replica, epoch bumped', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const [l, r1, r2] = cluster.partitionInfo(0).replicas;
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(l, -1, [{ partition: 0, records: 5 }]), ch, 0);
    sim.runUntil(10);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    const v0 = cluster.metadataVersion;
    cluster.crashBroker(l, 10);
    expect(cluster.broker(l).alive).toBe(false);
    sim.runUntil(509.99);
    expect(cluster.leaderOf(0)).toBe(l); // the controller has not fenced it yet
    expect(cluster.metadataVersion).toBe(v0);
    sim.runUntil(510);
    expect(cluster.partitionInfo(0)).toMatchObject({ leader: r1, leaderEpoch: 1, isr: [r1, r2] });
    expect(cluster.metadataVersion).toBeGreaterThan(v0);
    expect(cluster.partitionsForNode(r1)).toEqual([0]);
    expect(cluster.partitionsForNode(l)).toEqual([]);
    expect(cluster.controllerState.elections).toEqual([
      { atMs: 510, partition: 0, leader: r1, leaderEpoch: 1, unclean: false, truncatedRecords: 0 },
    ]);
    // A follower answers NOT_LEADER_OR_FOLLOWER with the new leader (KIP-951); the new leader continues the log.
    deliverAt(sim, cluster, f.request(r2, -1, [{ partition: 0, records: 2 }]), ch, 511);
    deliverAt(sim, cluster, f.request(r1, -1, [{ partition: 0, records: 3 }]), ch, 511);
    sim.runUntil(520);
    expect(ch.responses[1].response.partitions[0]).toEqual({
      partition: 0,
      error: 'NOT_LEADER_OR_FOLLOWER',
      baseOffset: -1,
      logAppendTimeMs: -1,
      currentLeader: { leaderId: r1, leaderEpoch: 1 },
    });
    expect(ch.responses[2].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 5 });
    expect(cluster.committedRecordIds(0).length).toBe(8);
    // The old leader comes back as a follower, catches up and rejoins the ISR; leadership stays.
    cluster.restartBroker(l, 600);
    sim.runUntil(610);
    expect(cluster.partitionInfo(0)).toMatchObject({
      leader: r1,
      leaderEpoch: 1,
      isr: [l, r1, r2],
    });
    expect(cluster.partition(0).replicaLeo).toEqual([8, 8, 8]);
  });

  it('acks=1 records only the old leader had vanish when a lagging ISR follower takes over', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const [l, r1, r2] = cluster.partitionInfo(0).replicas;
    cluster.stallFollower(r1, 0);
    cluster.stallFollower(r2, 0);
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(l, 1, [{ partition: 0, records: 10 }]), ch, 1);
    sim.runUntil(5);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(cluster.committedRecordIds(0).length).toBe(0); // HW 0: followers never fetched
    cluster.crashBroker(l, 5);
    sim.runUntil(505);
    expect(cluster.controllerState.elections[0]).toMatchObject({
      leader: r1,
      truncatedRecords: 10,
    });
    const p = cluster.partition(0);
    expect(p.log.logEndOffset).toBe(0);
    expect(p.log.recordsTruncated).toBe(10);
    expect(p.replicaLeo).toEqual([0, 0, 0]);
    cluster.resumeBroker(r2, 505);
    deliverAt(sim, cluster, f.request(r1, 1, [{ partition: 0, records: 2 }]), ch, 506);
    sim.runUntil(510);
    // Fresh offsets from the cut on; the old leader returns empty and copies the new log.
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    cluster.restartBroker(l, 600);
    sim.runUntil(610);
    expect(Array.from(p.log.recordIds())).toEqual([10, 11]);
    expect(p.replicaLeo[p.replicaIndexOf(l)]).toBe(2);
  });

  it('a restarted follower truncates to the high watermark it knew, then fetches and rejoins the ISR', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 1, replicationFactor: 3 });
    const [l, r1] = cluster.partitionInfo(0).replicas;
    const f = new RequestFactory();
    deliverAt(
      sim,
      cluster,
      f.request(l, 1, [{ partition: 0, records: 10 }]),
      new StubChannel(1),
      0,
    );
    sim.runUntil(100);
    const p = cluster.partition(0);
    const i = p.replicaIndexOf(r1);
    // The follower has the data but learns the new HW only in its next (long-polled) fetch response.
    expect(p.replicaLeo[i]).toBe(10);
    expect(p.replicaHw[i]).toBe(0);
    cluster.crashBroker(r1, 100);
    sim.runUntil(600);
    expect(p.isr).toEqual(p.replicas.filter((b) => b !== r1)); // fenced
    cluster.restartBroker(r1, 700);
    expect(p.replicaLeo[i]).toBe(0);
    sim.runUntil(710);
    expect(p.replicaLeo[i]).toBe(10);
    expect(p.isr).toEqual(p.replicas);
  });

  it('without unclean election a partition with no live ISR replica has no leader until one returns', () => {
    const { sim, cluster } = makeCluster({
      brokers: 2,
      partitions: 1,
      replicationFactor: 2,
      replicaLagTimeMaxMs: 1000,
    });
    const [a, b] = cluster.partitionInfo(0).replicas;
    cluster.stallFollower(b, 0);
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(a, 1, [{ partition: 0, records: 10 }]), ch, 1);
    sim.runUntil(1499);
    expect(cluster.partition(0).isr).toEqual([a, b]);
    sim.runUntil(1500); // checked every 500 ms; out of sync once 1000 ms have passed since it was caught up
    expect(cluster.partition(0).isr).toEqual([a]);
    expect(cluster.partition(0).highWatermark).toBe(10);
    cluster.crashBroker(a, 2000);
    sim.runUntil(2500);
    expect(cluster.partitionInfo(0)).toMatchObject({ leader: null, leaderEpoch: 1, isr: [a] });
    expect(cluster.availablePartitions()).toEqual([]);
    deliverAt(sim, cluster, f.request(b, 1, [{ partition: 0, records: 1 }]), ch, 2501);
    sim.runUntil(2510);
    const resp = ch.responses[1].response.partitions[0];
    expect(resp.error).toBe('NOT_LEADER_OR_FOLLOWER');
    expect(resp.currentLeader).toBeUndefined();
    cluster.restartBroker(a, 3000);
    expect(cluster.partitionInfo(0)).toMatchObject({ leader: a, leaderEpoch: 2 });
    expect(cluster.committedRecordIds(0).length).toBe(10); // nothing lost
  });

  it('unclean.leader.election.enable lets the out-of-sync replica lead: committed records are lost', () => {
    const { sim, cluster } = makeCluster({
      brokers: 2,
      partitions: 1,
      replicationFactor: 2,
      replicaLagTimeMaxMs: 1000,
      uncleanLeaderElectionEnable: true,
    });
    const [a, b] = cluster.partitionInfo(0).replicas;
    cluster.stallFollower(b, 0);
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(a, 1, [{ partition: 0, records: 10 }]), ch, 1);
    sim.runUntil(1600);
    expect(cluster.committedRecordIds(0).length).toBe(10);
    cluster.crashBroker(a, 2000);
    sim.runUntil(2500);
    expect(cluster.partitionInfo(0)).toMatchObject({ leader: b, leaderEpoch: 1, isr: [b] });
    expect(cluster.controllerState.elections[0]).toMatchObject({
      unclean: true,
      truncatedRecords: 10,
    });
    expect(cluster.committedRecordIds(0).length).toBe(0);
    deliverAt(sim, cluster, f.request(b, 1, [{ partition: 0, records: 3 }]), ch, 2501);
    sim.runUntil(2510);
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    cluster.restartBroker(a, 3000);
    sim.runUntil(3010);
    const p = cluster.partition(0);
    expect(p.isr).toEqual([a, b]);
    expect(p.replicaLeo).toEqual([3, 3]);
    expect(Array.from(cluster.committedRecordIds(0))).toEqual([10, 11, 12]);
  });
});

describe('SimCluster faults: ISR and min.insync.replicas', () => {
  it('shrinks the ISR after replica.lag.time.max.ms and expands it once the follower reaches the HW', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      replicaLagTimeMaxMs: 1000,
    });
    const [l, r1, r2] = cluster.partitionInfo(0).replicas;
    cluster.stallFollower(r2, 0);
    deliverAt(
      sim,
      cluster,
      new RequestFactory().request(l, 1, [{ partition: 0, records: 4 }]),
      new StubChannel(1),
      1,
    );
    sim.runUntil(1499);
    const p = cluster.partition(0);
    expect(p.isr).toHaveLength(3);
    expect(p.highWatermark).toBe(0); // held back by the stalled ISR member
    const v = cluster.metadataVersion;
    sim.runUntil(1500);
    expect(p.isr).toEqual([l, r1]);
    expect(p.partitionEpoch).toBe(1);
    expect(p.leaderEpoch).toBe(0); // an ISR change is no leader change
    expect(p.highWatermark).toBe(4);
    expect(cluster.metadataVersion).toBe(v + 1);
    cluster.resumeBroker(r2, 2000);
    sim.runUntil(2010);
    expect(p.isr).toEqual([l, r1, r2]);
    expect(p.partitionEpoch).toBe(2);
    // A stalled follower that is fully caught up in a quiet partition stays in sync.
    cluster.stallFollower(r1, 3000);
    sim.runUntil(6000);
    expect(p.isr).toEqual([l, r1, r2]);
  });

  it('acks=all waits for a crashed follower until it is fenced, then completes with the smaller ISR', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const [l, , r2] = cluster.partitionInfo(0).replicas;
    cluster.crashBroker(r2, 0);
    const ch = new StubChannel(1);
    deliverAt(
      sim,
      cluster,
      new RequestFactory().request(l, -1, [{ partition: 0, records: 2 }]),
      ch,
      1,
    );
    sim.runUntil(499);
    expect(ch.responses).toHaveLength(0);
    sim.runUntil(501);
    expect(ch.responses).toHaveLength(1);
    expect(ch.responses[0].atMs).toBe(500);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
  });

  it('RF 3, min.insync.replicas=2, two brokers down: acks=all gets NOT_ENOUGH_REPLICAS, acks=1 appends', () => {
    const { sim, cluster } = makeCluster({
      brokers: 3,
      partitions: 1,
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    const [l, r1, r2] = cluster.partitionInfo(0).replicas;
    cluster.crashBroker(l, 0);
    cluster.crashBroker(r1, 0);
    sim.runUntil(500);
    expect(cluster.partitionInfo(0)).toMatchObject({ leader: r2, isr: [r2] });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    deliverAt(sim, cluster, f.request(r2, -1, [{ partition: 0, records: 2 }]), ch, 501);
    deliverAt(sim, cluster, f.request(r2, 1, [{ partition: 0, records: 3 }]), ch, 501);
    sim.runUntil(510);
    expect(ch.responses[0].response.partitions[0]).toMatchObject({
      error: 'NOT_ENOUGH_REPLICAS',
      baseOffset: -1,
    });
    expect(ch.responses[1].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(cluster.log(0).logEndOffset).toBe(3);
    // With one replica left the HW does not advance under min ISR (3.7+).
    expect(cluster.partition(0).highWatermark).toBe(0);
  });
});

describe('SimCluster faults: slow brokers, injected errors, dropped responses', () => {
  it('a slow broker pays the extra time per partition append until resumed', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 2, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    cluster.slowBroker(0, 5, 0);
    const two = [
      { partition: 0, records: 1, size: 100 },
      { partition: 1, records: 1, size: 100 },
    ];
    deliverAt(sim, cluster, f.request(0, 1, two), ch, 0);
    sim.runUntil(20);
    expect(ch.responses[0].atMs).toBeCloseTo(2 * cost(100) + 10, 9);
    cluster.resumeBroker(0, 20);
    deliverAt(sim, cluster, f.request(0, 1, two), ch, 20);
    sim.runUntil(40);
    expect(ch.responses[1].atMs).toBeCloseTo(20 + 2 * cost(100), 9);
    expect(cluster.brokerReports()[0]).toMatchObject({ slowExtraMs: 0, alive: true });
  });

  it('injected errors answer the next n produce responses of the partition, appending nothing', () => {
    const { sim, cluster } = makeCluster({ brokers: 3, partitions: 2, replicationFactor: 3 });
    const l = cluster.leaderOf(0)!;
    const f = new RequestFactory();
    cluster.injectErrors(0, 'NOT_LEADER_OR_FOLLOWER', 2, 0);
    cluster.injectErrors(0, 'KAFKA_STORAGE_ERROR', 1, 0);
    const chans = [0, 1, 2, 3].map((i) => new StubChannel(10 + i));
    chans.forEach((ch, i) => {
      deliverAt(sim, cluster, f.request(l, 1, [{ partition: 0, records: 1 }]), ch, i);
    });
    // Another partition is not affected.
    const other = new StubChannel(20);
    deliverAt(
      sim,
      cluster,
      f.request(cluster.leaderOf(1)!, 1, [{ partition: 1, records: 1 }]),
      other,
      0,
    );
    sim.runUntil(10);
    const answers = chans.map((ch) => ch.responses[0].response.partitions[0]);
    expect(answers.map((a) => a.error)).toEqual([
      'NOT_LEADER_OR_FOLLOWER',
      'NOT_LEADER_OR_FOLLOWER',
      'KAFKA_STORAGE_ERROR',
      'NONE',
    ]);
    // Even an injected NOT_LEADER_OR_FOLLOWER names the current leader.
    expect(answers[0].currentLeader).toEqual({ leaderId: l, leaderEpoch: 0 });
    expect(answers[2].currentLeader).toBeUndefined();
    expect(answers[3].baseOffset).toBe(0);
    expect(cluster.log(0).logEndOffset).toBe(1);
    expect(other.responses[0].response.partitions[0].error).toBe('NONE');
  });

  it('dropped responses: the broker appends, the next n responses are lost on their connection', () => {
    const { sim, cluster } = makeCluster({ brokers: 1, partitions: 1, replicationFactor: 1 });
    const f = new RequestFactory();
    const ch = new StubChannel(1);
    const other = new StubChannel(2);
    cluster.dropResponses(0, 1, 0);
    deliverAt(sim, cluster, f.request(0, 1, [{ partition: 0, records: 2 }]), ch, 0);
    deliverAt(sim, cluster, f.request(0, 1, [{ partition: 0, records: 3 }]), other, 1);
    sim.runUntil(10);
    expect(ch.responses).toHaveLength(0);
    expect(ch.lost[0].response.partitions[0]).toMatchObject({ error: 'NONE', baseOffset: 0 });
    expect(other.responses[0].response.partitions[0]).toMatchObject({ baseOffset: 2 });
    expect(cluster.log(0).logEndOffset).toBe(5);
    expect(cluster.brokerReports()[0].responsesDropped).toBe(1);
  });

  it('rejects faults on brokers or partitions that do not exist', () => {
    const { cluster } = makeCluster({ brokers: 3, partitions: 2, replicationFactor: 3 });
    expect(() => cluster.crashBroker(3, 0)).toThrow(RangeError);
    expect(() => cluster.injectErrors(2, 'CORRUPT_MESSAGE', 1, 0)).toThrow(RangeError);
  });
});
