/**
 * The inspector: a panel at the top of the settings column (it never covers the diagram, where the record it
 * shows is moving) on the record, batch or request the page selected — by a click in the diagram, the pick list
 * or a link in another inspector. It follows the selection live (at most INSPECTOR_REFRESH_MS apart) and says
 * why when the model has nothing to show. Opening moves the focus to its heading; the close button or Escape
 * closes it and gives the focus back to where it was (or, when that is gone — a pick-list line that scrolled
 * away — to the nearest [data-focus-fallback] around it). A click in the diagram is not given focus back: a
 * focused stage would pop up its explanation.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import type { Inspection, InspectTarget } from '../../model/run/RunSnapshot';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectSelected } from '../../store/selectors';
import { BatchInspector } from './BatchInspector';
import { targetName } from './format';
import { RecordInspector } from './RecordInspector';
import { RequestInspector } from './RequestInspector';
import { inspectionTarget, sameTarget, selectAnsweredSelection } from './selection';
import { useThrottledStore } from './useThrottledStore';
import './inspect.css';

/** Wall ms between two renders of a live detail. */
export const INSPECTOR_REFRESH_MS = 100;

const TITLES: Readonly<Record<InspectTarget['kind'], string>> = {
  record: 'Record',
  batch: 'Batch',
  request: 'Request',
};

export function InspectorPanel({ refreshMs = INSPECTOR_REFRESH_MS }: { refreshMs?: number }) {
  const api = useAppStoreApi();
  const target = useAppStore(selectSelected);
  const answered = useThrottledStore(selectAnsweredSelection, refreshMs);
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<{ element: HTMLElement; fallback: HTMLElement | null } | null>(null);
  const name = target === null ? null : targetName(target);

  useEffect(() => {
    if (name === null) {
      returnFocus.current = null;
      return;
    }
    const active = document.activeElement;
    if (
      returnFocus.current === null &&
      active instanceof HTMLElement &&
      active !== document.body &&
      !panelRef.current?.contains(active) &&
      active.closest('.diagram') === null
    ) {
      const fallback = active.closest<HTMLElement>('[data-focus-fallback]');
      returnFocus.current = { element: active, fallback };
    }
    headingRef.current?.focus();
  }, [name]);

  const close = () => {
    const back = returnFocus.current;
    returnFocus.current = null;
    api.getState().select(null);
    if (back === null) return;
    if (back.element.isConnected) back.element.focus();
    else if (back.fallback?.isConnected) focusFirst(back.fallback);
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // Escape also works when nothing has the focus (after a click on the canvas in some browsers).
  const open = name !== null;
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  if (target === null || name === null) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    close();
  };
  const detail =
    answered !== null && sameTarget(target, inspectionTarget(answered)) ? answered : null;
  return (
    <section
      ref={panelRef}
      className="inspector"
      data-testid="inspector"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      <header className="inspector-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {TITLES[target.kind]} {name}
        </h2>
        <button
          type="button"
          className="inspector-close"
          onClick={close}
          aria-label="Close inspector"
          title="Close (Escape)"
        >
          ✕ Close
        </button>
      </header>
      <div className="inspector-body">{body(detail, name)}</div>
    </section>
  );
}

function focusFirst(container: HTMLElement): void {
  container.querySelector<HTMLElement>('summary, button, [tabindex]')?.focus();
}

function body(detail: Inspection | null, name: string): ReactNode {
  if (detail === null) {
    return (
      <p className="muted" role="status">
        Asking the simulation about {name}…
      </p>
    );
  }
  switch (detail.kind) {
    case 'record':
      return <RecordInspector record={detail.record} />;
    case 'batch':
      return <BatchInspector batch={detail.batch} />;
    case 'request':
      return <RequestInspector request={detail.request} />;
    case 'missing':
      return (
        <p className="inspector-missing" role="status">
          {detail.reason}
        </p>
      );
  }
}
