// @vitest-environment node
/**
 * The idempotent producer after a MESSAGE_TOO_LARGE split (Sender.completeBatch's split branch, then
 * RecordAccumulator.splitAndReenqueue): split batches carry contiguous sequences from the big batch's base and are
 * tracked in flight; the next batch, answered OUT_OF_ORDER_SEQUENCE_NUMBER, is retried after its backoff once it is
 * the first in flight (reference §2f, §2h, §2j). Kafka draws the backoff jitter at every check; here ready() and
 * drain() of one Sender loop see the same draw, or a retry that ready() let through could be skipped by drain()
 * with the Sender asleep until the delivery timeout.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../engine/Random';
import {
  kafkaTestCluster,
  makeAccumulator,
  randomBytes,
  record,
  utf8,
} from './AccumulatorTestUtils';
import type { ProducerBatch } from './ProducerBatch';
import { TransactionManager } from './TransactionManager';

const MAX = 2147483647;

/** Scripted jitter draws (0 → −20 %, 0.999 → +20 %: a 100 ms backoff of 80 or 119 ms); 0.5 (none) after. */
class ScriptedJitter {
  draws: number[] = [];
  nextDouble(): number {
    return this.draws.shift() ?? 0.5;
  }
}

/**
 * A 20-record batch (seq 0–19) too large for the broker and a 5-record batch (seq 20–24) behind it, both in
 * flight; at 5 ms the first is split and the second comes back OUT_OF_ORDER_SEQUENCE_NUMBER and is re-queued.
 */
function splitThenOutOfOrder() {
  const jitter = new ScriptedJitter();
  const tm = new TransactionManager<ProducerBatch>();
  tm.bumpIdempotentEpochAndResetIdIfNeeded();
  tm.initProducerIdSent();
  tm.handleInitProducerIdResponse('NONE', 7, 0);
  const cluster = kafkaTestCluster();
  const { acc, pool } = makeAccumulator(1024, 64 * 1024, 0, {
    compressionType: 'gzip',
    transactionManager: tm,
    backoffRandom: jitter,
  });
  acc.batchContext.estimator.setEstimation('gzip', 0.1);
  const random = new Random(9);
  for (let i = 0; i < 20; i++) {
    acc.append(record(null, randomBytes(100, random), 0), 0, 0, false, 0, cluster);
  }
  const [big] = acc.drain(cluster, [0], MAX, 0).get(0)!;
  for (let i = 0; i < 5; i++) acc.append(record(null, utf8('v'), 1), 0, 0, false, 1, cluster);
  const [next] = acc.drain(cluster, [0], MAX, 1).get(0)!;
  expect([big.baseSequence(), big.recordCount, next.baseSequence()]).toEqual([0, 20, 20]);

  // Sender.completeBatch: MESSAGE_TOO_LARGE splits without counting an attempt.
  tm.removeInFlightBatch(big);
  const parts = acc.splitAndReenqueue(big);
  acc.deallocate(big, 5);
  // The batch behind it broke the broker's sequence: not the next expected one, so a plain retry.
  expect(tm.canRetry({ error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }, next)).toBe(true);
  expect(tm.isEpochBumpRequired()).toBe(false);
  acc.reenqueue(next, 5);
  return { tm, acc, pool, cluster, parts, next, jitter };
}

/** Sends the split batches one at a time (each only once it is the first in flight) and acks them at 6 ms. */
function sendAndAckSplitBatches(s: ReturnType<typeof splitThenOutOfOrder>): number[] {
  const { tm, acc, cluster } = s;
  const sequences: number[] = [];
  for (let i = 0; i < s.parts; i++) {
    const drained = acc.drain(cluster, [0], MAX, 6).get(0)!;
    expect(drained).toHaveLength(1);
    const [part] = drained;
    sequences.push(part.baseSequence());
    // The next split batch waits for this one.
    expect(acc.drain(cluster, [0], MAX, 6).get(0)).toEqual([]);
    part.complete(part.baseSequence(), -1, 6);
    tm.handleCompletedBatch(part, part.baseSequence());
    acc.deallocate(part, 6);
  }
  return sequences;
}

describe('idempotent producer after a MESSAGE_TOO_LARGE split', () => {
  it('re-sequences split batches contiguously from the big batch and tracks them in flight', () => {
    const s = splitThenOutOfOrder();
    const deque = s.acc.getDeque(0)!;
    expect(s.parts).toBeGreaterThan(1);
    expect(deque).toHaveLength(s.parts + 1);
    let expected = 0;
    for (const b of deque.slice(0, s.parts)) {
      expect([b.producerId(), b.producerEpoch(), b.baseSequence(), b.attempts]).toEqual([
        7,
        0,
        expected,
        0,
      ]);
      expected += b.recordCount;
    }
    expect(expected).toBe(20);
    expect(deque[s.parts]).toBe(s.next);
    expect(s.tm.inFlightBatches(0).map((b) => b.baseSequence())).toEqual(
      deque.map((b) => b.baseSequence()),
    );
    expect(s.tm.firstInFlightSequence(0)).toBe(0);
  });

  it('drains the retried batch in the loop where ready() found its backoff over', () => {
    const s = splitThenOutOfOrder();
    const { tm, acc, cluster, next } = s;
    const sequences = sendAndAckSplitBatches(s);
    expect(sequences[0]).toBe(0);
    expect(tm.lastAckedSequence(0)).toBe(19);
    expect(tm.firstInFlightSequence(0)).toBe(20);
    expect(acc.getDeque(0)).toEqual([next]);
    // 100 ms after the re-enqueue. Drawing per check, ready() would see 80 ms (sendable) and drain() 119 ms
    // (skipped): the Sender, told the node was ready, would then sleep with nothing sent. One draw per loop.
    s.jitter.draws = [0, 0.999];
    const now = 105;
    expect([...acc.ready(cluster, now).readyNodes]).toEqual([0]);
    const drained = acc.drain(cluster, [0], MAX, now).get(0)!;
    expect(drained).toEqual([next]);
    expect([next.baseSequence(), next.attempts, next.readyReason]).toEqual([
      20,
      1,
      'retry-backoff-elapsed',
    ]);
    next.complete(20, -1, now + 1);
    tm.handleCompletedBatch(next, 20);
    acc.deallocate(next, now + 1);
    expect(tm.lastAckedSequence(0)).toBe(24);
    expect(tm.hasInflightBatches(0)).toBe(false);
    expect(s.pool.availableMemory()).toBe(64 * 1024);
  });

  it('keeps backing off on a long draw and draws again in the next loop', () => {
    const s = splitThenOutOfOrder();
    const { acc, cluster, next } = s;
    sendAndAckSplitBatches(s);
    // Waited 90 ms; this loop draws 119 ms: not sendable, check again in 29 ms, and drain() agrees.
    s.jitter.draws = [0.999, 0];
    const first = acc.ready(cluster, 95);
    expect(first.readyNodes.size).toBe(0);
    expect(first.nextReadyCheckDelayMs).toBe(29);
    expect(acc.drain(cluster, [0], MAX, 95).get(0)).toEqual([]);
    // The next loop draws anew (80 ms), as Kafka's every check does.
    expect([...acc.ready(cluster, 124).readyNodes]).toEqual([0]);
    expect(acc.drain(cluster, [0], MAX, 124).get(0)).toEqual([next]);
  });
});
