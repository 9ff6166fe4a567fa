/**
 * The simulation's clock, event queue and root random stream: the only owner of "now". Simulation-only; it plays the
 * role of Kafka's `Time`/`MockTime` plus the threads' wake-ups. Events run strictly in (time, scheduling order);
 * time never goes backwards: scheduling at a time in the past runs the event "now" (after the events already due now),
 * because a component that computes a slightly stale deadline must not rewind the world.
 */
import { type EventAction, type EventHandle, EventQueue } from './EventQueue';
import { Random } from './Random';

export class Simulation {
  /** The root random stream; components take `random.fork(label)` so they do not disturb each other's draws. */
  readonly random: Random;
  private readonly queue = new EventQueue();
  private now: number;
  private processed = 0;
  private running = false;
  /** No event may run, and the clock may not be fast-forwarded, past this time (set by runUntil / the owner). */
  horizonMs = Number.POSITIVE_INFINITY;

  /**
   * @param seed seed of the root random stream
   * @param startMs initial simulated time (ms)
   */
  constructor(
    readonly seed = 0,
    startMs = 0,
  ) {
    this.random = new Random(seed);
    this.now = startMs;
  }

  /** Current simulated time (ms). */
  get nowMs(): number {
    return this.now;
  }

  /** Number of events run so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Number of scheduled events. */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** Time of the next scheduled event, Infinity if none. */
  nextEventTimeMs(): number {
    return this.queue.peekTimeMs();
  }

  /** Schedules `action` at absolute time `atMs` (clamped to now if in the past). */
  at(atMs: number, action: EventAction): EventHandle {
    return this.queue.schedule(Math.max(atMs, this.now), action);
  }

  /** Schedules `action` `delayMs` after now (negative delays are treated as 0). */
  after(delayMs: number, action: EventAction): EventHandle {
    return this.queue.schedule(delayMs > 0 ? this.now + delayMs : this.now, action);
  }

  /** Cancels a scheduled event; false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /**
   * Moves the clock forward to `atMs` if nothing is due until then (strictly before the next event, within the
   * horizon): exactly what scheduling an event at `atMs` and running it next would do, without the queue. A busy
   * process (the application sending records back to back) uses it to skip an event per step. Returns false, and
   * does nothing, otherwise.
   */
  tryAdvanceTo(atMs: number): boolean {
    if (atMs < this.now || atMs >= this.queue.peekTimeMs() || atMs > this.horizonMs) return false;
    this.now = atMs;
    this.processed++;
    return true;
  }

  /** Runs the next event, advancing the clock to its time; false if there is none. */
  step(): boolean {
    const e = this.queue.pop();
    if (e === undefined) return false;
    this.now = e.timeMs;
    this.processed++;
    e.fire();
    return true;
  }

  /** Runs every event due at or before `endMs` (including those they schedule), then sets the clock to `endMs`. */
  runUntil(endMs: number): void {
    this.enter();
    const horizon = this.horizonMs;
    this.horizonMs = Math.min(horizon, endMs);
    try {
      const queue = this.queue;
      while (queue.peekTimeMs() <= endMs) this.step();
      if (endMs > this.now) this.now = endMs;
    } finally {
      this.running = false;
      this.horizonMs = horizon;
    }
  }

  /**
   * Runs events until none is left or the next one is later than `maxMs` (an absolute time). Returns true if the
   * queue ran empty (the clock then stays at the last event's time), false if it stopped at `maxMs` (clock = maxMs).
   * Note: with replication the follower fetch loops never stop, so a cluster with RF > 1 is never idle.
   */
  runUntilIdle(maxMs: number): boolean {
    this.enter();
    try {
      const queue = this.queue;
      while (queue.size > 0 && queue.peekTimeMs() <= maxMs) this.step();
      if (queue.size === 0) return true;
      if (maxMs > this.now) this.now = maxMs;
      return false;
    } finally {
      this.running = false;
    }
  }

  private enter(): void {
    // An event calling runUntil would run later events inside an earlier one: a bug, not a feature.
    if (this.running)
      throw new Error('Simulation: runUntil/runUntilIdle called from inside an event');
    this.running = true;
  }
}
