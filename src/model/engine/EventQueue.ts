/**
 * The simulation's pending events: a binary min-heap keyed by (timeMs, seq), so events due at the same time run in
 * the order they were scheduled. Simulation-only (Kafka runs on threads and wall-clock timers; the nearest relative is
 * the broker's `SystemTimer`/`TimingWheel` behind the purgatories).
 * Cancellation removes the entry from the heap at once (each entry knows its heap index), so the many cancelled
 * timeouts of a long run (request timeouts, purgatory deadlines, long polls) do not pile up in the heap.
 */

/** Something an event can run without a closure being allocated per event: pass a long-lived object. */
export interface SimEvent {
  run(nowMs: number): void;
}

/** What a scheduled event does: a function or an object with `run(nowMs)`. Both receive the event's time. */
export type EventAction = ((nowMs: number) => void) | SimEvent;

/** A scheduled event, as returned by `schedule`. Pass it to `cancel`. */
export interface EventHandle {
  /** Simulated ms at which the event runs. */
  readonly timeMs: number;
  /** Scheduling order; breaks ties between events at the same time. */
  readonly seq: number;
  /** True while the event is scheduled (not yet run, not cancelled). */
  readonly pending: boolean;
}

/** The internal heap entry; it is also the handle given out. */
export class QueuedEvent implements EventHandle {
  /** Position in the heap array, -1 once run or cancelled. */
  heapIndex = -1;

  constructor(
    readonly timeMs: number,
    readonly seq: number,
    readonly action: EventAction,
  ) {}

  get pending(): boolean {
    return this.heapIndex >= 0;
  }

  /** Runs the action with the event's own time. */
  fire(): void {
    const a = this.action;
    if (typeof a === 'function') a(this.timeMs);
    else a.run(this.timeMs);
  }
}

export class EventQueue {
  private readonly heap: QueuedEvent[] = [];
  private nextSeq = 0;

  /** Number of scheduled (not yet run, not cancelled) events. */
  get size(): number {
    return this.heap.length;
  }

  /**
   * Schedules `action` at `atMs`. Ties with already-scheduled events at the same time run after them.
   * @throws if atMs is NaN (a NaN time would corrupt the heap order).
   */
  schedule(atMs: number, action: EventAction): EventHandle {
    if (Number.isNaN(atMs)) throw new Error('EventQueue.schedule: time is NaN');
    const e = new QueuedEvent(atMs, this.nextSeq++, action);
    const heap = this.heap;
    e.heapIndex = heap.length;
    heap.push(e);
    this.siftUp(e.heapIndex);
    return e;
  }

  /** Removes a scheduled event; returns false if it had already run or been cancelled. */
  cancel(handle: EventHandle): boolean {
    const e = handle as QueuedEvent;
    const i = e.heapIndex;
    if (i < 0) return false;
    const heap = this.heap;
    if (heap[i] !== e) throw new Error('EventQueue.cancel: handle belongs to another queue');
    e.heapIndex = -1;
    const last = heap.pop()!;
    if (i < heap.length) {
      heap[i] = last;
      last.heapIndex = i;
      this.siftDown(i);
      if (last.heapIndex === i) this.siftUp(i);
    }
    return true;
  }

  /** Time of the earliest scheduled event, or Infinity when empty. */
  peekTimeMs(): number {
    return this.heap.length > 0 ? this.heap[0].timeMs : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest event (not run), or undefined when empty. */
  pop(): QueuedEvent | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    top.heapIndex = -1;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      last.heapIndex = 0;
      this.siftDown(0);
    }
    return top;
  }

  /** Drops every scheduled event. */
  clear(): void {
    for (const e of this.heap) e.heapIndex = -1;
    this.heap.length = 0;
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const e = heap[index];
    let i = index;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (parent.timeMs < e.timeMs || (parent.timeMs === e.timeMs && parent.seq < e.seq)) break;
      heap[i] = parent;
      parent.heapIndex = i;
      i = parentIndex;
    }
    heap[i] = e;
    e.heapIndex = i;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const n = heap.length;
    const e = heap[index];
    let i = index;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let child = heap[l];
      if (r < n) {
        const right = heap[r];
        if (
          right.timeMs < child.timeMs ||
          (right.timeMs === child.timeMs && right.seq < child.seq)
        ) {
          c = r;
          child = right;
        }
      }
      if (e.timeMs < child.timeMs || (e.timeMs === child.timeMs && e.seq < child.seq)) break;
      heap[i] = child;
      child.heapIndex = i;
      i = c;
    }
    heap[i] = e;
    e.heapIndex = i;
  }
}
