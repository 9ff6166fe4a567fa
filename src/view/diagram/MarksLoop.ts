/**
 * The record-marks canvas' animation loop, outside React: it subscribes to the store, re-targets the marks when a
 * snapshot (or the layout, or colourBy) changes, and in each animation frame eases and paints them. A snapshot only
 * marks the field dirty; the work happens once in the next frame, so several snapshots in one frame cost one
 * re-targeting. The loop sleeps once every mark has arrived and wakes on the next change. jsdom has no 2D context:
 * there the bookkeeping still runs (the attributes stay truthful) and nothing is painted.
 */
import type { InspectTarget, RunSnapshot } from '../../model/run/RunSnapshot';
import type { ColourBy } from '../../store/AppState';
import type { AppStore } from '../../store/context';
import { drawMarks, FALLBACK_PALETTE, type MarkContext, readPalette } from './drawMarks';
import type { DiagramLayout } from './layout';
import { STAGE_COUNT } from './markCodes';
import { MarkField } from './markField';
import { summarizeMarks } from './markSummary';
import { MarkTargets } from './markTargets';

export class MarksLoop {
  readonly field = new MarkField();
  private readonly targets: MarkTargets;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly unsubscribe: () => void;
  private layout: DiagramLayout;
  private snapshot: RunSnapshot | null;
  private palette: readonly string[] = FALLBACK_PALETTE;
  private dirty = true;
  /** Frames left that re-read the palette: the page switches data-theme in an effect, maybe after our frame. */
  private paletteFrames = 1;
  private frameId = 0;
  private lastFrameMs = -1;
  private lastDrawn = -1;
  private readonly lastCounts = new Int32Array(STAGE_COUNT + 2).fill(-1);

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly store: AppStore,
    layout: DiagramLayout,
  ) {
    this.layout = layout;
    this.targets = new MarkTargets(layout);
    this.ctx = hasCanvas2d() ? canvas.getContext('2d') : null;
    this.snapshot = store.getState().snapshot;
    this.field.setSelected(selectedRecordId(store.getState().selected));
    this.unsubscribe = store.subscribe((state, prev) => {
      if (state.selected !== prev.selected) {
        this.field.setSelected(selectedRecordId(state.selected));
        this.wake();
      }
      if (state.theme !== prev.theme) {
        this.paletteFrames = 3;
        this.wake();
      }
      if (state.snapshot !== prev.snapshot || state.colourBy !== prev.colourBy) {
        this.snapshot = state.snapshot;
        this.wake();
      } else if (state.reducedMotion !== prev.reducedMotion) {
        this.wake();
      }
    });
    this.resize();
    this.wake();
  }

  setLayout(layout: DiagramLayout): void {
    if (layout === this.layout) return;
    this.layout = layout;
    this.resize();
    this.wake();
  }

  dispose(): void {
    this.unsubscribe();
    if (this.frameId !== 0) cancelAnimationFrame(this.frameId);
    this.frameId = 0;
  }

  private wake(): void {
    this.dirty = true;
    if (typeof requestAnimationFrame !== 'function') {
      this.frame(0);
      return;
    }
    if (this.frameId === 0) {
      this.lastFrameMs = -1;
      this.frameId = requestAnimationFrame(this.onFrame);
    }
  }

  private readonly onFrame = (timeMs: number): void => {
    this.frameId = 0;
    if (this.frame(timeMs)) this.frameId = requestAnimationFrame(this.onFrame);
  };

  /** One frame; returns whether another is needed. */
  private frame(timeMs: number): boolean {
    const state = this.store.getState();
    if (this.dirty) this.retarget(state.colourBy);
    const dt = this.lastFrameMs < 0 ? 16 : timeMs - this.lastFrameMs;
    this.lastFrameMs = timeMs;
    const moving = this.field.step(dt, state.reducedMotion);
    let drawn = this.field.count;
    if (this.ctx !== null) {
      if (this.paletteFrames > 0) {
        this.palette = readPalette(this.canvas);
        this.paletteFrames--;
      }
      const { width, height } = this.layout;
      drawn = drawMarks(this.ctx as MarkContext, this.field, this.palette, width, height);
    }
    if (drawn !== this.lastDrawn) {
      this.canvas.setAttribute('data-marks', String(drawn));
      this.lastDrawn = drawn;
    }
    return moving || this.paletteFrames > 0;
  }

  private retarget(colourBy: ColourBy): void {
    this.dirty = false;
    const s = this.snapshot;
    if (s === null) {
      this.field.update(NO_MARKS, this.targets, colourBy);
      this.describe(1);
      return;
    }
    this.targets.reset(this.layout, s.accumulator, s.settings.batchSize);
    this.field.update(s.marks, this.targets, colourBy);
    this.describe(s.marks.sampleEvery);
  }

  /** Rewrites the aria-label only when a count changed (screen readers re-announce on every change). */
  private describe(sampleEvery: number): void {
    const counts = this.field.stageCounts;
    const last = this.lastCounts;
    let same = last[STAGE_COUNT] === this.field.count && last[STAGE_COUNT + 1] === sampleEvery;
    for (let i = 0; i < STAGE_COUNT && same; i++) same = last[i] === counts[i];
    if (same) return;
    last.set(counts);
    last[STAGE_COUNT] = this.field.count;
    last[STAGE_COUNT + 1] = sampleEvery;
    this.canvas.setAttribute('aria-label', summarizeMarks(counts, this.field.count, sampleEvery));
  }

  private resize(): void {
    const { width, height } = this.layout;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
}

const NO_MARKS = { data: new Int32Array(0), count: 0 };

/** The record the inspector looks at, −1 for none (or a batch or request). */
function selectedRecordId(target: InspectTarget | null | undefined): number {
  return target?.kind === 'record' ? target.id : -1;
}

/** jsdom implements no canvas (and logs an error when asked for a context). */
function hasCanvas2d(): boolean {
  return typeof navigator !== 'undefined' && !navigator.userAgent.includes('jsdom');
}
