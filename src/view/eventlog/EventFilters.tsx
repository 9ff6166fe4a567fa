/**
 * The event log's filters: a checkbox per kind (its name is the kind, with how many the log holds beside it), a
 * text filter, and whether new events are announced to screen readers.
 */
import { useId } from 'react';
import { EVENT_KINDS, type EventKind, KIND_SYMBOLS } from './eventKinds';

export interface EventFiltersProps {
  readonly kinds: ReadonlySet<EventKind>;
  readonly counts: Readonly<Record<EventKind, number>>;
  readonly query: string;
  readonly announce: boolean;
  onKindChange(kind: EventKind, on: boolean): void;
  onQueryChange(query: string): void;
  onAnnounceChange(on: boolean): void;
}

export function EventFilters(props: EventFiltersProps) {
  const id = useId();
  return (
    <div className="event-filters">
      <fieldset className="event-kinds">
        <legend>Kinds</legend>
        {EVENT_KINDS.map((kind) => (
          <span key={kind} className="event-kind-choice">
            <label>
              <input
                type="checkbox"
                checked={props.kinds.has(kind)}
                onChange={(e) => props.onKindChange(kind, e.currentTarget.checked)}
              />
              {kind}
            </label>
            <span className="muted" aria-hidden="true">
              {' '}
              {KIND_SYMBOLS[kind]} {props.counts[kind]}
            </span>
          </span>
        ))}
      </fieldset>
      <div className="event-query">
        <label htmlFor={`${id}-query`}>Filter events</label>
        <input
          id={`${id}-query`}
          type="search"
          value={props.query}
          placeholder="text, e.g. crash"
          onChange={(e) => props.onQueryChange(e.currentTarget.value)}
        />
      </div>
      <label className="event-announce">
        <input
          type="checkbox"
          checked={props.announce}
          onChange={(e) => props.onAnnounceChange(e.currentTarget.checked)}
        />
        Announce new events
      </label>
    </div>
  );
}
