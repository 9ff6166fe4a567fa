// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BufferExhaustedException,
  BufferPool,
  type BufferPoolWaiter,
  IllegalArgumentException,
  KafkaException,
} from './BufferPool';

function isWaiter(x: number | BufferPoolWaiter): x is BufferPoolWaiter {
  return typeof x !== 'number';
}

function waiterOf(x: number | BufferPoolWaiter): BufferPoolWaiter {
  if (!isWaiter(x)) throw new Error(`expected a waiter, got ${x}`);
  return x;
}

describe('BufferPool', () => {
  it('allocates without blocking, recycles poolable buffers and returns odd sizes to non-pooled memory', () => {
    // BufferPoolTest.testSimple
    const total = 64 * 1024;
    const size = 1024;
    const pool = new BufferPool(total, size);
    expect(pool.allocate(size, 10, 0)).toBe(size);
    expect(pool.unallocatedMemory()).toBe(total - size);
    expect(pool.availableMemory()).toBe(total - size);
    pool.deallocate(size, 0);
    expect(pool.availableMemory()).toBe(total);
    expect(pool.unallocatedMemory()).toBe(total - size);
    expect(pool.freeSize()).toBe(1);
    // The pooled buffer is reused: still one on the free list afterwards.
    expect(pool.allocate(size, 10, 0)).toBe(size);
    expect(pool.freeSize()).toBe(0);
    pool.deallocate(size, 0);
    expect(pool.unallocatedMemory()).toBe(total - size);
    pool.allocate(2 * size, 10, 0);
    pool.deallocate(2 * size, 0);
    expect(pool.availableMemory()).toBe(total);
    expect(pool.unallocatedMemory()).toBe(total - size);
  });

  it('turns pooled buffers back into non-pooled memory when a bigger request needs them', () => {
    const pool = new BufferPool(4, 1);
    for (let i = 0; i < 4; i++) pool.allocate(1, 10, 0);
    for (let i = 0; i < 4; i++) pool.deallocate(1, 0);
    expect(pool.freeSize()).toBe(4);
    expect(pool.allocate(3, 10, 0)).toBe(3);
    expect(pool.freeSize()).toBe(1);
    expect(pool.unallocatedMemory()).toBe(0);
    expect(pool.availableMemory()).toBe(1);
  });

  it('rejects a request larger than buffer.memory with Kafka’s message', () => {
    // BufferPoolTest.testCantAllocateMoreMemoryThanWeHave
    const pool = new BufferPool(1024, 512);
    expect(pool.allocate(1024, 10, 0)).toBe(1024);
    pool.deallocate(1024, 0);
    expect(() => pool.allocate(1025, 10, 0)).toThrow(IllegalArgumentException);
    expect(() => pool.allocate(1025, 10, 0)).toThrow(
      'Attempt to allocate 1025 bytes, but there is a hard limit of 1024 on memory allocations.',
    );
  });

  it('parks an allocation until enough memory is deallocated, then tells the listener', () => {
    // BufferPoolTest.testDelayedAllocation
    const pool = new BufferPool(5 * 1024, 1024);
    const served: Array<[number, number]> = [];
    pool.setWaiterListener((w, nowMs) => served.push([w.id, nowMs]));
    pool.allocate(1024, 10, 0);
    const waiter = waiterOf(pool.allocate(5 * 1024, 10, 1));
    expect(waiter.deadlineMs).toBe(11);
    expect(pool.queued()).toBe(1);
    expect(served).toEqual([]);
    pool.deallocate(1024, 4);
    expect(served).toEqual([[waiter.id, 4]]);
    expect(waiter.state).toBe('allocated');
    expect(waiter.accumulated).toBe(5 * 1024);
    expect(pool.queued()).toBe(0);
    expect(pool.availableMemory()).toBe(0);
    expect(pool.waitTimeNsTotal()).toBe(3e6);
  });

  it('times out with BufferExhaustedException worded as Kafka’s', () => {
    // BufferPoolTest.testBufferExhaustedExceptionIsThrown / testCleanupMemoryAvailabilityWaiterOnBlockTimeout
    const pool = new BufferPool(2, 1);
    pool.allocate(1, 10, 0);
    const waiter = waiterOf(pool.allocate(2, 10, 0));
    const error = pool.cancelWaiter(waiter);
    expect(error).toBeInstanceOf(BufferExhaustedException);
    expect(error?.message).toBe(
      'Failed to allocate 2 bytes within the configured max blocking time 10 ms. Total memory: 2 bytes. ' +
        'Available memory: 1 bytes. Poolable size: 1 bytes',
    );
    expect(waiter.state).toBe('timed-out');
    expect(pool.queued()).toBe(0);
    expect(pool.availableMemory()).toBe(1);
    expect(pool.bufferExhaustedTotal()).toBe(1);
    // A second cancel is a no-op.
    expect(pool.cancelWaiter(waiter)).toBeNull();
  });

  it('throws at once when max.block.ms is 0 and memory is short', () => {
    const pool = new BufferPool(2, 1);
    pool.allocate(1, 0, 0);
    expect(() => pool.allocate(2, 0, 0)).toThrow(BufferExhaustedException);
    expect(pool.queued()).toBe(0);
    expect(pool.availableMemory()).toBe(1);
    expect(pool.allocate(1, 0, 0)).toBe(1);
  });

  it('keeps the memory gathered before the deadline and returns it on timeout', () => {
    // BufferPoolTest.testBlockTimeout, with the clock driven by hand.
    const pool = new BufferPool(10, 1);
    pool.allocate(1, 10, 0);
    pool.allocate(1, 10, 0);
    pool.allocate(1, 10, 0);
    const waiter = waiterOf(pool.allocate(10, 10, 0));
    pool.deallocate(1, 5);
    expect(waiter.accumulated).toBe(8);
    pool.deallocate(1, 10);
    expect(waiter.accumulated).toBe(9);
    expect(pool.availableMemory()).toBe(0);
    const error = pool.cancelWaiter(waiter, 10);
    expect(error?.message).toContain('Available memory: 0 bytes.');
    expect(pool.availableMemory()).toBe(9);
    pool.deallocate(1, 25);
    expect(pool.availableMemory()).toBe(10);
  });

  it('serves waiters first-in first-out, the head taking all memory until it is complete', () => {
    const pool = new BufferPool(4, 1);
    const order: number[] = [];
    pool.setWaiterListener((w) => order.push(w.id));
    for (let i = 0; i < 4; i++) pool.allocate(1, 100, 0);
    const big = waiterOf(pool.allocate(3, 100, 1));
    const small = waiterOf(pool.allocate(1, 100, 2));
    pool.deallocate(1, 3);
    // The small request could be served, but the head waiter is first in line.
    expect(big.accumulated).toBe(1);
    expect(small.accumulated).toBe(0);
    pool.deallocate(1, 4);
    pool.deallocate(1, 5);
    expect(order).toEqual([big.id]);
    pool.deallocate(1, 6);
    expect(order).toEqual([big.id, small.id]);
    expect(small.accumulated).toBe(1);
  });

  it('passes the head waiter’s memory on to the next one when it times out', () => {
    const pool = new BufferPool(4, 1);
    const order: number[] = [];
    pool.setWaiterListener((w) => order.push(w.id));
    for (let i = 0; i < 4; i++) pool.allocate(1, 100, 0);
    const big = waiterOf(pool.allocate(4, 10, 1));
    const small = waiterOf(pool.allocate(2, 100, 2));
    pool.deallocate(1, 3);
    pool.deallocate(1, 4);
    expect(big.accumulated).toBe(2);
    pool.cancelWaiter(big, 11);
    expect(order).toEqual([small.id]);
    expect(pool.availableMemory()).toBe(0);
  });

  it('hands a pooled buffer to a waiter that needs exactly one', () => {
    const pool = new BufferPool(2, 1);
    pool.allocate(1, 10, 0);
    pool.allocate(1, 10, 0);
    const waiter = waiterOf(pool.allocate(1, 10, 0));
    pool.deallocate(1, 1);
    expect(waiter.state).toBe('allocated');
    expect(pool.freeSize()).toBe(0);
  });

  it('refuses allocations after close, still takes deallocations and wakes waiters as closed', () => {
    // BufferPoolTest.testCloseAllocations / testCloseNotifyWaiters
    const pool = new BufferPool(1, 1);
    const woken: string[] = [];
    pool.setWaiterListener((w) => woken.push(w.state));
    pool.allocate(1, 1000, 0);
    pool.allocate(1, 1000, 0);
    pool.allocate(1, 1000, 0);
    expect(pool.queued()).toBe(2);
    pool.close(5);
    expect(woken).toEqual(['closed', 'closed']);
    expect(pool.queued()).toBe(0);
    expect(() => pool.allocate(1, 10, 6)).toThrow(KafkaException);
    expect(() => pool.allocate(1, 10, 6)).toThrow('Producer closed while allocating memory');
    pool.deallocate(1, 7);
    expect(pool.availableMemory()).toBe(1);
  });

  it('never accounts more than buffer.memory and gets it all back (property)', () => {
    // BufferPoolTest.testStressfulSituation as a property over random interleavings.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40 })), {
          maxLength: 200,
        }),
        (poolable, buffers, ops) => {
          const total = poolable * buffers;
          const pool = new BufferPool(total, poolable);
          const held: number[] = [];
          const waiting: BufferPoolWaiter[] = [];
          pool.setWaiterListener((w) => {
            if (w.state === 'allocated') held.push(w.size);
          });
          let now = 0;
          const check = () => {
            const heldBytes = held.reduce((a, b) => a + b, 0);
            expect(pool.availableMemory()).toBeGreaterThanOrEqual(0);
            expect(pool.availableMemory() + heldBytes + pool.reservedByWaiters()).toBe(total);
          };
          for (const [op, arg] of ops) {
            now++;
            if (op <= 1) {
              const size = op === 0 ? poolable : Math.min(total, arg);
              const r = pool.allocate(size, 50, now);
              if (isWaiter(r)) waiting.push(r);
              else held.push(r);
            } else if (op === 2 && held.length > 0) {
              pool.deallocate(held.splice(arg % held.length, 1)[0], now);
            } else if (op === 3 && waiting.length > 0) {
              pool.cancelWaiter(waiting.splice(arg % waiting.length, 1)[0], now);
            }
            check();
          }
          for (const w of waiting) pool.cancelWaiter(w, now);
          while (held.length > 0) pool.deallocate(held.pop()!, now);
          check();
          expect(pool.queued()).toBe(0);
          expect(pool.availableMemory()).toBe(total);
        },
      ),
    );
  });
});
