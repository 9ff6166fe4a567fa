/**
 * The worker's play loop: while playing, each tick advances the run toward where wall time × speed says it should
 * be, within a wall budget, then yields so commands are handled promptly; snapshots go out at most once per 16 ms
 * (less often when they are costly). Knows nothing of the protocol: SimulationHost tells it what to play and sends
 * the snapshots it asks for.
 */
import type { ProducerRun } from '../model/run/ProducerRun';
import type { Speed } from '../protocol/messages';
import {
  MAX_TICK_WALL_MS,
  PACED_TICK_DELAY_MS,
  Pacer,
  SNAPSHOT_INTERVAL_MS,
  TICK_BUDGET_MS,
} from './Pacer';

/** Wall time and timers, injected so tests can drive them by hand. */
export interface HostClock {
  /** Monotonic wall time in ms (performance.now() in the worker). */
  nowMs(): number;
  /** Runs `fn` once after about `delayMs` of wall time; returns a function that cancels it. */
  schedule(fn: () => void, delayMs: number): () => void;
}

/** How long a playing snapshot waits for the page's snapshotApplied before the next goes anyway. */
const APPLIED_TIMEOUT_MS = 250;

export interface PlayLoopOwner {
  /** The run to play, null if none. */
  currentRun(): ProducerRun | null;
  /** Send a snapshot now (the loop decides when while playing). */
  sendSnapshot(): void;
  /** The model threw while advancing. */
  crash(e: unknown): void;
}

export class PlayLoop {
  private readonly pacer = new Pacer();
  private playingNow = false;
  private speedNow: Speed;
  private cancelTick: (() => void) | null = null;
  private lastSnapshotWallMs = Number.NEGATIVE_INFINITY;
  /** Wall ms from one playing snapshot to the next: 16, or twice what the last one cost if that is more. */
  private snapshotGapMs = SNAPSHOT_INTERVAL_MS;
  /** A playing snapshot went out and the page has not said it showed it yet. */
  private awaitingApplied = false;

  constructor(
    private readonly clock: HostClock,
    private readonly owner: PlayLoopOwner,
    speed: Speed,
  ) {
    this.speedNow = speed;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get speed(): Speed {
    return this.speedNow;
  }

  /** Plays from where the run is now (a finished run stays paused). */
  play(): void {
    const run = this.owner.currentRun();
    this.playingNow = run !== null && !run.finished;
    this.rebase();
    this.ensureTicking();
  }

  pause(): void {
    this.playingNow = false;
    this.cancelTick?.();
    this.cancelTick = null;
  }

  setSpeed(speed: Speed): void {
    this.speedNow = speed;
    this.rebase();
  }

  /** The owner has a new run: pacing starts over from it, playing on if it was. */
  runReplaced(): void {
    if (this.playingNow) this.play();
  }

  /** The owner sent a snapshot that took from `startedMs` until now. */
  snapshotSent(startedMs: number): void {
    this.lastSnapshotWallMs = this.clock.nowMs();
    this.awaitingApplied = true;
    // A big snapshot (thousands of batches) costs the worker and the page alike: send those less often.
    this.snapshotGapMs = Math.max(SNAPSHOT_INTERVAL_MS, 2 * (this.lastSnapshotWallMs - startedMs));
  }

  /** The page showed the latest snapshot: the next may go. */
  snapshotApplied(): void {
    this.awaitingApplied = false;
  }

  private rebase(): void {
    const run = this.owner.currentRun();
    if (run !== null) this.pacer.rebase(this.clock.nowMs(), run.nowMs);
  }

  private ensureTicking(): void {
    if (this.playingNow && this.cancelTick === null) this.scheduleTick(0);
  }

  private scheduleTick(delayMs: number): void {
    this.cancelTick = this.clock.schedule(this.tick, delayMs);
  }

  private readonly tick = (): void => {
    this.cancelTick = null;
    const run = this.owner.currentRun();
    if (!this.playingNow || run === null) return;
    try {
      const behind = this.advance(run);
      if (run.finished) {
        this.playingNow = false;
        this.owner.sendSnapshot();
        return;
      }
      const sinceLast = this.clock.nowMs() - this.lastSnapshotWallMs;
      // Wait for the page to show the last one (flow control), but never go quiet for long if an answer is lost.
      const pageReady = !this.awaitingApplied || sinceLast >= APPLIED_TIMEOUT_MS;
      if (pageReady && sinceLast >= this.snapshotGapMs) {
        this.owner.sendSnapshot();
      }
      this.scheduleTick(behind || this.speedNow === 'max' ? 0 : PACED_TICK_DELAY_MS);
    } catch (e) {
      this.pause();
      this.owner.crash(e);
    }
  };

  /**
   * Advances toward where the run should be now, one event time at a time (ProducerRun.stepEvent), reading the
   * clock after each, until it gets there or the tick's wall time is spent. Stepping by events rather than by
   * slices of simulated time keeps the budget whatever the load (a slice sized from a quiet stretch could run for
   * seconds once records pour in); where it stops does not change the run. Returns true if it fell behind (the lag
   * is then capped: no burst to catch up).
   */
  private advance(run: ProducerRun): boolean {
    const speed = this.speedNow;
    const start = this.clock.nowMs();
    const deadline = start + (speed === 'max' ? MAX_TICK_WALL_MS : TICK_BUDGET_MS);
    const target =
      speed === 'max' ? Number.POSITIVE_INFINITY : this.pacer.targetSimMs(start, speed);
    const sim = run.sim;
    let now = start;
    while (!run.finished && now < deadline) {
      if (sim.nextEventTimeMs() > target) {
        // Nothing due before the target: move the clock there (linger countdowns advance smoothly).
        run.advanceTo(target);
        break;
      }
      run.stepEvent();
      now = this.clock.nowMs();
    }
    const behind = speed !== 'max' && !run.finished && run.nowMs < target;
    if (behind) this.pacer.fallBehind(now, run.nowMs, speed);
    return behind;
  }
}
