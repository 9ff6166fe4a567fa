/**
 * What a click on the diagram selects: the record whose mark is nearest (within MARK_HIT_PX), else the batch box
 * or produce request under the pointer. Marks sit inside batch boxes and on request wires, so there a click must
 * land on the mark itself (MARK_ON_BOX_PX) to mean the record; anywhere else on the box means the box.
 */
import type { InspectTarget } from '../../model/run/RunSnapshot';
import { type MarkPositions, nearestMark } from './markHit';

/** How far (CSS px) from a mark's centre a click still picks it. */
export const MARK_HIT_PX = 8;
/** The same on a batch box or a request, where the box is the other thing one may mean. */
export const MARK_ON_BOX_PX = 4;

/** The element attributes that name a batch box and a request in the diagram's SVG. */
export const BATCH_ATTR = 'data-batch';
export const REQUEST_ATTR = 'data-request';

/**
 * @param x, y the point in the diagram's coordinates (CSS px from the canvas' top left)
 * @param element what the pointer is over (the SVG element beneath the canvas), or null
 */
export function targetAtPoint(
  field: MarkPositions | null,
  x: number,
  y: number,
  element: Element | null,
): InspectTarget | null {
  const box = element?.closest(`[${BATCH_ATTR}],[${REQUEST_ATTR}]`) ?? null;
  if (field !== null) {
    const slot = nearestMark(field, x, y, box === null ? MARK_HIT_PX : MARK_ON_BOX_PX);
    if (slot >= 0) return { kind: 'record', id: field.ids[slot] };
  }
  if (box === null) return null;
  const batch = box.getAttribute(BATCH_ATTR);
  if (batch !== null) return { kind: 'batch', id: Number(batch) };
  return { kind: 'request', id: Number(box.getAttribute(REQUEST_ATTR)) };
}
