/**
 * The event log: what happened in the run and why (faults, errors, buffer exhaustion, warnings, restarts), newest
 * last, with its simulated time — filterable by kind and text. New events of the chosen kinds are announced
 * through a polite live region at most once a second (announcer.ts), so a screen-reader user can follow the run.
 * The list keeps to the bottom while it is scrolled there.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunEvent } from '../../model/run/RunSnapshot';
import { formatClock } from '../controls/format';
import type { AnnouncerClock } from './announcer';
import { EventFilters } from './EventFilters';
import { EVENT_KINDS, type EventKind, filterEvents, KIND_SYMBOLS } from './eventKinds';
import { useEventAnnouncements } from './useEventAnnouncements';
import { useRunEvents } from './useRunEvents';
import './eventlog.css';

/** Wall ms between two updates of the list. */
export const EVENT_LOG_REFRESH_MS = 250;

export interface EventLogProps {
  readonly refreshMs?: number;
  /** The announcements' wall clock (tests pass their own). */
  readonly clock?: AnnouncerClock;
}

export function EventLog({ refreshMs = EVENT_LOG_REFRESH_MS, clock }: EventLogProps) {
  const headingId = useId();
  const events = useRunEvents(refreshMs);
  const [kinds, setKinds] = useState<ReadonlySet<EventKind>>(() => new Set(EVENT_KINDS));
  const [query, setQuery] = useState('');
  const [announce, setAnnounce] = useState(true);
  const announcement = useEventAnnouncements(events, kinds, announce, clock);
  const shown = useMemo(() => filterEvents(events, kinds, query), [events, kinds, query]);
  const counts = useMemo(() => countKinds(events), [events]);
  const listRef = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list !== null && atBottom.current && shown.length > 0) list.scrollTop = list.scrollHeight;
  }, [shown]);

  const setKind = (kind: EventKind, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setKinds(next);
  };
  return (
    <section className="event-log" aria-labelledby={headingId}>
      <h2 id={headingId}>Event log</h2>
      <EventFilters
        kinds={kinds}
        counts={counts}
        query={query}
        announce={announce}
        onKindChange={setKind}
        onQueryChange={setQuery}
        onAnnounceChange={setAnnounce}
      />
      <p className="event-count">
        {events.length === 0
          ? 'No events yet: faults, errors, a full buffer and warnings show here.'
          : `Showing ${shown.length} of ${events.length} events, newest last.`}
      </p>
      <ol
        ref={listRef}
        className="event-list"
        aria-label="Run events"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, so the keyboard must reach it
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
        }}
      >
        {shown.map((e) => (
          <EventLine key={e.seq} event={e} />
        ))}
      </ol>
      <div
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="event-announcer"
      >
        {announcement}
      </div>
    </section>
  );
}

function EventLine({ event }: { event: RunEvent }) {
  return (
    <li className={`event is-${event.kind}`} data-kind={event.kind}>
      <span className="event-time">{formatClock(event.atMs)}</span>
      <span className="event-kind">
        <span aria-hidden="true">{KIND_SYMBOLS[event.kind]} </span>
        {event.kind}
      </span>
      <span className="event-text">{event.text}</span>
    </li>
  );
}

function countKinds(events: readonly RunEvent[]): Record<EventKind, number> {
  const counts = { fault: 0, error: 0, buffer: 0, warning: 0, info: 0 };
  for (const e of events) counts[e.kind]++;
  return counts;
}
