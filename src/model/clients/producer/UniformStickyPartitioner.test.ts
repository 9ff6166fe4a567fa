// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../cluster/ClusterView';
import { fakeClusterView } from '../../cluster/FakeClusterView';
import { Random } from '../../engine/Random';
import { partitionForKey } from './KeyPartitioning';
import { usesAbortOnNewBatch } from './Partitioner';
import { DefaultPartitioner, UniformStickyPartitioner } from './UniformStickyPartitioner';

function cluster(leaders: (number | null)[]): ClusterView {
  return fakeClusterView('t', leaders);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('UniformStickyPartitioner (KIP-480, removed in 4.0)', () => {
  it('sends keyed and null-key records to the same sticky partition until a new batch is needed', () => {
    const c = cluster([0, 1, 2, 0, 1, 2]);
    const usp = new UniformStickyPartitioner(new Random(1));
    expect(usesAbortOnNewBatch(usp)).toBe(true);
    const first = usp.partition('t', null, null, null, null, c);
    for (const key of ['a', 'b', 'user-1']) {
      expect(usp.partition('t', key, utf8(key), null, null, c)).toBe(first);
    }
    usp.onNewBatch('t', c, first);
    const second = usp.partition('t', 'a', utf8('a'), null, null, c);
    expect(second).not.toBe(first);
    // A late notification for the old partition changes nothing.
    usp.onNewBatch('t', c, first);
    expect(usp.partition('t', null, null, null, null, c)).toBe(second);
    expect(usp.explain('t', 'a', utf8('a'), c, second)).toBe(
      `UniformStickyPartitioner: key ignored; sticky partition ${second}, changes only when a new batch is ` +
        'needed for it (KIP-480), to a different random available partition',
    );
  });
});

describe('DefaultPartitioner (2.4–3.2 default, removed in 4.0)', () => {
  it('hashes keys over all partitions and keeps null keys on the sticky partition', () => {
    const c = cluster([0, null, 2, 0, 1, 2]);
    const dp = new DefaultPartitioner(new Random(2));
    for (const key of ['key', '', '0', 'user-123']) {
      expect(dp.partition('t', key, utf8(key), null, null, c)).toBe(partitionForKey(utf8(key), 6));
    }
    // "key" → 1067546281 % 6 = 1: a leaderless partition is still the key's partition.
    expect(dp.partition('t', 'key', utf8('key'), null, null, c)).toBe(1);
    const sticky = dp.partition('t', null, null, null, null, c);
    expect(sticky).not.toBe(1);
    expect(dp.partition('t', null, null, null, null, c)).toBe(sticky);
    expect(dp.explain('t', 'key', utf8('key'), c, 1)).toBe(
      'murmur2("key") = -1079937367 → toPositive = 1067546281 → % 6 = 1',
    );
    expect(dp.explain('t', null, null, c, sticky)).toContain(
      `null key → sticky partition ${sticky}`,
    );
  });

  it('moves the sticky partition only when the new batch is for the sticky partition', () => {
    const c = cluster([0, 1, 2, 0, 1, 2]);
    const dp = new DefaultPartitioner(new Random(3));
    const sticky = dp.partition('t', null, null, null, null, c);
    const keyed = dp.partition('t', 'user-123', utf8('user-123'), null, null, c);
    if (keyed !== sticky) {
      dp.onNewBatch('t', c, keyed);
      expect(dp.partition('t', null, null, null, null, c)).toBe(sticky);
    }
    dp.onNewBatch('t', c, sticky);
    expect(dp.partition('t', null, null, null, null, c)).not.toBe(sticky);
    expect(dp.stickyPartitionCache.switchCount).toBe(2);
  });
});
