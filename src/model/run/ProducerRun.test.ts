// @vitest-environment node
/**
 * Whole-model behaviours of a run, through its public surface: a scenario query in, the runner's report (and the
 * run's state) out. Each test is one behaviour of the real producer with the numbers Kafka gives. Failure paths of
 * send() (buffer, size, serializer, metadata) are in ProducerRunErrors.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun, type RunOptions } from './ProducerRun';
import { buildRunReport, type RecordReport, type RunReport } from './RunReport';

function simulate(query: string, options?: RunOptions): { run: ProducerRun; report: RunReport } {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  const run = new ProducerRun(scenario, options);
  run.runToEnd();
  return { run, report: buildRunReport(run) };
}

function countBy<T>(items: readonly T[], key: (t: T) => number): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

/** Records whose send was at least `marginMs` before the end, so they had time to be acknowledged. */
function settled(report: RunReport, marginMs = 50): RecordReport[] {
  return report.records.filter((r) => r.sendMs <= report.endMs - marginMs);
}

beforeAll(async () => {
  await initCompression();
});

describe('key partitioning (Utils.murmur2, UtilsTest vectors)', () => {
  // Kafka's UtilsTest.testMurmur2 (signed results over the UTF-8 bytes), plus "key" from the reference (§2a).
  const MURMUR2: Record<string, number> = {
    '21': -973932308,
    foobar: -790332482,
    'a-little-bit-long-string': -985981536,
    'a-little-bit-longer-string': -1486304829,
    lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8: -58897971,
    abc: 479470107,
    key: -1079937367,
  };

  it.each([6, 7, 12])('puts a key on partition toPositive(murmur2(key)) mod %i', (partitions) => {
    const keys = Object.keys(MURMUR2);
    const { report } = simulate(
      `partitions=${partitions}&key.list=${encodeURIComponent(keys.join(','))}&duration.ms=200`,
    );
    expect(new Set(report.records.map((r) => r.key))).toEqual(new Set(keys));
    for (const r of report.records) {
      // toPositive is x & 0x7fffffff, not Math.abs: "key" must land on 1067546281 % n.
      expect(r.partition, r.key ?? 'null').toBe((MURMUR2[r.key!] & 0x7fffffff) % partitions);
    }
  });

  it('keeps one key on one partition with offsets increasing in send order', () => {
    const { report } = simulate('keys=5&duration.ms=500');
    const byKey = new Map<string, RecordReport[]>();
    for (const r of report.records) byKey.set(r.key!, [...(byKey.get(r.key!) ?? []), r]);
    expect(byKey.size).toBe(5);
    for (const [key, records] of byKey) {
      expect(new Set(records.map((r) => r.partition)).size, key).toBe(1);
      const offsets = records.filter((r) => r.status === 'acked').map((r) => r.offset);
      expect(offsets.length).toBeGreaterThan(50);
      for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThan(offsets[i - 1]);
    }
  });
});

