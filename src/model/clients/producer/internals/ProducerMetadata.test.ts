// @vitest-environment node
/**
 * The producer's metadata cache, after Kafka's MetadataTest: refresh backoff (by failed attempts, exponential since
 * 3.7), metadata.max.age.ms, leader epochs never going backwards, and KIP-951 leader hints
 * (testUpdatePartitionLeadership).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/Simulation';
import { TestCluster } from './AccumulatorTestUtils';
import {
  type MetadataChannel,
  type MetadataResponseData,
  metadataResponseFrom,
  SimulatedMetadataChannel,
} from './MetadataChannel';
import { ProducerMetadata } from './ProducerMetadata';

const NO_JITTER = { nextDouble: () => 0.5 };
const CONFIG = { retryBackoffMs: 100, retryBackoffMaxMs: 1000, metadataMaxAgeMs: 300000 };

/** A channel the test answers: requests are recorded with their send time. */
class ScriptedChannel implements MetadataChannel {
  readonly sentAt: number[] = [];
  down = false;
  private pending: ((r: MetadataResponseData | null, nowMs: number) => void) | null = null;
  send(nowMs: number, cb: (r: MetadataResponseData | null, nowMs: number) => void): number | null {
    if (this.down) return null;
    this.sentAt.push(nowMs);
    this.pending = cb;
    return 0;
  }
  answer(r: MetadataResponseData | null, nowMs: number): void {
    const cb = this.pending;
    this.pending = null;
    cb?.(r, nowMs);
  }
}

function setup(leaders: (number | null)[] = [0, 0, 1]) {
  const sim = new Simulation(1);
  const truth = new TestCluster(leaders);
  const channel = new ScriptedChannel();
  const metadata = new ProducerMetadata(sim, CONFIG, channel, NO_JITTER, truth);
  return { sim, truth, channel, metadata };
}

