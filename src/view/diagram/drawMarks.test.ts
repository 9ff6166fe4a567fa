// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import { MARK_STAGE, MARK_STRIDE, type RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { presetById } from '../../scenario/presets';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { drawMarks, FALLBACK_PALETTE, type MarkContext } from './drawMarks';
import { computeLayout } from './layout';
import { MarkField } from './markField';
import { MarkTargets } from './markTargets';

/** A context that records what is painted. */
function recordingContext() {
  const log = {
    rects: 0,
    fills: [] as string[],
    strokes: [] as string[],
    crossLines: 0,
    clears: 0,
  };
  const ctx: MarkContext = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    beginPath() {},
    fillRect() {
      if (log.fills.at(-1) !== String(ctx.fillStyle)) log.fills.push(String(ctx.fillStyle));
      log.rects++;
    },
    moveTo() {},
    lineTo() {
      log.crossLines++;
    },
    stroke() {
      log.strokes.push(String(ctx.strokeStyle));
    },
    clearRect() {
      log.clears++;
    },
  };
  return { ctx, log };
}

function fieldOf(query: string, atMs: number) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  run.advanceTo(atMs);
  const s = builder.build();
  const layout = computeLayout(1280, 600, s.settings.partitions, s.settings.brokers);
  const targets = new MarkTargets(layout);
  targets.reset(layout, s.accumulator, s.settings.batchSize);
  const mf = new MarkField();
  mf.update(s.marks, targets, 'partition');
  mf.step(16, true);
  return { mf, s };
}

describe('drawMarks', () => {
  it('paints every mark once, setting each partition colour in use once', () => {
    const { mf, s } = fieldOf('keys=20', 40);
    const { ctx, log } = recordingContext();
    expect(drawMarks(ctx, mf, FALLBACK_PALETTE, 1280, 600)).toBe(s.marks.count);
    expect(log.clears).toBe(1);
    expect(log.rects).toBe(s.marks.count);
    const partitions = new Set<number>();
    for (let i = 0; i < s.marks.count; i++) partitions.add(s.marks.data[i * MARK_STRIDE + 2] % 8);
    expect(log.fills.sort()).toEqual([...partitions].map((p) => FALLBACK_PALETTE[p]).sort());
    expect(log.strokes).toEqual([]);
  });

  it('draws failed records as crosses in the failure colour', () => {
    const run = new ProducerRun(decodeScenario(presetById('min-isr-refuses')!.query).scenario);
    const builder = new SnapshotBuilder(run);
    const failedIn = (x: RunSnapshot) => {
      let n = 0;
      for (let i = 0; i < x.marks.count; i++) {
        if (x.marks.data[i * MARK_STRIDE + 1] === MARK_STAGE.failed) n++;
      }
      return n;
    };
    let s = builder.build();
    for (let t = 10; t <= 4000 && failedIn(s) === 0; t += 10) {
      run.advanceTo(t);
      s = builder.build();
    }
    const failed = failedIn(s);
    expect(failed).toBeGreaterThan(0);
    const layout = computeLayout(1280, 600, 6, 3);
    const targets = new MarkTargets(layout);
    targets.reset(layout, s.accumulator, s.settings.batchSize);
    const mf = new MarkField();
    mf.update(s.marks, targets, 'partition');
    const { ctx, log } = recordingContext();
    drawMarks(ctx, mf, FALLBACK_PALETTE, 1280, 600);
    expect(log.rects).toBe(s.marks.count - failed);
    expect(log.crossLines).toBe(2 * failed);
    expect(log.strokes).toEqual([FALLBACK_PALETTE[9]]);
  });
});
