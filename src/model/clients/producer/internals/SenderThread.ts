/**
 * Runs the Sender on the simulation clock, the way Kafka's KafkaThread runs Sender.run(): one runOnce per wake-up,
 * then a sleep until the time runOnce asked for (its poll timeout), cut short by wakeup(). Simulation-only: Kafka
 * blocks in NetworkClient.poll; here the next run is one scheduled event, moved earlier when a wake-up comes.
 */
import type { EventHandle } from '../../../engine/EventQueue';
import type { Simulation } from '../../../engine/Simulation';
import type { Sender } from './Sender';

export class SenderThread {
  private event: EventHandle | null = null;
  private stopped = false;
  private eventAtMs = Number.POSITIVE_INFINITY;
  /** runOnce calls so far (the explorer shows the loop turning). */
  iterations = 0;
  /** Called after every runOnce: KafkaProducer.close() completes when a run leaves nothing to do. */
  afterRun: ((nowMs: number) => void) | null = null;

  constructor(
    private readonly sim: Simulation,
    private readonly sender: Sender,
  ) {
    sender.setWakeupListener(() => this.runAt(this.sim.nowMs));
  }

  start(nowMs: number): void {
    this.runAt(nowMs);
  }

  /** The thread ends (a forced close): no more runs, wake-ups are ignored. */
  stop(): void {
    this.stopped = true;
    this.sender.setWakeupListener(null);
    if (this.event !== null) this.sim.cancel(this.event);
    this.event = null;
    this.eventAtMs = Number.POSITIVE_INFINITY;
  }

  /** Make sure the Sender runs at `atMs` at the latest. */
  runAt(atMs: number): void {
    if (this.stopped || atMs >= this.eventAtMs) return;
    if (this.event !== null) this.sim.cancel(this.event);
    this.eventAtMs = atMs;
    this.event = this.sim.at(atMs, this.run);
  }

  private readonly run = (nowMs: number): void => {
    this.event = null;
    this.eventAtMs = Number.POSITIVE_INFINITY;
    this.iterations++;
    const next = this.sender.runOnce(nowMs);
    if (next < Number.POSITIVE_INFINITY) this.runAt(next);
    this.afterRun?.(nowMs);
  };
}
