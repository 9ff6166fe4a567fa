// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  computeLayout,
  FALLBACK_WIDTH,
  MAX_ROW,
  MIN_LABELLED_ROW,
  MIN_WIDTH,
  nodeCentre,
  rowCentre,
  rowLabelled,
  STAGE_ORDER,
} from './layout';

describe('computeLayout', () => {
  it('lays the stages out left to right, contiguous, over the whole width', () => {
    const layout = computeLayout(1280, 600, 6, 3);
    let x = 0;
    for (const id of STAGE_ORDER) {
      const span = layout.stages[id];
      expect(span.x0).toBeCloseTo(x);
      expect(span.x1).toBeGreaterThanOrEqual(span.x0);
      x = span.x1;
    }
    expect(x).toBe(1280);
    const width = (id: (typeof STAGE_ORDER)[number]) => layout.stages[id].x1 - layout.stages[id].x0;
    expect(width('accumulator')).toBeGreaterThan(width('sender'));
    expect(width('brokers')).toBeGreaterThan(width('network'));
  });

  it('gives the Interceptors stage width only when interceptors are configured', () => {
    const off = computeLayout(1280, 600, 6, 3);
    const on = computeLayout(1280, 600, 6, 3, { interceptors: true });
    expect(off.stages.interceptors.x1 - off.stages.interceptors.x0).toBe(0);
    expect(on.stages.interceptors.x1 - on.stages.interceptors.x0).toBeGreaterThan(50);
    expect(on.stages.accumulator.x1 - on.stages.accumulator.x0).toBeLessThan(
      off.stages.accumulator.x1 - off.stages.accumulator.x0,
    );
  });

  it('stacks one row per partition inside the body band, every row labelled when there is room', () => {
    const layout = computeLayout(1280, 600, 6, 3);
    const ys = [0, 1, 2, 3, 4, 5].map((p) => rowCentre(layout, p));
    for (let p = 1; p < ys.length; p++) expect(ys[p]).toBeGreaterThan(ys[p - 1]);
    expect(ys[0] - layout.rowHeight / 2).toBeGreaterThanOrEqual(layout.bodyY0);
    expect(ys[5] + layout.rowHeight / 2).toBeLessThanOrEqual(layout.bodyY1 + 1e-9);
    expect(layout.condensed).toBe(false);
    expect(layout.labelEvery).toBe(1);
  });

  it('condenses 128 partitions into thin rows with a label every n-th row, still inside the body', () => {
    const layout = computeLayout(1280, 720, 128, 12);
    expect(layout.condensed).toBe(true);
    expect(layout.labelEvery).toBeGreaterThan(1);
    expect(layout.labelEvery * layout.rowHeight).toBeGreaterThanOrEqual(MIN_LABELLED_ROW);
    expect(rowLabelled(layout, 0)).toBe(true);
    expect(rowLabelled(layout, 1)).toBe(false);
    expect(rowCentre(layout, 127) + layout.rowHeight / 2).toBeLessThanOrEqual(layout.bodyY1 + 1e-9);
  });

  it('caps the row height so one partition does not fill the screen', () => {
    expect(computeLayout(1280, 900, 1, 1).rowHeight).toBe(MAX_ROW);
  });

  it('gives each broker its own box in the brokers column, without overlap, centred on its lane', () => {
    const layout = computeLayout(1280, 600, 6, 5);
    expect(layout.brokers).toHaveLength(5);
    for (const [i, box] of layout.brokers.entries()) {
      expect(box.id).toBe(i);
      expect(box.x0).toBeGreaterThanOrEqual(layout.stages.brokers.x0);
      expect(box.x1).toBeLessThanOrEqual(layout.stages.brokers.x1);
      expect(box.y0).toBeGreaterThanOrEqual(layout.bodyY0);
      expect(box.y1).toBeLessThanOrEqual(layout.bodyY1 + 1e-9);
      expect(nodeCentre(layout, i)).toBeCloseTo((box.y0 + box.y1) / 2);
      if (i > 0) expect(box.y0).toBeGreaterThan(layout.brokers[i - 1].y1);
    }
  });

  it('does not shrink below its minimum width and survives unmeasurable sizes', () => {
    expect(computeLayout(400, 600, 6, 3).width).toBe(MIN_WIDTH);
    const unmeasured = computeLayout(0, Number.NaN, 6, 3);
    expect(unmeasured.width).toBe(FALLBACK_WIDTH);
    expect(unmeasured.height).toBeGreaterThan(0);
  });

  it('clamps partitions and nodes outside the cluster to something drawable', () => {
    const layout = computeLayout(1280, 600, 6, 3);
    expect(rowCentre(layout, 99)).toBe(rowCentre(layout, 5));
    expect(rowCentre(layout, -1)).toBe(rowCentre(layout, 0));
    expect(nodeCentre(layout, 7)).toBeCloseTo((layout.bodyY0 + layout.bodyY1) / 2);
  });
});
