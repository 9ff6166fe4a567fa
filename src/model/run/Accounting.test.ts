// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import {
  type AccountedPartition,
  type AccountedRecord,
  computeAccounting,
  countInversions,
} from './Accounting';
import { ProducerRun } from './ProducerRun';
import { buildRunReport } from './RunReport';

function rec(
  id: number,
  status: AccountedRecord['status'],
  key: string | null = null,
  partition = 0,
) {
  return { id, key, partition, status };
}

function part(partition: number, committed: number[], extra: Partial<AccountedPartition> = {}) {
  return {
    partition,
    leader: 0,
    replicas: [0, 1, 2],
    isr: [0, 1],
    replicaLogEndOffsets: [committed.length + 2, committed.length, 1],
    replicaHighWatermarks: [committed.length, committed.length, 1],
    highWatermark: committed.length,
    committed,
    uncommitted: [] as number[],
    complete: true,
    ...extra,
  };
}

describe('computeAccounting', () => {
  it('counts a lost ack, a duplicate and a failed-but-written record; every record ends once', () => {
    const records = [
      rec(0, 'acked'),
      rec(1, 'acked'),
      rec(2, 'acked'),
      rec(3, 'failed'),
      rec(4, 'pending'),
    ];
    // rec-1 written twice (a lost response, then a retry), rec-2 cut by truncation, rec-3 written after a timeout.
    const { accounting, copies } = computeAccounting({
      acks: 1,
      records,
      recordsComplete: true,
      partitions: [part(0, [0, 1, 1, 3])],
    });
    expect(Array.from(copies)).toEqual([1, 2, 0, 1, 0]);
    expect(accounting).toMatchObject({
      acked: 3,
      failed: 1,
      pending: 1,
      unknown: 0,
      lost: 1,
      lostUnacknowledged: 0,
      uncommitted: 0,
      failedButCommitted: 1,
      duplicated: 1,
      reordered: 0,
      reorderedInPartition: 0,
      exact: true,
      examples: { lost: [2], duplicated: [1], reordered: [] },
    });
    expect(accounting.acked + accounting.failed + accounting.pending).toBe(records.length);
  });

  it('counts an acked record still above the high watermark as uncommitted, not lost', () => {
    const { accounting } = computeAccounting({
      acks: 1,
      records: [rec(0, 'acked'), rec(1, 'acked'), rec(2, 'acked')],
      recordsComplete: true,
      partitions: [part(0, [0], { uncommitted: [1] })],
    });
    expect(accounting).toMatchObject({ lost: 1, uncommitted: 1, examples: { lost: [2] } });
  });

  it('with acks=0 the acked records are unknown and their losses counted apart', () => {
    const { accounting } = computeAccounting({
      acks: 0,
      records: [rec(0, 'acked'), rec(1, 'acked'), rec(2, 'failed')],
      recordsComplete: true,
      partitions: [part(0, [1])],
    });
    expect(accounting).toMatchObject({ acked: 2, unknown: 2, lost: 0, lostUnacknowledged: 1 });
  });

  it('counts same-key pairs out of send order, and keyless inversions per partition', () => {
    const records = [
      rec(0, 'acked', 'a'),
      rec(1, 'acked', 'b'),
      rec(2, 'acked', 'a'),
      rec(3, 'acked', 'a'),
      rec(4, 'acked', null),
      rec(5, 'acked', null),
      rec(6, 'acked', null, 1),
      rec(7, 'acked', 'b'),
    ];
    // Partition 0: a: 3, 0, 2 → pairs (3,0), (3,2) out of order; b: 1, 7 in order; keyless 5 before 4.
    // The second copy of 0 does not count for order. Partition 1: keyless 6 alone.
    const { accounting } = computeAccounting({
      acks: -1,
      records,
      recordsComplete: true,
      partitions: [part(0, [3, 1, 0, 5, 2, 7, 4, 0]), part(1, [6])],
    });
    expect(accounting.reordered).toBe(2);
    expect(accounting.reorderedInPartition).toBe(1);
    expect(accounting.duplicated).toBe(1);
    expect(accounting.examples.reordered).toEqual([0, 2, 4]);
  });

  it('does not pair records of one key that went to different partitions', () => {
    const { accounting } = computeAccounting({
      acks: 1,
      records: [rec(0, 'acked', 'k', 0), rec(1, 'acked', 'k', 1)],
      recordsComplete: true,
      partitions: [part(0, [0]), part(1, [1])],
    });
    expect(accounting.reordered).toBe(0);
  });

  it('reports each replica with its LEO, HW and ISR membership, and the committed log', () => {
    const { accounting } = computeAccounting({
      acks: 1,
      records: [rec(0, 'acked')],
      recordsComplete: false,
      partitions: [part(0, [0])],
    });
    expect(accounting.exact).toBe(false);
    expect(accounting.partitions).toEqual([
      {
        partition: 0,
        leader: 0,
        isr: [0, 1],
        highWatermark: 1,
        committedLog: [0],
        replicas: [
          { broker: 0, logEndOffset: 3, highWatermark: 1, inSync: true },
          { broker: 1, logEndOffset: 1, highWatermark: 1, inSync: true },
          { broker: 2, logEndOffset: 1, highWatermark: 1, inSync: false },
        ],
      },
    ]);
  });
});

describe('countInversions', () => {
  it('equals the quadratic count (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (a) => {
        let slow = 0;
        for (let i = 0; i < a.length; i++)
          for (let j = i + 1; j < a.length; j++) if (a[i] > a[j]) slow++;
        const copy = [...a];
        expect(countInversions(a)).toBe(slow);
        expect(a).toEqual(copy);
      }),
    );
  });

  it('handles 100k records quickly enough to run in every report', () => {
    const a = Array.from({ length: 100_000 }, (_, i) => 100_000 - i);
    expect(countInversions(a)).toBe((100_000 * 99_999) / 2);
  });
});

describe('a run without faults', () => {
  beforeAll(async () => {
    await initCompression();
  });

  it('loses nothing, duplicates nothing, keeps order, and matches the totals', () => {
    const { scenario } = decodeScenario('keys=20&num.records=3000&throughput=20000&acks=1');
    const run = new ProducerRun(scenario);
    run.runToEnd();
    const report = buildRunReport(run);
    const a = report.accounting;
    expect(a).toMatchObject({
      acked: 3000,
      failed: 0,
      pending: 0,
      lost: 0,
      duplicated: 0,
      reordered: 0,
      reorderedInPartition: 0,
      exact: true,
    });
    expect(report.totals.acked).toBe(a.acked);
    // The run ends when the last ack arrives: acks=1 does not wait for followers, so the last records may sit
    // above the high watermark (uncommitted, copies 0), never lost.
    expect(report.records.filter((r) => r.copies !== 1)).toHaveLength(a.uncommitted);
    expect(report.records.every((r) => r.copies <= 1)).toBe(true);
    for (const p of a.partitions) {
      expect(p.committedLog).toHaveLength(p.highWatermark);
      expect(p.replicas.map((r) => r.logEndOffset)).toEqual(
        report.partitions[p.partition].replicaLogEndOffsets,
      );
    }
  });
});
