// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LogBudget, PartitionLog } from './PartitionLog';
import type { WireBatch } from './ProduceRequest';
import { inSequence, NUM_BATCHES_TO_RETAIN, ProducerStateManager } from './ProducerStateManager';

const MAX = 2147483647;

/** Appends a batch to both the log and the state, as a leader does after a successful check. */
function append(
  log: PartitionLog,
  state: ProducerStateManager,
  pid: number,
  epoch: number,
  seq: number,
  count: number,
): number {
  const b: WireBatch = {
    batchId: 0,
    partition: 0,
    recordIds: Array.from({ length: count }, (_, i) => i),
    recordCount: count,
    sizeInBytes: 100,
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: seq,
    maxTimestamp: 0,
  };
  const base = log.append(b, 0);
  const last = seq + count - 1 > MAX ? seq + count - 1 - MAX - 1 : seq + count - 1;
  state.update(pid, epoch, seq, last, base, base + count - 1);
  return base;
}

function fresh() {
  return { log: new PartitionLog(0, new LogBudget(1_000_000)), state: new ProducerStateManager() };
}

describe('ProducerStateManager (ports of ProducerStateManagerTest / UnifiedLogTest behaviours)', () => {
  it('accepts any first batch of an unknown producer, then only the next sequence (basic idempotence)', () => {
    const { log, state } = fresh();
    expect(state.check(1, 0, 17, 19)).toBe('NONE'); // no state: any sequence
    append(log, state, 1, 0, 0, 3);
    expect(state.check(1, 0, 3, 5)).toBe('NONE');
    expect(state.check(1, 0, 4, 5)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER'); // overlaps but is no duplicate
    expect(state.check(1, 0, 5, 7)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER'); // gap
    expect(state.entry(1)?.lastSequence).toBe(2);
  });

  it('recognises an exact duplicate of a cached batch and returns its original offsets', () => {
    const { log, state } = fresh();
    append(log, state, 1, 0, 0, 3);
    append(log, state, 1, 0, 3, 2);
    expect(state.check(1, 0, 0, 2)).toBe('DUPLICATE');
    expect([state.duplicateFirstOffset, state.duplicateLastOffset]).toEqual([0, 2]);
    expect(state.check(1, 0, 3, 4)).toBe('DUPLICATE');
    expect([state.duplicateFirstOffset, state.duplicateLastOffset]).toEqual([3, 4]);
  });

  it('keeps only the last 5 batches: an older retry is out of order, not a duplicate', () => {
    const { log, state } = fresh();
    for (let i = 0; i < NUM_BATCHES_TO_RETAIN + 1; i++) append(log, state, 1, 0, i * 2, 2);
    expect(state.entry(1)?.batchCount).toBe(5);
    expect(state.check(1, 0, 0, 1)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(state.check(1, 0, 2, 3)).toBe('DUPLICATE');
  });

  it('wraps sequences from 2147483647 to 0, and rejects anything else after the maximum', () => {
    expect(inSequence(MAX, 0)).toBe(true);
    expect(inSequence(MAX, 1)).toBe(false);
    expect(inSequence(4, 5)).toBe(true);
    const { log, state } = fresh();
    append(log, state, 1, 0, MAX - 1, 2); // lastSeq = MAX
    expect(state.check(1, 0, 1, 3)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(state.check(1, 0, 0, 2)).toBe('NONE');
    // A batch spanning the wrap: MAX−1, MAX, 0, 1 → lastSeq 1.
    const other = fresh();
    append(other.log, other.state, 2, 0, MAX - 1, 4);
    expect(other.state.entry(2)?.lastSequence).toBe(1);
    expect(other.state.check(2, 0, 2, 2)).toBe('NONE');
  });

  it('epochs: a lower epoch is fenced, a higher one must restart at sequence 0 and clears the cache', () => {
    const { log, state } = fresh();
    append(log, state, 1, 3, 0, 5);
    expect(state.check(1, 2, 5, 5)).toBe('INVALID_PRODUCER_EPOCH');
    expect(state.check(1, 2, 0, 4)).toBe('INVALID_PRODUCER_EPOCH'); // same range, older epoch: no duplicate
    expect(state.check(1, 4, 5, 5)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(state.check(1, 4, 0, 0)).toBe('NONE');
    append(log, state, 1, 4, 0, 1);
    expect(state.entry(1)?.producerEpoch).toBe(4);
    expect(state.entry(1)?.batchCount).toBe(1);
    expect(state.check(1, 4, 0, 0)).toBe('DUPLICATE');
  });

  it('producers are independent; batches without a producer id are never checked', () => {
    const { log, state } = fresh();
    append(log, state, 1, 0, 0, 2);
    expect(state.check(2, 0, 9, 9)).toBe('NONE');
    expect(state.check(-1, -1, -1, -1)).toBe('NONE');
    expect(state.producerCount).toBe(1);
  });

  it('after a truncation the state is rebuilt from the batches left in the log', () => {
    const { log, state } = fresh();
    append(log, state, 1, 0, 0, 2); // offsets 0-1
    append(log, state, 2, 0, 0, 1); // offset 2
    append(log, state, 1, 0, 2, 2); // offsets 3-4
    append(log, state, 1, 0, 4, 2); // offsets 5-6
    append(log, state, 3, 0, 0, 1); // offset 7
    log.truncateTo(3);
    state.truncateTo(3, log);
    // Producer 1 is back to its first batch: the truncated ones are the next in sequence again.
    expect(state.entry(1)?.lastSequence).toBe(1);
    expect(state.check(1, 0, 2, 3)).toBe('NONE');
    expect(state.check(1, 0, 0, 1)).toBe('DUPLICATE');
    expect(state.duplicateFirstOffset).toBe(0);
    // Producer 2 was below the cut; producer 3 lost its only batch and with it its state.
    expect(state.check(2, 0, 0, 0)).toBe('DUPLICATE');
    expect(state.entry(3)).toBeUndefined();
    expect(state.check(3, 0, 5, 5)).toBe('NONE');
  });

  it('rebuilding keeps at most 5 batches and only those of the newest remaining epoch', () => {
    const { log, state } = fresh();
    append(log, state, 1, 0, 0, 1);
    append(log, state, 1, 0, 1, 1);
    for (let i = 0; i < 7; i++) append(log, state, 1, 1, i, 1); // offsets 2..8
    log.truncateTo(8);
    state.truncateTo(8, log);
    const e = state.entry(1)!;
    expect(e.producerEpoch).toBe(1);
    expect(e.firstSeq).toEqual([1, 2, 3, 4, 5]);
    expect(e.firstOffset).toEqual([3, 4, 5, 6, 7]);
    log.truncateTo(3);
    state.truncateTo(3, log);
    expect(state.entry(1)?.firstSeq).toEqual([0]);
    expect(state.entry(1)?.producerEpoch).toBe(1);
    log.truncateTo(2);
    state.truncateTo(2, log);
    expect(state.entry(1)?.producerEpoch).toBe(0);
    expect(state.entry(1)?.firstSeq).toEqual([0, 1]);
  });
});
