// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../../cluster/ClusterView';
import { fakeClusterView } from '../../../cluster/FakeClusterView';
import { Random } from '../../../engine/Random';
import { StickyPartitionCache } from './StickyPartitionCache';

/** A one-topic cluster; `leaders[p]` null = partition p has no leader. */
function cluster(topic: string, leaders: (number | null)[]): ClusterView {
  return fakeClusterView(topic, leaders);
}

describe('StickyPartitionCache', () => {
  it('sticks per topic, changes on a new batch for the sticky partition, ignores stale notifications', () => {
    const a = cluster('topicA', [0, 1, 2]);
    const b = cluster('topicB', [0]);
    const cache = new StickyPartitionCache(new Random(1));

    const partA = cache.partition('topicA', a);
    expect(cache.partition('topicA', a)).toBe(partA);
    const partB = cache.partition('topicB', b);
    expect(cache.partition('topicB', b)).toBe(partB);

    const changedPartA = cache.nextPartition('topicA', a, partA);
    expect(changedPartA).not.toBe(partA);
    expect(cache.partition('topicA', a)).toBe(changedPartA);
    // partA is no longer the sticky one: a late notification for it changes nothing.
    expect(cache.nextPartition('topicA', a, partA)).toBe(changedPartA);
    expect(cache.partition('topicA', a)).toBe(changedPartA);
    // One partition: switching still works and keeps it.
    expect(cache.nextPartition('topicB', b, partB)).toBe(0);
  });

  it('never picks a leaderless partition; one available → always it; none available → any partition', () => {
    const a = cluster('topicA', [0, null, 2]);
    const cache = new StickyPartitionCache(new Random(2));
    let partA = cache.partition('topicA', a);
    expect(partA).not.toBe(1);
    for (let i = 0; i < 100; i++) {
      partA = cache.nextPartition('topicA', a, partA);
      expect(cache.partition('topicA', a)).not.toBe(1);
    }

    const b = cluster('topicB', [null, 0]);
    let partB = cache.partition('topicB', b);
    expect(partB).toBe(1);
    for (let i = 0; i < 100; i++) {
      partB = cache.nextPartition('topicB', b, partB);
      expect(cache.partition('topicB', b)).toBe(1);
    }

    const c = cluster('topicC', [null]);
    expect(cache.partition('topicC', c)).toBe(0);
    expect(cache.nextPartition('topicC', c, 0)).toBe(0);
  });

  it('guarantees a different partition when at least two are available, and reaches all of them', () => {
    const six = cluster('t', [0, 1, 2, 0, 1, 2]);
    const cache = new StickyPartitionCache(new Random(3));
    let part = cache.partition('t', six);
    const seen = new Set<number>([part]);
    for (let i = 0; i < 1000; i++) {
      const next = cache.nextPartition('t', six, part);
      expect(next).not.toBe(part);
      seen.add(next);
      part = next;
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cache.switchCount).toBe(1001);
  });

  it('with no leader anywhere may pick the same partition again (no exclusion)', () => {
    const none = cluster('t', [null, null]);
    const cache = new StickyPartitionCache(new Random(4));
    let part = cache.partition('t', none);
    let repeats = 0;
    for (let i = 0; i < 200; i++) {
      const next = cache.nextPartition('t', none, part);
      if (next === part) repeats++;
      part = next;
    }
    expect(repeats).toBeGreaterThan(0);
  });
});