describe('keyless records and the built-in sticky partitioner (KIP-794)', () => {
  const batchSize = 4096;
  let report: RunReport;
  beforeAll(() => {
    report = simulate(`batch.size=${batchSize}&throughput=2000&duration.ms=1000`).report;
  });

  it('stays on one partition until about batch.size bytes went there', () => {
    // Runs of consecutive records on one partition; the last one may still be growing.
    const runs: RecordReport[][] = [];
    for (const r of report.records) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[0].partition === r.partition) last.push(r);
      else runs.push([r]);
    }
    expect(runs.length).toBeGreaterThan(20);
    const batchBytes = new Map(report.batches.map((b) => [b.id, b.sizeInBytes]));
    for (const run of runs.slice(0, -1)) {
      // The partitioner switches only once producedBytes ≥ batch.size (the batches' estimated growth).
      const batches = new Set(run.map((r) => r.batch!));
      let bytes = 0;
      for (const id of batches) bytes += batchBytes.get(id)!;
      expect(bytes).toBeGreaterThanOrEqual(batchSize);
    }
  });

  it('spreads over every partition over time', () => {
    const perPartition = countBy(report.records, (r) => r.partition);
    expect([...perPartition.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('acks', () => {
  it('acks=0: completes when the request is written, offset -1, and the broker never answers', () => {
    const { run, report } = simulate('acks=0&duration.ms=200');
    const done = report.records.filter((r) => r.status !== 'pending');
    expect(done.length).toBeGreaterThan(150);
    for (const r of done) {
      expect(r.status).toBe('acked');
      expect(r.offset).toBe(-1);
    }
    expect(run.network.requestsSent).toBeGreaterThan(0);
    expect(run.network.responsesReceived).toBe(0);
    // The records still reach the leader's log.
    const logged = report.partitions.reduce((n, p) => n + p.logEndOffset, 0);
    expect(logged).toBeGreaterThanOrEqual(done.length);
  });

  it('acks=all with min.insync.replicas=2 and RF 3: every record acked below the high watermark', () => {
    const { report } = simulate('min.insync.replicas=2&duration.ms=300');
    expect(report.config.acks).toBe('-1');
    expect(report.cluster).toMatchObject({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(report.totals.failed).toBe(0);
    expect(report.runMetrics['record-retry-total']).toBe(0);
    const hw = new Map(report.partitions.map((p) => [p.partition, p.highWatermark]));
    for (const r of settled(report)) {
      expect(r.status).toBe('acked');
      expect(r.offset).toBeLessThan(hw.get(r.partition)!);
    }
  });

  it('min.insync.replicas=3 with replication.factor=2 still succeeds (Kafka 3.7+: min(3, 2))', () => {
    const { scenario, problems } = decodeScenario(
      'min.insync.replicas=3&replication.factor=2&duration.ms=200',
    );
    expect(problems.map((p) => [p.key, p.severity])).toEqual([['min.insync.replicas', 'warning']]);
    const run = new ProducerRun(scenario);
    run.runToEnd();
    const report = buildRunReport(run);
    expect(report.totals.failed).toBe(0);
    expect(report.runMetrics['record-retry-total']).toBe(0);
    for (const r of settled(report)) expect(r.status).toBe('acked');
    for (const p of report.partitions) expect(p.replicas).toHaveLength(2);
  });
});

describe('send modes, flush and linger', () => {
  it('sync: send().get() keeps at most one record in flight', () => {
    const { report } = simulate('send.mode=sync&duration.ms=200');
    const rs = report.records;
    expect(rs.length).toBeGreaterThan(10);
    for (let i = 0; i + 1 < rs.length; i++) {
      expect(rs[i].ackMs).not.toBeNull();
      expect(rs[i].ackMs!).toBeLessThanOrEqual(rs[i + 1].sendMs);
    }
    // One record per request: nothing else was there to batch with.
    expect(report.runMetrics['records-per-request-avg']).toBe(1);
  });

  it('flush.every=10: each group of 10 is acknowledged before the next send, despite linger.ms=1000', () => {
    const { report } = simulate('linger.ms=1000&flush.every=10&duration.ms=300');
    const rs = report.records;
    expect(rs.length).toBeGreaterThanOrEqual(30);
    for (let k = 10; k < rs.length; k += 10) {
      const group = rs.slice(k - 10, k);
      for (const r of group) {
        expect(r.status).toBe('acked');
        expect(r.ackMs!).toBeLessThanOrEqual(rs[k].sendMs);
        // flush() made the batch sendable at once: nothing waited for the 1000 ms linger.
        expect(r.ackMs! - r.sendMs).toBeLessThan(50);
      }
    }
  });

  it('linger.ms=50 puts many more records in each request than linger.ms=0', () => {
    const rpr = (linger: number) =>
      simulate(`linger.ms=${linger}&duration.ms=500`).report.runMetrics['records-per-request-avg']!;
    const noLinger = rpr(0);
    const linger50 = rpr(50);
    expect(noLinger).toBeLessThan(2);
    expect(linger50).toBeGreaterThan(5 * noLinger);
  });
});

describe('partitioners and interceptors', () => {
  it('RoundRobinPartitioner spreads records evenly over all 6 partitions (4.x: no double call)', () => {
    const { report } = simulate('partitioner.class=RoundRobinPartitioner&keys=100&duration.ms=300');
    expect(report.records.slice(0, 12).map((r) => r.partition)).toEqual([
      0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5,
    ]);
    const counts = [...countBy(report.records, (r) => r.partition).values()];
    expect(counts).toHaveLength(6);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('RuleBasedPartitioner routes by key prefix, * taking the rest', () => {
    const { report } = simulate(
      `partitioner.class=RuleBasedPartitioner&partitioner.rules=${encodeURIComponent('US-:0,EU-:1,*:2')}` +
        `&key.list=${encodeURIComponent('US-1,EU-2,APAC-3')}&duration.ms=200`,
    );
    const expected: Record<string, number> = { 'US-1': 0, 'EU-2': 1, 'APAC-3': 2 };
    expect(new Set(report.records.map((r) => r.key))).toEqual(new Set(Object.keys(expected)));
    for (const r of report.records) expect(r.partition, r.key!).toBe(expected[r.key!]);
    expect(report.partitions.slice(3).every((p) => p.logEndOffset === 0)).toBe(true);
  });

  it('interceptors: TracingInterceptor adds its 55-byte traceparent, AckCountingInterceptor counts acks', () => {
    const base = simulate('duration.ms=200').report;
    const { report } = simulate(
      'interceptor.classes=TracingInterceptor,AckCountingInterceptor&duration.ms=200',
    );
    expect(report.interceptors.TracingInterceptor).toEqual({ traced: report.totals.sent });
    expect(report.interceptors.AckCountingInterceptor).toEqual({
      acknowledged: report.totals.acked,
      failed: report.totals.failed,
    });
    expect(report.totals.acked).toBeGreaterThan(150);
    // One header: varint(11) + "traceparent" + varint(55) + 55 bytes = 68 more per record.
    expect(report.runMetrics['record-size-avg']! - base.runMetrics['record-size-avg']!).toBe(68);
  });
});

describe('the end of a run', () => {
  it('num.records=N: the application closes the producer once every record is acknowledged', () => {
    const { run, report } = simulate('num.records=50&duration.ms=10000');
    expect(report.end).toBe('closed');
    expect(run.finished).toBe(true);
    expect(report.totals).toMatchObject({ sent: 50, acked: 50, failed: 0, pending: 0 });
    expect(report.endMs).toBeLessThan(200);
    expect(report.endMs).toBeGreaterThanOrEqual(Math.max(...report.records.map((r) => r.ackMs!)));
  });

  it('a duration-bound run ends at duration.ms with the last records still pending', () => {
    const { report } = simulate('duration.ms=100');
    expect(report.end).toBe('duration');
    expect(report.endMs).toBe(100);
    expect(report.totals.pending).toBeGreaterThan(0);
    expect(report.totals.sent).toBe(
      report.totals.acked + report.totals.failed + report.totals.pending,
    );
  });
});

describe('compression', () => {
  it.each(['gzip', 'lz4', 'zstd', 'snappy'])('%s shrinks batches of JSON values', (codec) => {
    const { report } = simulate(`compression.type=${codec}&linger.ms=20&duration.ms=300`);
    const closed = report.batches.filter((b) => b.compressedSizeInBytes >= 0);
    expect(closed.length).toBeGreaterThan(5);
    for (const b of closed) {
      if (b.recordCount >= 5) expect(b.compressedSizeInBytes).toBeLessThan(b.sizeInBytes);
    }
    expect(report.runMetrics['compression-rate-avg']).toBeLessThan(0.8);
  });

  it.each(['gzip', 'lz4', 'zstd', 'snappy'])('%s leaves random bytes about as large', (codec) => {
    const { report } = simulate(
      `compression.type=${codec}&value.content=random&value.serializer=ByteArraySerializer&linger.ms=20&duration.ms=300`,
    );
    expect(report.totals.failed).toBe(0);
    expect(report.runMetrics['compression-rate-avg']).toBeGreaterThan(0.97);
    expect(report.runMetrics['compression-rate-avg']).toBeLessThan(1.1);
  });
});

describe('partition reasons', () => {
  it('say how each record was partitioned', () => {
    const reasons = (q: string) =>
      new Set(simulate(`${q}&duration.ms=50`).report.records.map((r) => r.partitionReason));
    expect(reasons('keys=10')).toEqual(new Set(['key-hash']));
    expect(reasons('keys=0')).toEqual(new Set(['sticky']));
    expect(reasons('keys=10&partitioner.ignore.keys=true')).toEqual(new Set(['sticky']));
    expect(reasons('partition=2')).toEqual(new Set(['explicit']));
    expect(reasons('keys=10&partitioner.class=RoundRobinPartitioner')).toEqual(
      new Set(['custom-partitioner']),
    );
  });
});
