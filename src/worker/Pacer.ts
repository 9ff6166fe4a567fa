/**
 * Pacing of simulated time against wall time for the worker host: where the run should be now at a given speed, and
 * re-basing when the simulation falls behind (the lag is capped at one tick's worth, so it never bursts to catch up).
 * Pure arithmetic: the caller reads the clock and runs the model.
 */

/** Wall ms one tick may spend advancing the run; a command waits at most about this long. */
export const TICK_BUDGET_MS = 10;
/** Wall ms a tick spends at 'max' speed (the rest of the budget is a margin for the last event run). */
export const MAX_TICK_WALL_MS = 8;
/** Wall ms between snapshots while playing (about one per 60 Hz frame). */
export const SNAPSHOT_INTERVAL_MS = 16;
/** Delay before the next tick when the run is on time; 0 when it is behind or at 'max'. */
export const PACED_TICK_DELAY_MS = 4;

export class Pacer {
  private wallAnchorMs = 0;
  private simAnchorMs = 0;

  /** From now on, `simNowMs` corresponds to `wallNowMs` (play, a new speed, a new run, falling behind). */
  rebase(wallNowMs: number, simNowMs: number): void {
    this.wallAnchorMs = wallNowMs;
    this.simAnchorMs = simNowMs;
  }

  /**
   * The run could not keep up: from now on it is at most one tick's worth of simulated time behind (so the next
   * tick still has a full budget of work), and the rest of the lag is forgotten: no burst to catch up later.
   */
  fallBehind(wallNowMs: number, simNowMs: number, speed: number): void {
    this.wallAnchorMs = wallNowMs;
    this.simAnchorMs = simNowMs + (speed * TICK_BUDGET_MS) / 1000;
  }

  /** Where the run should be at `wallNowMs` at `speed` simulated ms per wall second. */
  targetSimMs(wallNowMs: number, speed: number): number {
    return this.simAnchorMs + ((wallNowMs - this.wallAnchorMs) * speed) / 1000;
  }
}
