/**
 * The canvas' bookkeeping of record marks, without a canvas: positions, targets, colours and shapes in typed arrays
 * keyed by slot (the mark's index in the snapshot, which is ordered by record id). A new snapshot is merged with the
 * previous one by record id, so a record keeps the position it had and eases from there toward its new target; a
 * record seen for the first time starts at the application. Per frame `step` only does arithmetic on the arrays:
 * nothing is allocated while marks move (arrays grow, by doubling, only when a snapshot brings more marks).
 */
import type { ColourBy } from '../../store/AppState';
import {
  F_BATCH,
  F_KEY_HASH,
  F_NODE,
  F_PARTITION,
  F_RECORD,
  F_STAGE,
  MARK_FIELDS,
  STAGE_COUNT,
  STAGE_FAILED,
} from './markCodes';
import type { MarkTargets } from './markTargets';

/** Palette entries: --cat-0 … --cat-7, then the neutral colour of a record without partition or key. */
export const PALETTE_SIZE = 9;
export const NEUTRAL_COLOUR = 8;
export const SHAPE_DOT = 0;
/** Failed records are drawn as crosses, so failure is not told by colour alone. */
export const SHAPE_CROSS = 1;
/** Wall-clock ms for a mark to cover ~63 % of the way to its target. */
export const EASE_TAU_MS = 110;
/** Closer than this (px) counts as arrived. */
const SNAP_PX = 0.3;

/** What `update` reads of a snapshot's RecordMarks. */
export interface MarkData {
  readonly data: Int32Array;
  readonly count: number;
}

export class MarkField {
  count = 0;
  ids: Int32Array = new Int32Array(0);
  x: Float32Array = new Float32Array(0);
  y: Float32Array = new Float32Array(0);
  tx: Float32Array = new Float32Array(0);
  ty: Float32Array = new Float32Array(0);
  colour: Uint8Array = new Uint8Array(0);
  shape: Uint8Array = new Uint8Array(0);
  /** Marks per MarkStage in the last update. */
  readonly stageCounts = new Int32Array(STAGE_COUNT);
  /** The record the inspector looks at (−1: none), ringed when drawn; its slot, −1 while it is not a mark. */
  selectedId = -1;
  selectedSlot = -1;
  private backIds: Int32Array = new Int32Array(0);
  private backX: Float32Array = new Float32Array(0);
  private backY: Float32Array = new Float32Array(0);

  /** Takes a snapshot's marks: targets from `targets` (already reset for this snapshot), positions carried over. */
  update(marks: MarkData, targets: MarkTargets, colourBy: ColourBy): void {
    const n = marks.count;
    this.ensureCapacity(n);
    const { data } = marks;
    const oldIds = this.ids;
    const oldX = this.x;
    const oldY = this.y;
    const oldCount = this.count;
    const ids = this.backIds;
    const xs = this.backX;
    const ys = this.backY;
    const spawnX = targets.spawnX;
    const spawnY = targets.spawnY;
    this.stageCounts.fill(0);
    let j = 0;
    for (let i = 0; i < n; i++) {
      const base = i * MARK_FIELDS;
      const id = data[base + F_RECORD];
      const stage = data[base + F_STAGE];
      const partition = data[base + F_PARTITION];
      // Both lists are ordered by record id: one forward pass pairs them up.
      while (j < oldCount && oldIds[j] < id) j++;
      ids[i] = id;
      if (j < oldCount && oldIds[j] === id) {
        xs[i] = oldX[j];
        ys[i] = oldY[j];
      } else {
        xs[i] = spawnX;
        ys[i] = spawnY;
      }
      targets.place(stage, partition, data[base + F_NODE], data[base + F_BATCH]);
      this.tx[i] = targets.x;
      this.ty[i] = targets.y;
      const key = colourBy === 'key' ? data[base + F_KEY_HASH] : partition;
      this.colour[i] = key < 0 ? NEUTRAL_COLOUR : key % 8;
      this.shape[i] = stage === STAGE_FAILED ? SHAPE_CROSS : SHAPE_DOT;
      if (stage >= 0 && stage < STAGE_COUNT) this.stageCounts[stage]++;
    }
    this.backIds = oldIds;
    this.backX = oldX;
    this.backY = oldY;
    this.ids = ids;
    this.x = xs;
    this.y = ys;
    this.count = n;
    this.selectedSlot = this.slotOf(this.selectedId);
  }

  /** Rings record `id` from now on (−1: none). */
  setSelected(id: number): void {
    this.selectedId = id;
    this.selectedSlot = this.slotOf(id);
  }

  /** The slot of record `id`, −1 if it is not a mark (binary search: slots are ordered by record id). */
  slotOf(id: number): number {
    if (id < 0) return -1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ids[mid];
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Moves every mark toward its target for `dtMs` of wall time (exponential easing); with `reducedMotion` marks
   * jump to their targets. Returns whether any mark is still moving.
   */
  step(dtMs: number, reducedMotion: boolean): boolean {
    const n = this.count;
    const { x, y, tx, ty } = this;
    if (reducedMotion) {
      x.set(tx.subarray(0, n));
      y.set(ty.subarray(0, n));
      return false;
    }
    const a = 1 - Math.exp(-Math.max(0, Math.min(dtMs, 100)) / EASE_TAU_MS);
    let moving = false;
    for (let i = 0; i < n; i++) {
      const dx = tx[i] - x[i];
      const dy = ty[i] - y[i];
      if (dx > SNAP_PX || dx < -SNAP_PX || dy > SNAP_PX || dy < -SNAP_PX) {
        x[i] += dx * a;
        y[i] += dy * a;
        moving = true;
      } else {
        x[i] = tx[i];
        y[i] = ty[i];
      }
    }
    return moving;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.tx.length && n <= this.backIds.length) return;
    let size = Math.max(256, this.tx.length);
    while (size < n) size *= 2;
    const keep = this.count;
    this.ids = grownInt(this.ids, size, keep);
    this.x = grownFloat(this.x, size, keep);
    this.y = grownFloat(this.y, size, keep);
    this.backIds = new Int32Array(size);
    this.backX = new Float32Array(size);
    this.backY = new Float32Array(size);
    this.tx = new Float32Array(size);
    this.ty = new Float32Array(size);
    this.colour = new Uint8Array(size);
    this.shape = new Uint8Array(size);
  }
}

function grownInt(a: Int32Array, size: number, keep: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, keep));
  return b;
}

function grownFloat(a: Float32Array, size: number, keep: number): Float32Array {
  const b = new Float32Array(size);
  b.set(a.subarray(0, keep));
  return b;
}
