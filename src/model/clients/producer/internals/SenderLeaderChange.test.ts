// @vitest-environment node
/**
 * The Sender over the producer's metadata cache when leaders move (after Kafka's SenderTest KIP-951 tests,
 * testProducerBatchRetriesWhenPartitionLeaderChanges, and the disconnect handling of NetworkClient): a
 * NOT_LEADER_OR_FOLLOWER with a leader hint sends the retry to the new leader at once; without a hint the retry
 * waits for a metadata refresh; a dropped connection fails in-flight batches with NETWORK_EXCEPTION and they are
 * retried to the leader the refreshed metadata names; a dropped idle connection asks for the refresh too.
 */
import { describe, expect, it } from 'vitest';
import { SenderHarness } from './SenderTestKit';

/** Partition 0 moves from node 0 to node 1 (epoch 1) in the cluster's truth. */
function moveLeader(h: SenderHarness): void {
  h.cluster.leaders[0] = 1;
  h.cluster.leaderEpochs[0] = 1;
}

describe('Sender: leader changes (KIP-951, metadata refresh)', () => {
  it('NOT_LEADER_OR_FOLLOWER with a hint: the retry goes to the new leader at once, no backoff', () => {
    const h = new SenderHarness({ metadataCache: true, idempotent: true });
    h.initProducerId(7, 0, 0);
    const r = h.append(0, 0);
    h.run(0);
    const first = h.client.head();
    expect(first.node).toBe(0);
    moveLeader(h);
    h.client.respond(first, 'NOT_LEADER_OR_FOLLOWER', 10, {
      currentLeader: { leaderId: 1, leaderEpoch: 1 },
    });
    expect(h.leaderHints).toEqual([[0, 1, 1]]);
    expect(h.metadata?.leaderOf(0)).toBe(1);
    expect(h.metadataUpdates).toContain('invalid-metadata-error');
    h.run(10);
    const retry = h.client.head();
    expect(retry.node).toBe(1);
    expect(retry.createdMs).toBe(10); // retry.backoff.ms (100) skipped
    // The retried batch keeps its producer id, epoch and sequence.
    expect(retry.batches[0].producerId).toBe(7);
    expect(retry.batches[0].baseSequence).toBe(0);
    h.client.respond(retry, 'NONE', 11);
    expect(r.status).toBe('acked');
    expect(h.acc.getDeque(0)?.length ?? 0).toBe(0);
  });

  it('without a hint the retry waits: the refreshed metadata names the new leader, and the retry follows it', () => {
    const h = new SenderHarness({ metadataCache: true, metadataLatencyMs: 1 });
    const r = h.append(0, 0);
    h.run(0);
    moveLeader(h);
    h.client.respond(h.client.head(), 'NOT_LEADER_OR_FOLLOWER', 10);
    expect(h.metadata?.leaderOf(0)).toBe(0);
    // The metadata request goes at 100 (retry.backoff.ms since the last refresh at 0), answered at 102.
    h.sim.runUntil(101);
    expect(h.metadata?.leaderOf(0)).toBe(0);
    h.sim.runUntil(102);
    expect(h.metadata?.leaderOf(0)).toBe(1);
    // Only 92 ms of the 100 ms backoff have passed, but the leader changed: send now.
    h.run(102);
    const retry = h.client.head();
    expect(retry.node).toBe(1);
    h.client.respond(retry, 'NONE', 103);
    expect(r.status).toBe('acked');
  });

  it('a retry to the same leader waits retry.backoff.ms', () => {
    const h = new SenderHarness({ metadataCache: true });
    h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'NOT_LEADER_OR_FOLLOWER', 10);
    h.sim.runUntil(200); // the refresh answers with the same leader
    h.run(105);
    expect(h.client.outstanding.length).toBe(0);
    h.run(110);
    expect(h.client.head().node).toBe(0);
  });

  it('records for a partition without a known leader wait, and a refresh that finds one sends them', () => {
    const h = new SenderHarness({ metadataCache: true, leaders: [null, 0, 1] });
    const r = h.append(0, 0);
    h.run(0);
    expect(h.client.sent.length).toBe(0);
    expect(h.metadataUpdates).toEqual(['unknown-leader']);
    h.cluster.leaders[0] = 1;
    h.cluster.leaderEpochs[0] = 1;
    h.sim.runUntil(102);
    expect(h.metadata?.leaderOf(0)).toBe(1);
    h.run(102);
    h.client.respond(h.client.head(), 'NONE', 103);
    expect(r.status).toBe('acked');
  });

  it('a crashed leader: in-flight batches fail with NETWORK_EXCEPTION, are retried to the new leader', () => {
    const h = new SenderHarness({ metadataCache: true, idempotent: true });
    h.initProducerId(3, 0, 0);
    const a = h.append(0, 0);
    const b = h.append(1, 0);
    h.run(0);
    expect(h.client.head().batches.length).toBe(2);
    moveLeader(h);
    h.cluster.leaders[1] = 1;
    h.cluster.leaderEpochs[1] = 1;
    h.client.disconnect(0, 20);
    expect(h.metadataUpdates).toContain('disconnect');
    expect(a.status).toBe('pending');
    h.sim.runUntil(102);
    h.run(102);
    const retry = h.client.head();
    expect(retry.node).toBe(1);
    expect(retry.batches.map((x) => [x.partition, x.baseSequence])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    h.client.respond(retry, 'NONE', 103);
    expect([a.status, b.status]).toEqual(['acked', 'acked']);
  });

  it('an idle connection drops: the disconnect alone asks for fresh metadata, and queued batches follow it', () => {
    const h = new SenderHarness({ metadataCache: true, lingerMs: 50 });
    const r = h.append(0, 0);
    h.run(0);
    expect(h.client.sent.length).toBe(0); // lingering: nothing in flight
    moveLeader(h);
    h.client.disconnect(0, 20);
    expect(h.metadataUpdates).toEqual(['disconnect']);
    // retry.backoff.ms (100) after the bootstrap at 0; the answer arrives 2 ms later.
    h.sim.runUntil(102);
    expect(h.metadata?.leaderOf(0)).toBe(1);
    h.run(102);
    expect(h.client.head().node).toBe(1);
    h.client.respond(h.client.head(), 'NONE', 103);
    expect(r.status).toBe('acked');
  });

  it('a request timeout (REQUEST_TIMED_OUT) also asks for fresh metadata and retries', () => {
    const h = new SenderHarness({ metadataCache: true });
    const r = h.append(2, 0);
    h.run(0);
    h.client.timeOut(1, 30000);
    expect(h.metadataUpdates).toEqual(['disconnect']);
    h.run(30100);
    h.client.respond(h.client.head(), 'NONE', 30101);
    expect(r.status).toBe('acked');
  });
});
