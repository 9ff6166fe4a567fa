// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MARK_STAGE, MARK_STRIDE, type RunSnapshot } from '../../model/run/RunSnapshot';
import { presetById } from '../../scenario/presets';
import { dequeArea, forEachBatchBox } from '../stages/accumulator/dequeGeometry';
import { modelRun } from '../testing/modelSnapshots';
import { computeLayout, type DiagramLayout, nodeCentre, rowCentre } from './layout';
import { MarkField, NEUTRAL_COLOUR, SHAPE_CROSS, SHAPE_DOT } from './markField';
import { MarkTargets } from './markTargets';

const field = (i: number, s: RunSnapshot, f: number) => s.marks.data[i * MARK_STRIDE + f];

function apply(
  mf: MarkField,
  s: RunSnapshot,
  colourBy: 'partition' | 'key' = 'partition',
): DiagramLayout {
  const layout = computeLayout(1280, 600, s.settings.partitions, s.settings.brokers);
  const targets = new MarkTargets(layout);
  targets.reset(layout, s.accumulator, s.settings.batchSize);
  mf.update(s.marks, targets, colourBy);
  return layout;
}

function settle(mf: MarkField): number {
  let frames = 0;
  while (mf.step(16, false) && frames < 10_000) frames++;
  return frames;
}

