// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type FetchSlice, LogBudget, lastSequenceOf, PartitionLog } from './PartitionLog';
import type { WireBatch } from './ProduceRequest';

let nextRecord = 0;
function batch(count: number, sizeInBytes = 100, extra: Partial<WireBatch> = {}): WireBatch {
  const recordIds = Array.from({ length: count }, () => nextRecord++);
  return {
    batchId: recordIds[0],
    partition: 0,
    recordIds,
    recordCount: count,
    sizeInBytes,
    producerId: -1,
    producerEpoch: -1,
    baseSequence: -1,
    maxTimestamp: 0,
    ...extra,
  };
}

describe('PartitionLog', () => {
  it('assigns contiguous offsets and keeps record ids in offset order', () => {
    nextRecord = 0;
    const log = new PartitionLog(0, new LogBudget(1000));
    expect(log.append(batch(3), 1)).toBe(0);
    expect(log.append(batch(1), 2)).toBe(3);
    expect(log.append(batch(200), 3)).toBe(4);
    expect(log.logEndOffset).toBe(204);
    expect(Array.from(log.recordIds())).toEqual(Array.from({ length: 204 }, (_, i) => i));
    const batches = log.batches();
    expect(batches.map((b) => [b.baseOffset, b.lastOffset])).toEqual([
      [0, 2],
      [3, 3],
      [4, 203],
    ]);
    expect(batches[2].appendTimeMs).toBe(3);
  });

  it('keeps the producer fields of each batch, with the last sequence wrapping like Kafka', () => {
    nextRecord = 0;
    const log = new PartitionLog(0, new LogBudget(1000));
    log.append(batch(5, 100, { producerId: 7, producerEpoch: 2, baseSequence: 2147483646 }), 0);
    const [b] = log.batches();
    expect(b).toMatchObject({ producerId: 7, producerEpoch: 2, baseSequence: 2147483646 });
    expect(b.lastSequence).toBe(2);
    expect(lastSequenceOf(10, 5)).toBe(14);
  });

  it('stops storing ids at the shared budget but keeps counting offsets', () => {
    nextRecord = 0;
    const budget = new LogBudget(10);
    const a = new PartitionLog(0, budget);
    const b = new PartitionLog(1, budget);
    a.append(batch(4), 0);
    b.append(batch(4), 0);
    b.append(batch(4), 0); // only 2 of these 4 ids fit
    a.append(batch(4), 0);
    expect(b.logEndOffset).toBe(8);
    expect(b.storedRecordCount).toBe(6);
    expect(b.truncated).toBe(true);
    expect(b.batches()).toHaveLength(1); // the partly stored batch is not listed
    expect(a.storedRecordCount).toBe(4);
    expect(a.truncated).toBe(true);
    expect(a.logEndOffset).toBe(8);
    expect(a.batchCount).toBe(2);
  });

  it('reads whole batches for a fetch up to the byte limit, always at least one', () => {
    nextRecord = 0;
    const log = new PartitionLog(0, new LogBudget(0)); // replication does not need stored ids
    log.append(batch(2, 600), 0);
    log.append(batch(3, 600), 0);
    log.append(batch(4, 600), 0);
    const out: FetchSlice = { records: 0, bytes: 0, batches: 0 };
    log.readForFetch(0, 1500, out);
    expect(out).toEqual({ records: 5, bytes: 1200, batches: 2 });
    log.readForFetch(2, 100, out);
    expect(out).toEqual({ records: 3, bytes: 600, batches: 1 });
    log.readForFetch(9, 1000, out);
    expect(out).toEqual({ records: 0, bytes: 0, batches: 0 });
    expect(() => log.readForFetch(1, 1000, out)).toThrow(/not a retained batch boundary/);
    log.trimReplicationWindow(5);
    log.readForFetch(5, 10_000, out);
    expect(out).toEqual({ records: 4, bytes: 600, batches: 1 });
    expect(() => log.readForFetch(0, 1000, out)).toThrow(/not a retained batch boundary/);
  });

  it('truncates at a batch boundary: ids, batches and budget go back, the next append reuses the offset', () => {
    nextRecord = 0;
    const budget = new LogBudget(100);
    const log = new PartitionLog(0, budget);
    log.append(batch(3), 0);
    log.append(batch(2), 0);
    log.append(batch(4), 0);
    expect(budget.remaining).toBe(91);
    expect(() => log.truncateTo(4)).toThrow(/not a batch boundary/);
    expect(log.truncateTo(3)).toBe(6);
    expect(log.logEndOffset).toBe(3);
    expect(log.batchCount).toBe(1);
    expect(log.recordsTruncated).toBe(6);
    expect(budget.remaining).toBe(97);
    expect(Array.from(log.recordIds())).toEqual([0, 1, 2]);
    expect(log.batches().map((b) => b.baseOffset)).toEqual([0]);
    expect(log.append(batch(2), 1)).toBe(3);
    expect(Array.from(log.recordIds())).toEqual([0, 1, 2, 9, 10]);
    expect(Array.from(log.recordIdsBelow(4))).toEqual([0, 1, 2, 9]);
    expect(log.truncateTo(10)).toBe(0);
    log.trimReplicationWindow(3);
    expect(log.replicationWindowStart).toBe(3);
    expect(() => log.truncateTo(0)).toThrow(/below the replication window/);
  });

  it('a log that ran out of budget is complete again after a truncation below the stored ids', () => {
    nextRecord = 0;
    const budget = new LogBudget(5);
    const log = new PartitionLog(0, budget);
    log.append(batch(3), 0);
    log.append(batch(4), 0); // only 2 of 4 ids stored
    expect(log.truncated).toBe(true);
    log.truncateTo(3);
    expect(log.truncated).toBe(false);
    expect(budget.remaining).toBe(2);
    log.append(batch(2), 0);
    expect(Array.from(log.recordIds())).toEqual([0, 1, 2, 7, 8]);
  });

  it('scans idempotent batches backwards, from the replication window down to the stored batches', () => {
    nextRecord = 0;
    const log = new PartitionLog(0, new LogBudget(100));
    const seen: number[][] = [];
    for (let i = 0; i < 4; i++)
      log.append(batch(2, 100, { producerId: 7, producerEpoch: 1, baseSequence: 2 * i }), 0);
    log.append(batch(1), 0); // no producer id: skipped
    log.trimReplicationWindow(4);
    log.scanBatchesBackward(9, (pid, epoch, seq, last, base, lastOffset) => {
      seen.push([pid, epoch, seq, last, base, lastOffset]);
      return seen.length < 3;
    });
    expect(seen).toEqual([
      [7, 1, 6, 7, 6, 7],
      [7, 1, 4, 5, 4, 5],
      [7, 1, 2, 3, 2, 3],
    ]);
  });
});
