// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../engine/Random';
import { kafkaTestCluster, makeAccumulator, record, utf8 } from './AccumulatorTestUtils';
import { BufferExhaustedException, type BufferPoolWaiter } from './BufferPool';
import type { ProducerBatch } from './ProducerBatch';
import {
  type AccumulatorTransactionManager,
  type PendingAppend,
  UNKNOWN_PARTITION,
} from './RecordAccumulator';
import type { RecordState } from './RecordState';
import { TransactionManager } from './TransactionManager';

const value = utf8('value');
const MAX = 2147483647;

function idempotentAccumulator(lingerMs = 0) {
  const tm = new TransactionManager<ProducerBatch>();
  const { acc } = makeAccumulator(61 + 3 * 12, 64 * 1024, lingerMs, { transactionManager: tm });
  return { tm, acc, cluster: kafkaTestCluster() };
}

describe('RecordAccumulator with idempotence', () => {
  it('drains nothing before a producer id, then assigns sequences at drain', () => {
    const { tm, acc, cluster } = idempotentAccumulator();
    for (let i = 0; i < 5; i++) acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    expect(acc.getDeque(0)?.map((b) => b.recordCount)).toEqual([3, 2]);
    expect([...acc.ready(cluster, 0).readyNodes]).toEqual([0]);
    expect(acc.drain(cluster, [0], MAX, 0).get(0)).toEqual([]);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    tm.initProducerIdSent();
    tm.handleInitProducerIdResponse('NONE', 1000, 0);
    const [first] = acc.drain(cluster, [0], MAX, 0).get(0)!;
    expect([first.producerId(), first.producerEpoch(), first.baseSequence()]).toEqual([1000, 0, 0]);
    const [second] = acc.drain(cluster, [0], MAX, 0).get(0)!;
    expect(second.baseSequence()).toBe(3);
    expect(tm.sequenceNumber(0)).toBe(5);
    expect(tm.inFlightBatches(0)).toEqual([first, second]);
  });

  it('re-enqueues retries in sequence order and sends only the lowest in flight', () => {
    const { tm, acc, cluster } = idempotentAccumulator();
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    tm.initProducerIdSent();
    tm.handleInitProducerIdResponse('NONE', 7, 0);
    for (let i = 0; i < 9; i++) acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    const sent = [0, 1, 2].map(() => acc.drain(cluster, [0], MAX, 0).get(0)![0]);
    expect(sent.map((b) => b.baseSequence())).toEqual([0, 3, 6]);
    // Responses come back out of order; each retry lands in sequence order.
    acc.reenqueue(sent[2], 1);
    acc.reenqueue(sent[0], 1);
    acc.reenqueue(sent[1], 1);
    expect(acc.getDeque(0)?.map((b) => b.baseSequence())).toEqual([0, 3, 6]);
    const later = 1 + 1000;
    const [retry] = acc.drain(cluster, [0], MAX, later).get(0)!;
    expect(retry).toBe(sent[0]);
    // seq 3 is not the first in flight (0 still is): the node's drain stops.
    expect(acc.drain(cluster, [0], MAX, later).get(0)).toEqual([]);
    retry.complete(0, -1, later);
    tm.handleCompletedBatch(retry, 0);
    expect(acc.drain(cluster, [0], MAX, later).get(0)).toEqual([sent[1]]);
  });

  it('requires a sequence and an in-flight entry to re-enqueue', () => {
    const { acc, cluster } = idempotentAccumulator();
    acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    const batch = acc.getDeque(0)![0];
    expect(() => acc.reenqueue(batch, 0)).toThrow(
      "Trying to re-enqueue a batch which doesn't have a sequence even though idempotency is enabled.",
    );
  });

  it('drains at once while a transaction completes (testRecordsDrainedWhenTransactionCompleting)', () => {
    let completing = false;
    const tm: AccumulatorTransactionManager = {
      producerIdAndEpoch: { producerId: 12345, epoch: 5 },
      isTransactional: () => true,
      isCompleting: () => completing,
      isSendToPartitionAllowed: () => true,
      hasInflightBatches: () => false,
      hasStaleProducerIdAndEpoch: () => false,
      hasUnresolvedSequence: () => false,
      firstInFlightSequence: () => 0,
      maybeUpdateProducerIdAndEpoch: () => {},
      sequenceNumber: () => 0,
      incrementSequenceNumber: () => {},
      addInFlightBatch: () => {},
    };
    const cluster = kafkaTestCluster();
    const { acc } = makeAccumulator(1025, 10 * 1025, 10, { transactionManager: tm });
    acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    acc.append(record(null, value, 0), 0, 1000, false, 0, cluster);
    expect(acc.ready(cluster, 0).readyNodes.size).toBe(0);
    completing = true;
    const ready = acc.ready(cluster, 0).readyNodes;
    expect([...ready]).toEqual([0]);
    const [batch] = acc.drain(cluster, ready, MAX, 0).get(0)!;
    expect(batch.readyReason).toBe('transaction-completing');
    expect(batch.isTransactional()).toBe(true);
    expect(batch.recordCount).toBe(2);
  });
});

