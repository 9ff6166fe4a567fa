// @vitest-environment node
/**
 * The canvas hit test on marks placed from a model snapshot: it picks the nearest mark within the radius (the one
 * painted on top when two coincide), nothing beyond it.
 */
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { computeLayout } from '../diagram/layout';
import { MarkField } from '../diagram/markField';
import { MarkTargets } from '../diagram/markTargets';
import { MARK_HIT_PX } from './diagramClick';
import { nearestMark } from './markHit';

function placedField() {
  const run = new ProducerRun(decodeScenario('keys=20&linger.ms=50').scenario);
  const builder = new SnapshotBuilder(run);
  run.advanceTo(40);
  const s = builder.build();
  const layout = computeLayout(1280, 600, s.settings.partitions, s.settings.brokers);
  const targets = new MarkTargets(layout);
  targets.reset(layout, s.accumulator, s.settings.batchSize);
  const field = new MarkField();
  field.update(s.marks, targets, 'partition');
  field.step(16, true);
  return field;
}

describe('nearestMark', () => {
  it('picks each mark at its own position, and the nearest one a few px away', () => {
    const field = placedField();
    expect(field.count).toBeGreaterThan(10);
    for (let i = 0; i < field.count; i++) {
      const slot = nearestMark(field, field.x[i], field.y[i], MARK_HIT_PX);
      // Marks may share a point; then the later slot (painted on top) wins.
      expect(field.x[slot]).toBe(field.x[i]);
      expect(field.y[slot]).toBe(field.y[i]);
      expect(slot).toBeGreaterThanOrEqual(i);
    }
    const px = field.x[0] + 3;
    const py = field.y[0] - 2;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let i = 0; i < field.count; i++) {
      const d = Math.hypot(field.x[i] - px, field.y[i] - py);
      if (d < bestD) [best, bestD] = [i, d];
    }
    expect(bestD).toBeLessThanOrEqual(MARK_HIT_PX);
    expect(nearestMark(field, px, py, MARK_HIT_PX)).toBe(best);
  });

  it('finds nothing farther than the radius', () => {
    const ids = Int32Array.of(4, 9);
    const field = { count: 2, ids, x: Float32Array.of(10, 30), y: Float32Array.of(10, 10) };
    expect(nearestMark(field, 17, 10, 8)).toBe(0);
    expect(nearestMark(field, 24, 10, 8)).toBe(1);
    expect(nearestMark(field, 20, 19, 8)).toBe(-1);
    expect(nearestMark(field, 10, 10, 0)).toBe(0);
    expect(nearestMark({ ...field, count: 0 }, 10, 10, 8)).toBe(-1);
  });
});
