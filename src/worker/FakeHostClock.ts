/**
 * A hand-driven wall clock and scheduler for SimulationHost tests (what Kafka's MockTime is to its clients): time
 * moves only when the test says so, tasks run in (time, scheduling) order. `readCostMs` makes every reading of the
 * clock cost wall time, and `charge` adds the cost of work (e.g. per simulated ms advanced), so a test can see the
 * host's per-tick wall budget at work.
 */
import type { HostClock } from './SimulationHost';

interface Task {
  readonly atMs: number;
  readonly order: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** More tasks than this in one advance() means a host that never yields: fail instead of hanging the test. */
const MAX_TASKS_PER_ADVANCE = 1_000_000;

export class FakeHostClock implements HostClock {
  /** Wall ms each nowMs() call moves the clock forward (after returning the current time). */
  readCostMs = 0;
  private time = 0;
  private order = 0;
  private tasks: Task[] = [];

  nowMs(): number {
    const t = this.time;
    this.time += this.readCostMs;
    return t;
  }

  /** Moves the clock on by `ms` of work (a test's stand-in for the model's cost). */
  charge(ms: number): void {
    this.time += ms;
  }

  /** The time, without the cost of a reading. */
  peekMs(): number {
    return this.time;
  }

  schedule(fn: () => void, delayMs: number): () => void {
    const task: Task = {
      atMs: this.time + Math.max(0, delayMs),
      order: this.order++,
      fn,
      cancelled: false,
    };
    this.tasks.push(task);
    return () => {
      task.cancelled = true;
    };
  }

  /** Tasks scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  /** Runs the earliest task (moving the clock to its time if it is later); returns when it started, or null. */
  runNext(): number | null {
    const task = this.takeNext(Number.POSITIVE_INFINITY);
    if (task === null) return null;
    return this.run(task);
  }

  /** Runs every task due within the next `ms` of wall time, then leaves the clock at least `ms` later. */
  advance(ms: number): void {
    const endMs = this.time + ms;
    for (let n = 0; ; n++) {
      if (n > MAX_TASKS_PER_ADVANCE)
        throw new Error('FakeHostClock: tasks keep rescheduling at once');
      const task = this.takeNext(endMs);
      if (task === null) break;
      this.run(task);
    }
    this.time = Math.max(this.time, endMs);
  }

  private run(task: Task): number {
    this.time = Math.max(this.time, task.atMs);
    const startedMs = this.time;
    task.fn();
    return startedMs;
  }

  private takeNext(limitMs: number): Task | null {
    this.tasks = this.tasks.filter((t) => !t.cancelled);
    let best: Task | null = null;
    for (const t of this.tasks) {
      if (t.atMs > limitMs) continue;
      if (best === null || t.atMs < best.atMs || (t.atMs === best.atMs && t.order < best.order)) {
        best = t;
      }
    }
    if (best !== null) this.tasks.splice(this.tasks.indexOf(best), 1);
    return best;
  }
}