describe('ProducerMetadata', () => {
  it('holds what it last fetched, not the cluster truth', () => {
    const { truth, metadata } = setup();
    truth.leaders[0] = 1;
    truth.leaderEpochs[0] = 1;
    expect(metadata.leaderOf(0)).toBe(0);
    expect(metadata.partitionInfo(0).leaderEpoch).toBe(0);
    expect(metadata.partitionsForNode(0)).toEqual([0, 1]);
    expect(metadata.availablePartitions()).toEqual([0, 1, 2]);
  });

  it('requestUpdate sends a request once retry.backoff.ms has passed since the last refresh', () => {
    const { sim, truth, channel, metadata } = setup();
    sim.runUntil(30);
    metadata.requestUpdate(30);
    sim.runUntil(99);
    expect(channel.sentAt).toEqual([]);
    sim.runUntil(100);
    expect(channel.sentAt).toEqual([100]);
    truth.leaders[0] = 1;
    truth.leaderEpochs[0] = 1;
    channel.answer(metadataResponseFrom(truth, 0), 101);
    expect(metadata.leaderOf(0)).toBe(1);
    expect(metadata.partitionsForNode(1)).toEqual([0, 2]);
    expect(metadata.updateRequested()).toBe(false);
  });

  it('failed requests back off exponentially: 100, 200, 400, 800, then 1000 ms (retry.backoff.max.ms)', () => {
    const { sim, channel, metadata } = setup();
    sim.runUntil(100);
    metadata.requestUpdate(100);
    for (let i = 0; i < 6; i++) {
      sim.runUntil(sim.nextEventTimeMs());
      const sent = channel.sentAt[channel.sentAt.length - 1];
      sim.runUntil(sent + 1);
      channel.answer(null, sent + 1);
    }
    expect(channel.sentAt).toEqual([100, 201, 402, 803, 1604, 2605]);
    expect(metadata.requestsFailed).toBe(6);
  });

  it('without any reachable broker, attempts keep failing with a growing backoff', () => {
    const { sim, channel, metadata } = setup();
    channel.down = true;
    sim.runUntil(100);
    metadata.requestUpdate(100);
    sim.runUntil(1000);
    expect(metadata.requestsFailed).toBe(4); // at 100, 200, 400, 800
    channel.down = false;
    sim.runUntil(1800);
    // The fourth failure (at 800) waits backoff(3) = 800 ms.
    expect(channel.sentAt).toEqual([1600]);
  });

  it('refreshes every metadata.max.age.ms without being asked', () => {
    const { sim, truth, channel } = setup();
    sim.runUntil(299_999);
    expect(channel.sentAt).toEqual([]);
    sim.runUntil(300_000);
    expect(channel.sentAt).toEqual([300_000]);
    channel.answer(metadataResponseFrom(truth, 0), 300_001);
    sim.runUntil(600_000);
    expect(channel.sentAt).toEqual([300_000]);
    sim.runUntil(600_001);
    expect(channel.sentAt).toEqual([300_000, 600_001]);
  });

  it('applies a leader hint at once when its epoch is newer, and ignores stale or unknown ones', () => {
    const { metadata } = setup();
    let updates = 0;
    metadata.onUpdate = () => updates++;
    expect(metadata.updatePartitionLeadership(0, 1, 0, 5)).toBe(false); // same epoch
    expect(metadata.updatePartitionLeadership(0, 7, 3, 5)).toBe(false); // unknown node
    expect(metadata.updatePartitionLeadership(0, 1, 2, 5)).toBe(true);
    expect(metadata.leaderOf(0)).toBe(1);
    expect(metadata.partitionInfo(0).leaderEpoch).toBe(2);
    expect(metadata.partitionsForNode(0)).toEqual([1]);
    expect(metadata.updatePartitionLeadership(0, 0, 1, 6)).toBe(false); // older
    expect(updates).toBe(1);
  });

  it('a response older than a hint does not take the partition back (leader epochs only go forward)', () => {
    const { sim, truth, channel, metadata } = setup();
    sim.runUntil(100);
    metadata.requestUpdate(100);
    sim.runUntil(100);
    metadata.updatePartitionLeadership(0, 1, 1, 100.5);
    channel.answer(metadataResponseFrom(truth, 0), 101); // truth still says leader 0, epoch 0
    expect(metadata.leaderOf(0)).toBe(1);
    expect(metadata.partitionInfo(0).leaderEpoch).toBe(1);
  });

  it('keeps asking while a partition has no leader', () => {
    const { sim, truth, channel, metadata } = setup([null, 0, 1]);
    sim.runUntil(100);
    metadata.requestUpdate(100);
    sim.runUntil(100);
    channel.answer(metadataResponseFrom(truth, 0), 101);
    expect(metadata.updateRequested()).toBe(true);
    expect(metadata.availablePartitions()).toEqual([1, 2]);
    // An answer equal to the last one: the equivalent-response backoff grows (100, 200 …).
    sim.runUntil(201);
    expect(channel.sentAt).toEqual([100, 201]);
    truth.leaders[0] = 1;
    truth.leaderEpochs[0] = 1;
    channel.answer(metadataResponseFrom(truth, 0), 202);
    expect(metadata.leaderOf(0)).toBe(1);
    expect(metadata.updateRequested()).toBe(false);
  });

  it('SimulatedMetadataChannel answers after a round trip with the truth at the broker, if reachable', () => {
    const sim = new Simulation(1);
    const truth = new TestCluster([0, 0, 1]);
    const reachable = new Set([0, 1]);
    const channel = new SimulatedMetadataChannel(sim, truth, {
      latencyMs: 1,
      brokerCostMs: 0.5,
      reachable: (node) => reachable.has(node),
    });
    const answers: [MetadataResponseData | null, number][] = [];
    reachable.delete(0);
    expect(channel.send(0, (r, t) => answers.push([r, t]))).toBe(1);
    sim.at(1.2, () => {
      truth.leaders[0] = 1;
      truth.leaderEpochs[0] = 1;
    });
    sim.runUntil(10);
    expect(answers.length).toBe(1);
    expect(answers[0][1]).toBe(2.5);
    expect(answers[0][0]?.partitions[0].leader).toBe(1);
    // The broker becomes unreachable before it answers: the request fails.
    channel.send(10, (r, t) => answers.push([r, t]));
    reachable.delete(1);
    sim.runUntil(20);
    expect(answers[1]).toEqual([null, 12.5]);
    reachable.clear();
    expect(channel.send(20, () => {})).toBeNull();
  });
});
