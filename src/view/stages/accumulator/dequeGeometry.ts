/**
 * Where each ProducerBatch of a partition's deque is drawn, to scale: the head (oldest, what drain() takes next)
 * sits at the right, nearest the Sender; each box is as wide as the bytes its buffer holds (writeLimit) against
 * batch.size. Shared by RecordAccumulatorView (the boxes) and the record marks (which sit inside their batch).
 */
import type { BatchView } from '../../../model/run/RunSnapshot';
import type { DiagramLayout, Span } from '../../diagram/layout';

/** Room at the row's left for the partition label. */
export const DEQUE_LABEL_WIDTH = 34;
/** The deque area holds this many batch.size-wide batches. */
export const DEQUE_SLOTS = 4;
const PAD = 6;
const BATCH_GAP = 3;
const MIN_BOX = 3;

/** The x-range of the batch boxes inside the accumulator stage. */
export function dequeArea(layout: DiagramLayout): Span {
  const s = layout.stages.accumulator;
  const label = layout.condensed ? DEQUE_LABEL_WIDTH - 10 : DEQUE_LABEL_WIDTH;
  return { x0: s.x0 + label, x1: s.x1 - PAD };
}

/** Box width in px of a batch whose buffer is `writeLimit` bytes (a big first record gets a bigger buffer). */
export function batchBoxWidth(area: Span, writeLimit: number, batchSize: number): number {
  const unit = (area.x1 - area.x0) / DEQUE_SLOTS;
  const ratio = Math.min(2, Math.max(0.25, writeLimit / Math.max(1, batchSize)));
  return Math.max(MIN_BOX, unit * ratio - BATCH_GAP);
}

/**
 * Calls `visit` for each batch that fits, head first, with its box's x-range; returns how many batches at the
 * tail did not fit (drawn as "+n").
 */
export function forEachBatchBox(
  area: Span,
  batches: readonly BatchView[],
  batchSize: number,
  visit: (batch: BatchView, x0: number, x1: number, index: number) => void,
): number {
  let right = area.x1;
  for (let i = 0; i < batches.length; i++) {
    const width = batchBoxWidth(area, batches[i].writeLimit, batchSize);
    const left = right - width;
    if (left < area.x0) return batches.length - i;
    visit(batches[i], left, right, i);
    right = left - BATCH_GAP;
  }
  return 0;
}
