// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue';
import { Random } from './Random';

function drain(q: EventQueue): void {
  for (let e = q.pop(); e !== undefined; e = q.pop()) e.fire();
}

describe('EventQueue', () => {
  it('pops events in time order', () => {
    const q = new EventQueue();
    const seen: number[] = [];
    for (const t of [5, 1, 4, 2, 3]) q.schedule(t, (now) => seen.push(now));
    expect(q.size).toBe(5);
    expect(q.peekTimeMs()).toBe(1);
    drain(q);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(q.size).toBe(0);
    expect(q.peekTimeMs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('runs events due at the same time in scheduling order', () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.schedule(2, () => seen.push('late'));
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) q.schedule(1, () => seen.push(name));
    drain(q);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'late']);
  });

  it('accepts objects with run(nowMs) as well as functions', () => {
    const q = new EventQueue();
    const target = {
      calls: [] as number[],
      run(nowMs: number) {
        this.calls.push(nowMs);
      },
    };
    q.schedule(7, target);
    q.schedule(3, target);
    drain(q);
    expect(target.calls).toEqual([3, 7]);
  });

  it('cancels pending events wherever they sit in the heap, and only once', () => {
    const q = new EventQueue();
    const seen: number[] = [];
    const handles = [8, 3, 6, 1, 9, 2, 7].map((t) => q.schedule(t, () => seen.push(t)));
    expect(q.cancel(handles[3])).toBe(true); // the top (t=1)
    expect(q.cancel(handles[2])).toBe(true); // a middle one (t=6)
    expect(q.cancel(handles[2])).toBe(false);
    expect(handles[2].pending).toBe(false);
    expect(handles[0].pending).toBe(true);
    expect(q.size).toBe(5);
    drain(q);
    expect(seen).toEqual([2, 3, 7, 8, 9]);
    expect(q.cancel(handles[0])).toBe(false); // already ran
  });

  it('keeps heap order under a random mix of schedules and cancels', () => {
    const r = new Random(11);
    const q = new EventQueue();
    const live = new Map<number, { t: number; seq: number }>();
    const handles: ReturnType<EventQueue['schedule']>[] = [];
    const order: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = r.nextIntBelow(200);
      const h = q.schedule(t, () => order.push(h.seq));
      handles.push(h);
      live.set(h.seq, { t, seq: h.seq });
      if (r.nextDouble() < 0.3) {
        const victim = handles[r.nextIntBelow(handles.length)];
        if (q.cancel(victim)) live.delete(victim.seq);
      }
    }
    expect(q.size).toBe(live.size);
    drain(q);
    const expected = [...live.values()]
      .sort((a, b) => a.t - b.t || a.seq - b.seq)
      .map((e) => e.seq);
    expect(order).toEqual(expected);
  });

  it('rejects NaN times', () => {
    expect(() => new EventQueue().schedule(Number.NaN, () => {})).toThrow(/NaN/);
  });
});
