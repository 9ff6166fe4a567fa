/**
 * What the event log's live region says, and how often: new events are gathered and spoken at most once per
 * ANNOUNCE_INTERVAL_MS of wall time (the first at once), several as one sentence — "3 new events: …" — so a
 * screen-reader user can follow a run at any speed without a flood. Holds only a count and the last few events,
 * however many arrive. The clock is passed in, so tests drive it by hand.
 */
import type { RunEvent } from '../../model/run/RunSnapshot';
import { formatClock } from '../controls/format';

export const ANNOUNCE_INTERVAL_MS = 1000;
/** Events spelled out in one announcement; the rest are only counted. */
export const ANNOUNCE_SPELLED = 3;

/** One event as spoken: `fault at 1,500.0 ms: crash:0 applied`. */
export function eventSentence(e: RunEvent): string {
  return `${e.kind} at ${formatClock(e.atMs)}: ${e.text}`;
}

/**
 * @param count how many new events there were (at least `last.length`)
 * @param last the newest of them, oldest first (at most ANNOUNCE_SPELLED are spoken)
 */
export function announcementText(count: number, last: readonly RunEvent[]): string {
  const spoken = last.slice(-ANNOUNCE_SPELLED).map(eventSentence).join('; ');
  if (count === 1) return `New event: ${spoken}`;
  if (count <= ANNOUNCE_SPELLED) return `${count} new events: ${spoken}`;
  return `${count} new events, the last ${Math.min(ANNOUNCE_SPELLED, last.length)}: ${spoken}`;
}

export interface AnnouncerClock {
  /** Wall ms. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const WALL_CLOCK: AnnouncerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AnnouncementThrottle {
  private count = 0;
  private last: RunEvent[] = [];
  private lastSpokenMs = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;

  constructor(
    private readonly say: (text: string) => void,
    private readonly clock: AnnouncerClock = WALL_CLOCK,
    private readonly intervalMs = ANNOUNCE_INTERVAL_MS,
  ) {}

  /** New events (oldest first) to announce. */
  push(events: readonly RunEvent[]): void {
    if (events.length === 0) return;
    this.count += events.length;
    for (const e of events.slice(-ANNOUNCE_SPELLED)) this.last.push(e);
    if (this.last.length > ANNOUNCE_SPELLED)
      this.last.splice(0, this.last.length - ANNOUNCE_SPELLED);
    if (this.timer !== null) return;
    const waitMs = this.lastSpokenMs + this.intervalMs - this.clock.now();
    if (waitMs <= 0) this.flush();
    else {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, waitMs);
    }
  }

  /** Drops what is waiting (the page stops announcing). */
  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.count = 0;
    this.last = [];
  }

  private flush(): void {
    if (this.count === 0) return;
    this.lastSpokenMs = this.clock.now();
    const text = announcementText(this.count, this.last);
    this.count = 0;
    this.last = [];
    this.say(text);
  }
}
