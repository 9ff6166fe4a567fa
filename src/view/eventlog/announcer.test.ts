// @vitest-environment node
/**
 * The live region's throttle, on a clock the test moves: the first event is spoken at once, the next ones within
 * the second are gathered and spoken together when it ends ("3 new events: …"), a flood is counted with only the
 * last few spelled out, and nothing is said for nothing.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../model/run/RunSnapshot';
import {
  ANNOUNCE_INTERVAL_MS,
  AnnouncementThrottle,
  type AnnouncerClock,
  announcementText,
} from './announcer';

function manualClock() {
  let nowMs = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: AnnouncerClock = {
    now: () => nowMs,
    setTimeout: (fn, ms) => {
      const t = { at: nowMs + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const t of timers.filter((t) => t.at <= nowMs)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance, pending: () => timers.length };
}

const event = (seq: number, kind: RunEvent['kind'], text: string, atMs = seq * 100): RunEvent => ({
  seq,
  atMs,
  kind,
  text,
});

describe('announcementText', () => {
  it('speaks one event, a few, or the last few of many', () => {
    expect(announcementText(1, [event(1, 'fault', 'crash:0 applied', 1500)])).toBe(
      'New event: fault at 1,500.0 ms: crash:0 applied',
    );
    const three = [event(1, 'fault', 'a'), event(2, 'error', 'b'), event(3, 'info', 'c')];
    expect(announcementText(3, three)).toBe(
      '3 new events: fault at 100.0 ms: a; error at 200.0 ms: b; info at 300.0 ms: c',
    );
    expect(announcementText(12, three)).toMatch(
      /^12 new events, the last 3: fault at 100\.0 ms: a; /,
    );
  });
});

describe('AnnouncementThrottle', () => {
  it('speaks at once, then at most once per interval, gathering what came between', () => {
    const { clock, advance, pending } = manualClock();
    const said: string[] = [];
    const throttle = new AnnouncementThrottle((t) => said.push(t), clock);
    throttle.push([]);
    expect(said).toEqual([]);
    throttle.push([event(1, 'fault', 'crash:0 applied')]);
    expect(said).toEqual(['New event: fault at 100.0 ms: crash:0 applied']);
    advance(100);
    throttle.push([event(2, 'error', 'x')]);
    advance(100);
    throttle.push([event(3, 'error', 'y'), event(4, 'warning', 'z')]);
    expect(said).toHaveLength(1);
    advance(ANNOUNCE_INTERVAL_MS - 250);
    expect(said).toHaveLength(1);
    advance(50);
    expect(said).toHaveLength(2);
    expect(said[1]).toBe(
      '3 new events: error at 200.0 ms: x; error at 300.0 ms: y; warning at 400.0 ms: z',
    );
    expect(pending()).toBe(0);
  });

  it('counts a flood and spells out only the last three', () => {
    const { clock, advance } = manualClock();
    const said: string[] = [];
    const throttle = new AnnouncementThrottle((t) => said.push(t), clock);
    throttle.push([event(0, 'info', 'start')]);
    for (let i = 1; i <= 50; i++) throttle.push([event(i, 'error', `e${i}`)]);
    advance(ANNOUNCE_INTERVAL_MS);
    expect(said).toHaveLength(2);
    expect(said[1]).toMatch(
      /^50 new events, the last 3: error at 4,800\.0 ms: e48; .*: e49; .*: e50$/,
    );
  });

  it('says nothing more once disposed', () => {
    const { clock, advance } = manualClock();
    const said: string[] = [];
    const throttle = new AnnouncementThrottle((t) => said.push(t), clock);
    throttle.push([event(1, 'fault', 'a')]);
    throttle.push([event(2, 'fault', 'b')]);
    throttle.dispose();
    advance(5 * ANNOUNCE_INTERVAL_MS);
    expect(said).toHaveLength(1);
  });
});
