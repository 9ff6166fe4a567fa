/**
 * Hit testing on the record-marks canvas: which drawn record is under a point. Pure, over the MarkField's current
 * (eased) positions, so it picks what the eye sees; one pass over the marks, nothing allocated.
 */

/** What the hit test reads of a MarkField. */
export interface MarkPositions {
  readonly count: number;
  /** Record ids by slot. */
  readonly ids: Int32Array;
  /** Current positions by slot, CSS px in the diagram's coordinates. */
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** The slot of the mark nearest to (px, py) within `radiusPx`, or −1 if none is that close. */
export function nearestMark(
  field: MarkPositions,
  px: number,
  py: number,
  radiusPx: number,
): number {
  const { x, y } = field;
  let best = -1;
  let bestD2 = radiusPx * radiusPx;
  for (let i = 0; i < field.count; i++) {
    const dx = x[i] - px;
    const dy = y[i] - py;
    const d2 = dx * dx + dy * dy;
    // Ties go to the later slot: it is painted later, so it is the one on top.
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}
