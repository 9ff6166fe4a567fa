// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../cluster/ClusterView';
import { fakeClusterView } from '../../cluster/FakeClusterView';
import { type Partitioner, usesAbortOnNewBatch } from './Partitioner';
import { RoundRobinPartitioner } from './RoundRobinPartitioner';

function cluster(topic: string, leaders: (number | null)[]): ClusterView {
  return fakeClusterView(topic, leaders);
}

function counts(partitions: number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const p of partitions) out[p]++;
  return out;
}

/**
 * The 3.x KafkaProducer flow for custom partitioners (removed in 4.0 by KAFKA-18295): partition(); if the
 * append would need a new batch, onNewBatch() (a no-op default for RoundRobinPartitioner) and partition() again.
 * Batches here stay open (long linger), so only a partition's first record needs a new batch.
 */
function send3x(p: Partitioner, c: ClusterView, openBatch: boolean[]): number {
  let partition = p.partition(c.topic, null, null, null, null, c);
  if (!openBatch[partition]) {
    p.onNewBatch?.(c.topic, c, partition);
    partition = p.partition(c.topic, null, null, null, null, c);
    openBatch[partition] = true;
  }
  return partition;
}

describe('RoundRobinPartitioner', () => {
  it('only picks available partitions, evenly', () => {
    const c = cluster('test', [0, null, 1]);
    const rr = new RoundRobinPartitioner();
    const picked = Array.from({ length: 100 }, () =>
      rr.partition('test', null, null, null, null, c),
    );
    expect(counts(picked, 3)).toEqual([50, 0, 50]);
  });

  it('ignores keys and keeps one counter per topic', () => {
    const a = cluster('topicA', [0, 1, 2]);
    const b = cluster('topicB', [0]);
    const rr = new RoundRobinPartitioner();
    const key = new TextEncoder().encode('key');
    const picked: number[] = [];
    for (let i = 0; i < 30; i++) {
      picked.push(rr.partition('topicA', 'key', key, null, null, a));
      if (i % 5 === 0) rr.partition('topicB', 'key', key, null, null, b);
    }
    expect(counts(picked, 3)).toEqual([10, 10, 10]);
    expect(picked.slice(0, 4)).toEqual([0, 1, 2, 0]);
  });

  it('falls back to all partitions when none has a leader', () => {
    const c = cluster('t', [null, null, null, null]);
    const rr = new RoundRobinPartitioner();
    expect(Array.from({ length: 5 }, () => rr.partition('t', null, null, null, null, c))).toEqual([
      0, 1, 2, 3, 0,
    ]);
    expect(rr.explain('t', null, null, c, 0)).toBe(
      'round robin: counter 4 → toPositive % 4 = 0 = partition 0 (over all 4 partitions (none has a leader); key ignored)',
    );
  });

  it('4.x: called once per record, it reaches every partition of an even count evenly', () => {
    const c = cluster('t', [0, 1, 2, 0]);
    const rr = new RoundRobinPartitioner();
    expect(usesAbortOnNewBatch(rr)).toBe(false);
    const picked = Array.from({ length: 40 }, () => rr.partition('t', null, null, null, null, c));
    expect(counts(picked, 4)).toEqual([10, 10, 10, 10]);
  });

  it('3.x double call on new batches (KAFKA-16283): only half of an even partition count gets data', () => {
    const even = cluster('t', [0, 1, 2, 0]);
    const rr = new RoundRobinPartitioner();
    const open = [false, false, false, false];
    const picked = Array.from({ length: 40 }, () => send3x(rr, even, open));
    expect(counts(picked, 4)).toEqual([0, 20, 0, 20]);
  });

  it('wraps its int counter like AtomicInteger and stays non-negative through toPositive', () => {
    const c = cluster('t', [0, 1, 2]);
    const rr = new RoundRobinPartitioner();
    (rr as unknown as { topicCounterMap: Map<string, number> }).topicCounterMap.set(
      't',
      2147483647,
    );
    expect(rr.partition('t', null, null, null, null, c)).toBe(2147483647 % 3);
    // -2147483648 & 0x7fffffff = 0
    expect(rr.partition('t', null, null, null, null, c)).toBe(0);
    expect(rr.explain('t', null, null, c, 0)).toBe(
      'round robin: counter -2147483648 → toPositive % 3 = 0 → available[0] = partition 0 (over 3 available partitions; key ignored)',
    );
  });
});
