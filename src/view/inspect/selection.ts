/**
 * Which detail belongs to which target: the store's `selected` is the page's choice, the snapshot's `selection` is
 * the worker's answer, and the two differ for a frame or two after every pick (the answer is still on its way).
 */
import type { Inspection, InspectTarget } from '../../model/run/RunSnapshot';
import type { AppState } from '../../store/AppState';

/** The target a detail describes. */
export function inspectionTarget(detail: Inspection): InspectTarget {
  switch (detail.kind) {
    case 'record':
      return { kind: 'record', id: detail.record.id };
    case 'batch':
      return { kind: 'batch', id: detail.batch.id };
    case 'request':
      return { kind: 'request', id: detail.request.id };
    case 'missing':
      return detail.target;
  }
}

export function sameTarget(a: InspectTarget | null, b: InspectTarget | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}

/** The newest snapshot's detail when it answers what is selected now, else null. */
export function selectAnsweredSelection(s: AppState): Inspection | null {
  const detail = s.snapshot?.selection ?? null;
  if (detail === null) return null;
  return sameTarget(s.selected ?? null, inspectionTarget(detail)) ? detail : null;
}
