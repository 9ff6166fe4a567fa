/**
 * The explorer's run log: a bounded ring of RunEvents (oldest dropped first, `seq` increasing over the run).
 * Simulation-only: Kafka would log these lines (WARN on a config, ERROR in a callback); here they are data the page
 * lists. What goes in is decided by RunEventWatcher.
 */
import type { RunEvent } from './RunSnapshot';

export class RunEventLog {
  private readonly items: (RunEvent | undefined)[];
  private next = 0;
  private count = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<RunEvent | undefined>(Math.max(0, capacity));
  }

  add(atMs: number, kind: RunEvent['kind'], text: string): void {
    const event: RunEvent = { seq: this.seq++, atMs, kind, text };
    if (this.capacity <= 0) return;
    this.items[this.next] = event;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Events ever added (the next event's seq). */
  get total(): number {
    return this.seq;
  }

  /** The kept events, oldest first. A fresh array of shared, immutable events. */
  toArray(): RunEvent[] {
    const out: RunEvent[] = new Array(this.count);
    const start = this.capacity > 0 ? (this.next - this.count + this.capacity) % this.capacity : 0;
    for (let i = 0; i < this.count; i++) {
      out[i] = this.items[(start + i) % this.capacity] as RunEvent;
    }
    return out;
  }
}
