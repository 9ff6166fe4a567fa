// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BatchView } from '../../../model/run/RunSnapshot';
import { computeLayout } from '../../diagram/layout';
import { batchBoxWidth, DEQUE_SLOTS, dequeArea, forEachBatchBox } from './dequeGeometry';

// Geometry only reads writeLimit; the rest of a BatchView does not matter here.
const batch = (id: number, writeLimit: number) => ({ id, writeLimit }) as BatchView;

describe('dequeGeometry', () => {
  const layout = computeLayout(1280, 600, 6, 3);
  const area = dequeArea(layout);

  it('lies inside the accumulator stage', () => {
    expect(area.x0).toBeGreaterThan(layout.stages.accumulator.x0);
    expect(area.x1).toBeLessThan(layout.stages.accumulator.x1);
  });

  it('draws batch boxes to scale: a buffer twice batch.size is twice as wide', () => {
    const one = batchBoxWidth(area, 16384, 16384);
    const two = batchBoxWidth(area, 32768, 16384);
    expect(one).toBeCloseTo((area.x1 - area.x0) / DEQUE_SLOTS - 3);
    expect(two + 3).toBeCloseTo(2 * (one + 3));
  });

  it('puts the head at the right and the newer batches to its left, counting those that do not fit', () => {
    const seen: [number, number, number][] = [];
    const batches = [1, 2, 3, 4, 5, 6].map((id) => batch(id, 16384));
    const hidden = forEachBatchBox(area, batches, 16384, (b, x0, x1) => seen.push([b.id, x0, x1]));
    expect(seen[0][0]).toBe(1);
    expect(seen[0][2]).toBe(area.x1);
    for (let i = 1; i < seen.length; i++) expect(seen[i][2]).toBeLessThan(seen[i - 1][1]);
    expect(seen.length).toBe(DEQUE_SLOTS);
    expect(hidden).toBe(6 - DEQUE_SLOTS);
    expect(seen.every(([, x0]) => x0 >= area.x0)).toBe(true);
  });
});
