// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../engine/Random';
import { placeReplicas } from './StripedReplicaPlacer';

/** A Random whose bounded draws return scripted values (like Kafka's MockRandom in the placer tests). */
function scripted(values: number[]): Random {
  const r = new Random(0);
  let i = 0;
  r.nextIntBelow = (n: number) => (values[i++] ?? 0) % n;
  return r;
}

describe('placeReplicas (StripedReplicaPlacer, no racks)', () => {
  it('stripes: each partition starts one broker further, replicas are consecutive (sorted ids)', () => {
    // As StripedReplicaPlacerTest.testAvoidFencedReplicaIfPossibleOnSingleRack (unfenced 0,2,3,4, offset 2).
    const placed = placeReplicas([3, 0, 4, 2], 4, 4, scripted([2]));
    expect(placed).toEqual([
      [3, 4, 0, 2],
      [4, 0, 2, 3],
      [0, 2, 3, 4],
      [2, 3, 4, 0],
    ]);
  });

  it('rejects bad replication factors with Kafka wording', () => {
    const r = new Random(1);
    expect(() => placeReplicas([0, 1], 3, 0, r)).toThrow(/must be positive/);
    expect(() => placeReplicas([0, 1], 3, -1, r)).toThrow(/must be positive/);
    expect(() => placeReplicas([0, 1], 3, 3, r)).toThrow(
      'The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.',
    );
  });

  it('places every replica on a different broker', () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const replicas of placeReplicas([0, 1, 2, 3, 4], 37, 3, new Random(seed))) {
        expect(new Set(replicas).size).toBe(3);
      }
    }
  });

  it('spreads leaders and replicas evenly', () => {
    for (let seed = 0; seed < 20; seed++) {
      // 12 partitions on 3 brokers: every stripe of 3 partitions has 3 distinct leaders.
      const placed = placeReplicas([0, 1, 2], 12, 2, new Random(seed));
      const leaders = [0, 0, 0];
      const replicas = [0, 0, 0];
      for (const r of placed) {
        leaders[r[0]]++;
        for (const b of r) replicas[b]++;
      }
      expect(leaders).toEqual([4, 4, 4]);
      expect(replicas).toEqual([8, 8, 8]);
      // 7 partitions on 3 brokers: leader counts differ by at most one.
      const odd = placeReplicas([0, 1, 2], 7, 3, new Random(seed)).map((r) => r[0]);
      const counts = [0, 1, 2].map((b) => odd.filter((l) => l === b).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('depends only on the seed', () => {
    expect(placeReplicas([0, 1, 2, 3], 16, 3, new Random(9))).toEqual(
      placeReplicas([0, 1, 2, 3], 16, 3, new Random(9)),
    );
  });
});
