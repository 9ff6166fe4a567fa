/**
 * "Inspect": the keyboard's way to the inspectors, and the mouse's when marks move too fast to click. Three
 * disclosures list the most recent records, the batches and the requests of the newest snapshot; a list holds
 * still while the pointer is over it or the focus is in it, so a line does not move away as one reaches for it.
 */
import { useId, useRef, useState } from 'react';
import type { AppState } from '../../store/AppState';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectSelected } from '../../store/selectors';
import {
  type PickItem,
  selectBatchItems,
  selectRecordItems,
  selectRequestItems,
} from './pickItems';
import { sameTarget } from './selection';
import { useThrottledStore } from './useThrottledStore';
import './pick.css';

/** Wall ms between two updates of an open list. */
export const PICK_REFRESH_MS = 250;

export function PickPanel({ refreshMs = PICK_REFRESH_MS }: { refreshMs?: number }) {
  const headingId = useId();
  return (
    <section className="picker" aria-labelledby={headingId}>
      <h2 id={headingId}>Inspect</h2>
      <p className="doc">Click a record, batch or request in the diagram, or pick one here.</p>
      <PickGroup title="Pick a record" select={selectRecordItems} refreshMs={refreshMs} />
      <PickGroup title="Pick a batch" select={selectBatchItems} refreshMs={refreshMs} />
      <PickGroup title="Pick a request" select={selectRequestItems} refreshMs={refreshMs} />
    </section>
  );
}

interface PickGroupProps {
  readonly title: string;
  readonly select: (s: AppState) => readonly PickItem[];
  readonly refreshMs: number;
}

function PickGroup({ title, select, refreshMs }: PickGroupProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group" data-focus-fallback onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {open && <PickList title={title} select={select} refreshMs={refreshMs} />}
    </details>
  );
}

function PickList({ title, select, refreshMs }: PickGroupProps) {
  const api = useAppStoreApi();
  const live = useThrottledStore(select, refreshMs);
  const selected = useAppStore(selectSelected);
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  const held = useRef(live);
  const still = pointerIn || focusIn;
  if (!still) held.current = live;
  const items = held.current;
  const noteId = useId();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the handlers only hold the list still; the buttons act
    <div
      className="group-body"
      onPointerEnter={() => setPointerIn(true)}
      onPointerLeave={() => setPointerIn(false)}
      onFocus={() => setFocusIn(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusIn(false);
      }}
    >
      <p className="pick-note" id={noteId}>
        {items.length === 0
          ? 'Nothing to pick yet.'
          : still
            ? 'Held still while you pick.'
            : 'Newest first; holds still while you pick.'}
      </p>
      <ul className="pick-list" aria-label={title} aria-describedby={noteId}>
        {items.map((item) => (
          <li key={`${item.target.kind}-${item.target.id}`}>
            <button
              type="button"
              aria-current={sameTarget(selected, item.target) || undefined}
              onClick={() => api.getState().select(item.target)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
