// @vitest-environment node
/**
 * The selected record on the marks canvas: MarkField keeps its slot as snapshots come and go (and −1 while it
 * is not a mark), and drawMarks rings it — a halo and a line around its mark — only when it is drawn.
 */
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { drawMarks, FALLBACK_PALETTE, type MarkContext, RING_RADIUS } from '../diagram/drawMarks';
import { computeLayout } from '../diagram/layout';
import { MarkField } from '../diagram/markField';
import { MarkTargets } from '../diagram/markTargets';

function apply(field: MarkField, s: RunSnapshot) {
  const layout = computeLayout(1280, 600, s.settings.partitions, s.settings.brokers);
  const targets = new MarkTargets(layout);
  targets.reset(layout, s.accumulator, s.settings.batchSize);
  field.update(s.marks, targets, 'partition');
  field.step(16, true);
}

/** Records the points of each stroked path and its style. */
function strokeLog() {
  const strokes: { style: string; width: number; points: [number, number][] }[] = [];
  let points: [number, number][] = [];
  const ctx: MarkContext = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    beginPath: () => {
      points = [];
    },
    fillRect() {},
    moveTo: (x, y) => void points.push([x, y]),
    lineTo: (x, y) => void points.push([x, y]),
    stroke: () =>
      void strokes.push({ style: String(ctx.strokeStyle), width: ctx.lineWidth, points }),
    clearRect() {},
  };
  return { ctx, strokes };
}

describe('the selection ring', () => {
  it('follows the selected record’s slot across snapshots', () => {
    const run = new ProducerRun(decodeScenario('keys=20&linger.ms=50').scenario);
    const builder = new SnapshotBuilder(run);
    builder.select({ kind: 'record', id: 30 });
    const field = new MarkField();
    field.setSelected(30);
    run.advanceTo(10);
    apply(field, builder.build());
    expect(field.selectedSlot).toBe(-1);
    for (const t of [35, 40, 45]) {
      run.advanceTo(t);
      apply(field, builder.build());
      expect(field.selectedSlot).toBeGreaterThanOrEqual(0);
      expect(field.ids[field.selectedSlot]).toBe(30);
    }
    // Acknowledged and gone from the marks: nothing to ring.
    run.advanceTo(60);
    apply(field, builder.build());
    expect(field.selectedSlot).toBe(-1);
    expect(field.slotOf(field.ids[0])).toBe(0);
    expect(field.slotOf(1_000_000)).toBe(-1);
    field.setSelected(-1);
    expect(field.selectedSlot).toBe(-1);
  });

  it('is drawn around the selected mark only', () => {
    const run = new ProducerRun(decodeScenario('keys=20&linger.ms=50').scenario);
    const builder = new SnapshotBuilder(run);
    run.advanceTo(40);
    const field = new MarkField();
    apply(field, builder.build());
    const plain = strokeLog();
    drawMarks(plain.ctx, field, FALLBACK_PALETTE, 1280, 600);
    expect(plain.strokes).toEqual([]);

    const slot = 5;
    field.setSelected(field.ids[slot]);
    const ringed = strokeLog();
    drawMarks(ringed.ctx, field, FALLBACK_PALETTE, 1280, 600);
    expect(ringed.strokes.map((s) => [s.style, s.width])).toEqual([
      [FALLBACK_PALETTE[11], 4],
      [FALLBACK_PALETTE[10], 2],
    ]);
    for (const [x, y] of ringed.strokes[1].points) {
      expect(Math.hypot(x - field.x[slot], y - field.y[slot])).toBeCloseTo(RING_RADIUS, 4);
    }
  });
});