describe('RecordAccumulator buffer accounting (property)', () => {
  it('never accounts more than buffer.memory and gets all of it back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 400 })), {
          minLength: 60,
          maxLength: 200,
        }),
        (seed, ops) => {
          const cluster = kafkaTestCluster();
          const total = 600;
          const { acc, pool } = makeAccumulator(200, total, 5, { random: new Random(seed) });
          const granted: PendingAppend[] = [];
          const waiting: PendingAppend[] = [];
          const inFlight: ProducerBatch[] = [];
          const records: RecordState[] = [];
          acc.setAppendUnblockedListener((p) => granted.push(p));
          let now = 0;
          const check = () => {
            let held = 0;
            for (const b of acc.incompleteBatches())
              if (!b.isSplitBatch) held += b.initialCapacity();
            for (const p of granted) held += p.waiter.size;
            const gathering = pool
              .waiting()
              .reduce((n, w: BufferPoolWaiter) => n + w.accumulated, 0);
            expect(pool.availableMemory()).toBeGreaterThanOrEqual(0);
            expect(pool.availableMemory() + held + gathering).toBe(total);
          };
          const append = (size: number, partition: number) => {
            const r = record(null, new Uint8Array(size), now);
            records.push(r);
            try {
              const result = acc.append(r, partition, 50, false, now, cluster);
              if (result.blocked !== null) waiting.push(result.blocked);
            } catch (e) {
              expect(e).toBeInstanceOf(BufferExhaustedException);
            }
          };
          for (const [op, arg] of ops) {
            now += 1 + (arg % 7);
            if (op <= 3) append(arg % 90, op <= 1 ? UNKNOWN_PARTITION : arg % 3);
            else if (op <= 5) {
              const ready = acc.ready(cluster, now).readyNodes;
              for (const batches of acc.drain(cluster, ready, 1000, now).values())
                inFlight.push(...batches);
            } else if (op === 6 && inFlight.length > 0) {
              const b = inFlight.splice(arg % inFlight.length, 1)[0];
              if (b.recordCount > 1 && arg % 3 === 0) acc.splitAndReenqueue(b);
              else b.complete(0, -1, now);
              acc.deallocate(b, now);
            } else if (op === 7 && granted.length > 0) {
              acc.resumeAppend(granted.shift()!, now, cluster);
            } else if (op === 8 && waiting.length > 0) {
              const p = waiting.shift()!;
              if (p.waiter.state === 'waiting') acc.abortPendingAppend(p, now);
            }
            check();
          }
          // Wind down: resume or abandon parked appends, send and complete everything.
          for (const p of waiting) if (p.waiter.state === 'waiting') acc.abortPendingAppend(p, now);
          for (
            let guard = 0;
            guard < 1000 && (granted.length > 0 || acc.hasIncomplete());
            guard++
          ) {
            while (granted.length > 0) acc.resumeAppend(granted.shift()!, now, cluster);
            now += 10_000;
            for (const b of inFlight.splice(0)) {
              b.complete(0, -1, now);
              acc.deallocate(b, now);
            }
            for (const batches of acc.drain(cluster, [0, 1], 1000, now).values())
              inFlight.push(...batches);
            check();
          }
          expect(acc.hasIncomplete()).toBe(false);
          expect(pool.availableMemory()).toBe(total);
          expect(pool.queued()).toBe(0);
          // Every record that got into a batch was acked exactly once.
          for (const r of records) expect(r.batchId === -1 || r.status === 'acked').toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
