// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Simulation } from './Simulation';

describe('Simulation', () => {
  it('runUntil runs every event due at or before the end, then sets the clock to the end', () => {
    const sim = new Simulation(1);
    const seen: number[] = [];
    sim.at(10, (now) => {
      seen.push(now);
      sim.after(0, (t) => seen.push(t)); // scheduled for "now" by an event: still ≤ end
    });
    sim.at(10.5, (now) => seen.push(now));
    sim.runUntil(10);
    expect(seen).toEqual([10, 10]);
    expect(sim.nowMs).toBe(10);
    expect(sim.eventsProcessed).toBe(2);
    sim.runUntil(20);
    expect(seen).toEqual([10, 10, 10.5]);
    expect(sim.nowMs).toBe(20);
  });

  it('never moves time backwards: scheduling in the past runs the event now, after those already due', () => {
    const sim = new Simulation(1, 100);
    const seen: string[] = [];
    sim.at(100, () => seen.push('due-now'));
    const h = sim.at(50, (now) => seen.push(`past@${now}`));
    expect(h.timeMs).toBe(100);
    sim.after(-5, (now) => seen.push(`negative-delay@${now}`));
    sim.runUntil(99); // an end before now does not rewind the clock
    expect(sim.nowMs).toBe(100);
    sim.runUntil(100);
    expect(seen).toEqual(['due-now', 'past@100', 'negative-delay@100']);
  });

  it('step runs one event and advances the clock to it', () => {
    const sim = new Simulation(1);
    sim.after(3, () => {});
    sim.after(1, () => {});
    expect(sim.step()).toBe(true);
    expect(sim.nowMs).toBe(1);
    expect(sim.step()).toBe(true);
    expect(sim.nowMs).toBe(3);
    expect(sim.step()).toBe(false);
  });

  it('cancel keeps an event from running', () => {
    const sim = new Simulation(1);
    let ran = false;
    const h = sim.after(5, () => {
      ran = true;
    });
    expect(sim.cancel(h)).toBe(true);
    sim.runUntil(10);
    expect(ran).toBe(false);
    expect(sim.eventsProcessed).toBe(0);
  });

  it('runUntilIdle reports whether the queue ran empty', () => {
    const sim = new Simulation(1);
    sim.at(5, () => sim.after(5, () => {}));
    expect(sim.runUntilIdle(100)).toBe(true);
    expect(sim.nowMs).toBe(10);
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      sim.after(10, tick);
    };
    sim.after(0, tick);
    expect(sim.runUntilIdle(55)).toBe(false);
    expect(sim.nowMs).toBe(55);
    expect(ticks).toBe(5); // at 10, 20, 30, 40, 50
  });

  it('refuses to run the loop from inside an event', () => {
    const sim = new Simulation(1);
    sim.after(1, () => sim.runUntil(5));
    expect(() => sim.runUntil(2)).toThrow(/inside an event/);
  });

  it('is deterministic: same seed, same run; another seed, another run', () => {
    const trace = (seed: number): string[] => {
      const sim = new Simulation(seed);
      const r = sim.random.fork('jobs');
      const out: string[] = [];
      const job = (id: number) => (now: number) => {
        out.push(`${id}@${now.toFixed(3)}`);
        if (out.length < 200) sim.after(r.nextDouble() * 10, job(r.nextIntBelow(1000)));
      };
      for (let i = 0; i < 5; i++) sim.after(r.nextIntBelow(3), job(i));
      sim.runUntil(1_000_000);
      return out;
    };
    expect(trace(42)).toEqual(trace(42));
    expect(trace(42)).not.toEqual(trace(43));
  });
});
