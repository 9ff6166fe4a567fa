/**
 * Leader appends waiting for their partition's high watermark, for JourneyRecorder: when the HW passes an append's
 * last offset it is replicated (acks=all answers then), and when a new leader cuts the log below it, it is lost.
 * Simulation-only. Per partition a FIFO: offsets only grow along it (appends are in log order, and after a cut new
 * appends start at the cut), so both ends are found without searching.
 */
import type { AttemptJourney } from './JourneyEntries';

/** Appends kept waiting per partition; beyond it the oldest are forgotten (a HW frozen for long). */
const MAX_WAITING = 10_000;

export class ReplicationWaiters {
  private readonly queues: AttemptJourney[][] = [];
  private readonly heads: number[] = [];

  /** `attempt` was appended by the leader of `partition` (its offsets are set). */
  appended(partition: number, attempt: AttemptJourney): void {
    let queue = this.queues[partition];
    if (queue === undefined) {
      queue = [];
      this.queues[partition] = queue;
      this.heads[partition] = 0;
    }
    queue.push(attempt);
    if (queue.length - this.heads[partition] > MAX_WAITING) this.heads[partition]++;
  }

  /** The HW of `partition` is now `highWatermark`: every append below it was replicated at `nowMs`. */
  advanced(partition: number, highWatermark: number, nowMs: number): void {
    const queue = this.queues[partition];
    if (queue === undefined) return;
    let head = this.heads[partition];
    while (head < queue.length && queue[head].lastOffset < highWatermark) {
      queue[head].replicatedMs = nowMs;
      head++;
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    this.heads[partition] = head;
  }

  /** A new leader cut the log of `partition` at `logEndOffset`: waiting appends at or above it are gone. */
  truncated(partition: number, logEndOffset: number, nowMs: number): void {
    const queue = this.queues[partition];
    if (queue === undefined) return;
    const head = this.heads[partition];
    while (queue.length > head && queue[queue.length - 1].lastOffset >= logEndOffset) {
      const lost = queue.pop() as AttemptJourney;
      lost.truncatedMs = nowMs;
    }
  }
}
