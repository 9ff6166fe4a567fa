/**
 * The producer's buffer.memory budget: a free list of poolable (batch.size) buffers plus non-pooled memory, and a
 * FIFO queue of appenders waiting for memory. Mirrors org.apache.kafka.clients.producer.internals.BufferPool.
 *
 * A simulation cannot block a thread, so `allocate` returns either the size it granted or a `BufferPoolWaiter`.
 * A waiter takes memory as it is freed (the oldest waiter first, and only it, exactly as Kafka signals only the
 * head condition), and when it holds its full size the pool calls the waiter listener. The caller enforces
 * max.block.ms: at `waiter.deadlineMs` it calls `cancelWaiter`, which hands the waiter's partial memory back and
 * returns Kafka's BufferExhaustedException. Buffers are sizes only (no bytes). Left out: the chunked allocation
 * mode of later versions, interrupts, and OOM handling.
 */
import { IllegalArgumentException } from '../Partitioner';

export { IllegalArgumentException };

/** Kafka's org.apache.kafka.common.KafkaException (message and name kept for `Name: message` texts). */
export class KafkaException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KafkaException';
  }
}

/** java.lang.IllegalStateException. */
export class IllegalStateException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalStateException';
  }
}

/** org.apache.kafka.clients.producer.BufferExhaustedException (a TimeoutException: goes to the callback). */
export class BufferExhaustedException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BufferExhaustedException';
  }
}

export type BufferPoolWaiterState = 'waiting' | 'allocated' | 'timed-out' | 'closed';

/** One blocked allocation (Kafka: a Condition in `waiters` plus the allocating thread's `accumulated`). */
export interface BufferPoolWaiter {
  readonly id: number;
  /** Bytes requested. */
  readonly size: number;
  readonly maxTimeToBlockMs: number;
  readonly startMs: number;
  /** startMs + maxTimeToBlockMs: when the caller should give up (`cancelWaiter`). */
  readonly deadlineMs: number;
  /** Bytes already reserved for this waiter (Kafka keeps them while it waits for the rest). */
  accumulated: number;
  state: BufferPoolWaiterState;
  /** Sim time when the full size was granted (or the waiter ended); -1 while waiting. */
  endMs: number;
  /** Free for the allocator's use (the accumulator keeps its parked append here). */
  attachment: unknown;
}

/** Called when a waiter got all its memory (`state === 'allocated'`) or the pool closed (`'closed'`). */
export type BufferPoolWaiterListener = (waiter: BufferPoolWaiter, nowMs: number) => void;

export interface BufferPoolOptions {
  /** Notified of every finished wait in nanoseconds (Kafka's bufferpool-wait-time sensor). */
  onWaitTime?: (waitNs: number, nowMs: number) => void;
}

export class BufferPool {
  readonly totalMemory: number;
  readonly poolableSize: number;
  /** Number of free poolable buffers (Kafka's `free` deque of ByteBuffers; here only their count). */
  private freeBuffers = 0;
  private nonPooledAvailableMemory: number;
  private readonly waiters: BufferPoolWaiter[] = [];
  private closed = false;
  private nextWaiterId = 0;
  private listener: BufferPoolWaiterListener | null = null;
  private readonly onWaitTime: ((waitNs: number, nowMs: number) => void) | null;
  /** bufferpool-wait-time-ns-total, in ns as Kafka reports it. */
  private waitNsTotal = 0;
  /** buffer-exhausted-total: allocations that gave up after max.block.ms. */
  private exhaustedTotal = 0;

  constructor(memory: number, poolableSize: number, options: BufferPoolOptions = {}) {
    this.totalMemory = memory;
    this.poolableSize = poolableSize;
    this.nonPooledAvailableMemory = memory;
    this.onWaitTime = options.onWaitTime ?? null;
  }

  /** Who to tell when a waiter is served or the pool closes (the RecordAccumulator installs itself). */
  setWaiterListener(listener: BufferPoolWaiterListener | null): void {
    this.listener = listener;
  }

  /**
   * Reserve `size` bytes. Returns `size` when memory is on hand, else a waiter that will be served by later
   * deallocations. With maxTimeToBlockMs ≤ 0 Kafka's wait times out at once, so this throws
   * BufferExhaustedException instead of returning a waiter. Throws IllegalArgumentException when size exceeds
   * buffer.memory and KafkaException after close().
   */
  allocate(size: number, maxTimeToBlockMs: number, nowMs: number): number | BufferPoolWaiter {
    if (size > this.totalMemory) {
      throw new IllegalArgumentException(
        `Attempt to allocate ${size} bytes, but there is a hard limit of ${this.totalMemory} on memory allocations.`,
      );
    }
    if (this.closed) throw new KafkaException('Producer closed while allocating memory');

    if (size === this.poolableSize && this.freeBuffers > 0) {
      this.freeBuffers--;
      return size;
    }
    if (this.nonPooledAvailableMemory + this.freeBuffers * this.poolableSize >= size) {
      this.freeUp(size);
      this.nonPooledAvailableMemory -= size;
      return size;
    }
    if (maxTimeToBlockMs <= 0) {
      this.exhaustedTotal++;
      this.recordWaitTime(0, nowMs);
      throw new BufferExhaustedException(this.exhaustedMessage(size, maxTimeToBlockMs));
    }
    const waiter: BufferPoolWaiter = {
      id: this.nextWaiterId++,
      size,
      maxTimeToBlockMs,
      startMs: nowMs,
      deadlineMs: nowMs + maxTimeToBlockMs,
      accumulated: 0,
      state: 'waiting',
      endMs: -1,
      attachment: null,
    };
    // Memory may be on hand but not enough; Kafka's waiter takes nothing until it is signalled, and a
    // signal only comes from a deallocate, so the partial memory stays available to others until then.
    this.waiters.push(waiter);
    return waiter;
  }