describe('MarkField', () => {
  it('targets each record in the accumulator inside its batch’s box, in its partition’s row', () => {
    const s = modelRun('linger.ms=100&keys=10').at(50);
    const mf = new MarkField();
    const layout = apply(mf, s);
    expect(mf.count).toBe(s.marks.count);
    expect(mf.stageCounts[MARK_STAGE.accumulator]).toBe(s.counters.sendCalls);
    const boxes = new Map<number, [number, number]>();
    for (const q of s.accumulator) {
      forEachBatchBox(dequeArea(layout), q.batches, s.settings.batchSize, (b, x0, x1) =>
        boxes.set(b.id, [x0, x1]),
      );
    }
    for (let i = 0; i < mf.count; i++) {
      const [x0, x1] = boxes.get(field(i, s, 4))!;
      expect(mf.tx[i]).toBeGreaterThanOrEqual(x0);
      expect(mf.tx[i]).toBeLessThanOrEqual(x1);
      const p = field(i, s, 2);
      expect(Math.abs(mf.ty[i] - rowCentre(layout, p))).toBeLessThanOrEqual(layout.rowHeight / 2);
    }
    // Marks of one batch are spread out, not piled on one point.
    const points = new Set<string>();
    for (let i = 0; i < mf.count; i++)
      points.add(`${Math.round(mf.tx[i])},${Math.round(mf.ty[i])}`);
    expect(points.size).toBe(mf.count);
  });

  it('starts new records at the application and eases them to their targets', () => {
    const s = modelRun('linger.ms=100&keys=10').at(50);
    const mf = new MarkField();
    const layout = apply(mf, s);
    const app = layout.stages.application;
    expect(mf.x[0]).toBeCloseTo((app.x0 + app.x1) / 2);
    const distance = () => Math.hypot(mf.tx[0] - mf.x[0], mf.ty[0] - mf.y[0]);
    let last = distance();
    for (let frame = 0; frame < 5; frame++) {
      expect(mf.step(16, false)).toBe(true);
      expect(distance()).toBeLessThan(last);
      last = distance();
    }
    expect(settle(mf)).toBeLessThan(200);
    expect(mf.x[0]).toBe(mf.tx[0]);
    expect(mf.step(16, false)).toBe(false);
  });

  it('keeps each record’s position from one snapshot to the next, matched by record id', () => {
    const run = modelRun('linger.ms=100&keys=10');
    const first = run.at(50);
    const mf = new MarkField();
    apply(mf, first);
    settle(mf);
    const before = new Map<number, [number, number]>();
    for (let i = 0; i < mf.count; i++) before.set(mf.ids[i], [mf.x[i], mf.y[i]]);
    const second = run.at(80);
    const layout = apply(mf, second);
    let kept = 0;
    let spawned = 0;
    for (let i = 0; i < mf.count; i++) {
      const old = before.get(mf.ids[i]);
      if (old === undefined) {
        expect(mf.x[i]).toBeCloseTo(
          (layout.stages.application.x0 + layout.stages.application.x1) / 2,
        );
        spawned++;
      } else {
        expect([mf.x[i], mf.y[i]]).toEqual(old);
        kept++;
      }
    }
    expect(kept).toBe(first.marks.count);
    expect(spawned).toBe(second.marks.count - first.marks.count);
  });

  it('jumps straight to the targets with reduced motion', () => {
    const mf = new MarkField();
    apply(mf, modelRun('keys=10').at(30));
    expect(mf.step(16, true)).toBe(false);
    for (let i = 0; i < mf.count; i++) {
      expect(mf.x[i]).toBe(mf.tx[i]);
      expect(mf.y[i]).toBe(mf.ty[i]);
    }
  });

  it('puts records in flight on their leader’s lane in the network column', () => {
    const s = modelRun('acks=all').when((x) => x.sender.inFlight.length > 0, 0.1, 100);
    const mf = new MarkField();
    const layout = apply(mf, s);
    const net = layout.stages.network;
    let inFlight = 0;
    for (let i = 0; i < mf.count; i++) {
      if (field(i, s, 1) !== MARK_STAGE.inFlight) continue;
      inFlight++;
      expect(mf.tx[i]).toBeGreaterThan(net.x0);
      expect(mf.tx[i]).toBeLessThan(net.x1);
      expect(Math.abs(mf.ty[i] - nodeCentre(layout, field(i, s, 3)))).toBeLessThanOrEqual(18);
    }
    expect(inFlight).toBe(mf.stageCounts[MARK_STAGE.inFlight]);
    expect(inFlight).toBeGreaterThan(0);
  });

  it('colours by partition, or by key hash (null keys neutral)', () => {
    const keyed = modelRun('keys=10').at(30);
    const mf = new MarkField();
    apply(mf, keyed, 'partition');
    for (let i = 0; i < mf.count; i++) expect(mf.colour[i]).toBe(field(i, keyed, 2) % 8);
    apply(mf, keyed, 'key');
    for (let i = 0; i < mf.count; i++) expect(mf.colour[i]).toBe(field(i, keyed, 5) % 8);
    const unkeyed = modelRun('keys=0').at(30);
    apply(mf, unkeyed, 'key');
    expect(Array.from(mf.colour.subarray(0, mf.count)).every((c) => c === NEUTRAL_COLOUR)).toBe(
      true,
    );
  });

  it('draws failed records as crosses and counts the marks of every stage', () => {
    const s = modelRun(presetById('min-isr-refuses')!.query).when(
      (x) => {
        for (let i = 0; i < x.marks.count; i++)
          if (field(i, x, 1) === MARK_STAGE.failed) return true;
        return false;
      },
      10,
      4000,
    );
    const mf = new MarkField();
    apply(mf, s);
    for (let i = 0; i < mf.count; i++) {
      const failed = field(i, s, 1) === MARK_STAGE.failed;
      expect(mf.shape[i]).toBe(failed ? SHAPE_CROSS : SHAPE_DOT);
    }
    expect(mf.stageCounts[MARK_STAGE.failed]).toBeGreaterThan(0);
    expect(mf.stageCounts.reduce((a, b) => a + b, 0)).toBe(mf.count);
  });

  it('moves marks without reallocating its arrays', () => {
    const run = modelRun('keys=10');
    const mf = new MarkField();
    apply(mf, run.at(30));
    const arrays = () => [mf.x, mf.y, mf.tx, mf.ty, mf.colour, mf.shape];
    const before = arrays();
    for (let frame = 0; frame < 10; frame++) mf.step(16, false);
    arrays().forEach((a, i) => {
      expect(a).toBe(before[i]);
    });
  });
});
