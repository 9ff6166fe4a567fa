/**
 * The run log's kinds as the event log shows them: the word (also the filter checkbox's name) and a symbol, so a
 * kind is never told by colour alone.
 */
import type { RunEvent } from '../../model/run/RunSnapshot';

export type EventKind = RunEvent['kind'];

export const KIND_SYMBOLS: Readonly<Record<EventKind, string>> = {
  fault: '⚡',
  error: '✗',
  buffer: '■',
  warning: '⚠',
  info: 'ℹ',
};

/** Every kind, in the order the filters list them. */
export const EVENT_KINDS = Object.keys(KIND_SYMBOLS) as EventKind[];

/** The events of the chosen kinds whose text (or kind) contains `query`, case-insensitively. */
export function filterEvents(
  events: readonly RunEvent[],
  kinds: ReadonlySet<EventKind>,
  query: string,
): readonly RunEvent[] {
  const q = query.trim().toLowerCase();
  return events.filter(
    (e) =>
      kinds.has(e.kind) && (q === '' || e.text.toLowerCase().includes(q) || e.kind.includes(q)),
  );
}
