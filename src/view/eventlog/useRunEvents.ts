/**
 * The run's log as the event log reads it: the snapshot's `events`, but the same array until an event is added
 * (a snapshot carries a fresh copy of an unchanged log sixty times a second), and at most one update per
 * refresh interval of wall time.
 */
import { useState } from 'react';
import type { RunEvent } from '../../model/run/RunSnapshot';
import type { AppState } from '../../store/AppState';
import { useThrottledStore } from '../inspect/useThrottledStore';

const NONE: readonly RunEvent[] = Object.freeze([]);

/** Same length, same first and same last event: the bounded log has not moved. */
export function sameLog(a: readonly RunEvent[], b: readonly RunEvent[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const a0 = a[0];
  const b0 = b[0];
  const an = a[a.length - 1];
  const bn = b[b.length - 1];
  return a0.seq === b0.seq && an.seq === bn.seq && an.atMs === bn.atMs && an.text === bn.text;
}

function stableEvents(): (s: AppState) => readonly RunEvent[] {
  let last: readonly RunEvent[] = NONE;
  return (s) => {
    const events = s.snapshot?.events ?? NONE;
    if (!sameLog(events, last)) last = events;
    return last;
  };
}

export function useRunEvents(refreshMs: number): readonly RunEvent[] {
  const [select] = useState(stableEvents);
  return useThrottledStore(select, refreshMs);
}