  /**
   * Return a buffer of `size` bytes (a batch completed or was aborted). A batch.size buffer goes back to the free
   * list, anything else to non-pooled memory; then the oldest waiter is served.
   */
  deallocate(size: number, nowMs: number): void {
    if (size === this.poolableSize) this.freeBuffers++;
    else this.nonPooledAvailableMemory += size;
    this.serveWaiters(nowMs);
  }

  /**
   * Give up a waiting allocation after max.block.ms (Kafka's timed-out await): its partial memory returns to
   * the pool, later waiters may then be served, and the exception the send must fail with is returned.
   * `nowMs` defaults to the waiter's deadline. Returns null when the waiter was already served or closed.
   */
  cancelWaiter(
    waiter: BufferPoolWaiter,
    nowMs = waiter.deadlineMs,
  ): BufferExhaustedException | null {
    const index = this.waiters.indexOf(waiter);
    if (index < 0 || waiter.state !== 'waiting') return null;
    // Kafka builds the message before its finally block hands the accumulated bytes back.
    const error = new BufferExhaustedException(
      this.exhaustedMessage(waiter.size, waiter.maxTimeToBlockMs),
    );
    this.waiters.splice(index, 1);
    this.nonPooledAvailableMemory += waiter.accumulated;
    waiter.accumulated = 0;
    waiter.state = 'timed-out';
    waiter.endMs = nowMs;
    this.exhaustedTotal++;
    this.recordWaitTime(nowMs - waiter.startMs, nowMs);
    this.serveWaiters(nowMs);
    return error;
  }

  /**
   * Close the pool: later allocations throw, waiting ones end with state 'closed' (Kafka: "Producer closed while
   * allocating memory") and get their partial memory back; deallocation keeps working.
   */
  close(nowMs: number): void {
    this.closed = true;
    const waiting = this.waiters.splice(0, this.waiters.length);
    for (const waiter of waiting) {
      this.nonPooledAvailableMemory += waiter.accumulated;
      waiter.accumulated = 0;
      waiter.state = 'closed';
      waiter.endMs = nowMs;
      this.recordWaitTime(nowMs - waiter.startMs, nowMs);
    }
    for (const waiter of waiting) this.listener?.(waiter, nowMs);
  }

  /** Free pooled + non-pooled bytes (buffer-available-bytes). */
  availableMemory(): number {
    return this.nonPooledAvailableMemory + this.freeBuffers * this.poolableSize;
  }

  /** Bytes neither allocated nor in the free list. */
  unallocatedMemory(): number {
    return this.nonPooledAvailableMemory;
  }

  /** Number of appenders blocked waiting for memory (waiting-threads). */
  queued(): number {
    return this.waiters.length;
  }

  /** Free poolable buffers. */
  freeSize(): number {
    return this.freeBuffers;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** The waiting allocations, oldest first (read-only view for the explorer). */
  waiting(): readonly BufferPoolWaiter[] {
    return this.waiters;
  }

  /** Bytes reserved by waiters that are still short of their size. */
  reservedByWaiters(): number {
    let sum = 0;
    for (const waiter of this.waiters) sum += waiter.accumulated;
    return sum;
  }

  /** bufferpool-wait-time-ns-total. */
  waitTimeNsTotal(): number {
    return this.waitNsTotal;
  }

  /** buffer-exhausted-total. */
  bufferExhaustedTotal(): number {
    return this.exhaustedTotal;
  }

  /**
   * Kafka signals only the head waiter; it takes what it still needs (a pooled buffer if it needs exactly one
   * and has nothing yet), and when it is complete the next one is signalled while memory remains.
   */
  private serveWaiters(nowMs: number): void {
    while (this.waiters.length > 0 && (this.nonPooledAvailableMemory > 0 || this.freeBuffers > 0)) {
      const waiter = this.waiters[0];
      if (waiter.accumulated === 0 && waiter.size === this.poolableSize && this.freeBuffers > 0) {
        this.freeBuffers--;
        waiter.accumulated = waiter.size;
      } else {
        const needed = waiter.size - waiter.accumulated;
        this.freeUp(needed);
        const got = Math.min(needed, this.nonPooledAvailableMemory);
        this.nonPooledAvailableMemory -= got;
        waiter.accumulated += got;
      }
      if (waiter.accumulated < waiter.size) return;
      this.waiters.shift();
      waiter.state = 'allocated';
      waiter.endMs = nowMs;
      this.recordWaitTime(nowMs - waiter.startMs, nowMs);
      this.listener?.(waiter, nowMs);
    }
  }

  /** Turn pooled buffers back into non-pooled memory until `size` bytes are non-pooled (or the list is empty). */
  private freeUp(size: number): void {
    while (this.freeBuffers > 0 && this.nonPooledAvailableMemory < size) {
      this.freeBuffers--;
      this.nonPooledAvailableMemory += this.poolableSize;
    }
  }

  private recordWaitTime(waitMs: number, nowMs: number): void {
    const waitNs = Math.max(0, waitMs) * 1e6;
    this.waitNsTotal += waitNs;
    this.onWaitTime?.(waitNs, nowMs);
  }

  private exhaustedMessage(size: number, maxTimeToBlockMs: number): string {
    return (
      `Failed to allocate ${size} bytes within the configured max blocking time ${maxTimeToBlockMs} ms. ` +
      `Total memory: ${this.totalMemory} bytes. Available memory: ${this.availableMemory()} bytes. ` +
      `Poolable size: ${this.poolableSize} bytes`
    );
  }
}
