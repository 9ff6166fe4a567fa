/**
 * Feeds the event log's live region: the events that arrive after the log is shown (a new run's count as new),
 * of the kinds chosen, through an AnnouncementThrottle. Returns the text the live region holds.
 */
import { useEffect, useRef, useState } from 'react';
import type { RunEvent } from '../../model/run/RunSnapshot';
import { AnnouncementThrottle, type AnnouncerClock, WALL_CLOCK } from './announcer';

export function useEventAnnouncements(
  events: readonly RunEvent[],
  kinds: ReadonlySet<RunEvent['kind']>,
  enabled: boolean,
  clock: AnnouncerClock = WALL_CLOCK,
): string {
  const [text, setText] = useState('');
  const throttle = useRef<AnnouncementThrottle | null>(null);
  const seen = useRef<number | null>(null);
  const options = useRef({ kinds, enabled });
  options.current = { kinds, enabled };

  useEffect(() => {
    const t = new AnnouncementThrottle(setText, clock);
    throttle.current = t;
    return () => t.dispose();
  }, [clock]);

  useEffect(() => {
    if (!enabled) throttle.current?.dispose();
  }, [enabled]);

  useEffect(() => {
    const newest = events.length === 0 ? -1 : events[events.length - 1].seq;
    const before = seen.current;
    seen.current = newest;
    // The events already there when the log appears are history, not news.
    if (before === null) return;
    // seq restarts with a new run: all of its events are new.
    const after = newest < before ? -1 : before;
    const { kinds: chosen, enabled: on } = options.current;
    if (!on) return;
    throttle.current?.push(events.filter((e) => e.seq > after && chosen.has(e.kind)));
  }, [events]);

  return text;
}
