// @vitest-environment node
/**
 * Property tests of whole runs over random scenarios without faults (fast-check): every record ends exactly once
 * as acked, failed or pending; acknowledged offsets are real (-1 only with acks=0); each partition log holds each
 * record once, in send order; the buffer pool stays within [0, buffer.memory] while the run goes; a bounded
 * workload always closes; and a run is a pure function of (scenario, seed), however it is stepped.
 * Simulated durations are kept short so the suite stays fast.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import type { SendCallback } from '../clients/producer/internals/RecordState';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';
import { buildRunReport, type RunReport } from './RunReport';

interface Settings {
  acks: '0' | '1' | 'all';
  lingerMs: number;
  batchSize: number;
  compression: string;
  keys: number;
  partitions: number;
  brokers: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  throughput: number;
  sendMode: string;
  bufferMemory: number | null;
  maxBlockMs: number | null;
  maxInFlight: number;
  idempotence: 'default' | 'true' | 'false';
  numRecords: number;
  recordSize: number;
  valueContent: string;
  flushEvery: number;
  durationMs: number;
  seed: number;
}

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    acks: fc.constantFrom('0' as const, '1' as const, 'all' as const),
    lingerMs: fc.integer({ min: 0, max: 50 }),
    batchSize: fc.constantFrom(0, 1, 60, 300, 1000, 16384, 65536),
    compression: fc.constantFrom('none', 'gzip', 'snappy', 'lz4', 'zstd'),
    keys: fc.integer({ min: 0, max: 50 }),
    partitions: fc.integer({ min: 1, max: 12 }),
    brokers: fc.integer({ min: 1, max: 5 }),
    replicationFactor: fc.integer({ min: 1, max: 5 }),
    minInsyncReplicas: fc.integer({ min: 1, max: 3 }),
    throughput: fc.constantFrom(-1, 200, 1000, 5000, 20000),
    sendMode: fc.constantFrom('async', 'fire-and-forget', 'sync'),
    bufferMemory: fc.option(fc.integer({ min: 1000, max: 100_000 }), { nil: null }),
    maxBlockMs: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    maxInFlight: fc.integer({ min: 1, max: 5 }),
    idempotence: fc.constantFrom('default' as const, 'true' as const, 'false' as const),
    numRecords: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 300 })),
    recordSize: fc.integer({ min: 0, max: 1500 }),
    valueContent: fc.constantFrom('json', 'text', 'random'),
    flushEvery: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
    durationMs: fc.integer({ min: 5, max: 60 }),
    seed: fc.integer(),
  })
  .map((s) => ({
    ...s,
    replicationFactor: Math.min(s.replicationFactor, s.brokers),
    // Unthrottled sends run ~1000 records per simulated ms: keep those runs shorter.
    durationMs: s.throughput === -1 ? Math.min(s.durationMs, 15) : s.durationMs,
  }));

/** A scenario query for the settings; explicit idempotence only where Kafka accepts it (acks=all). */
function queryOf(s: Settings): string {
  const q: string[] = [
    `seed=${s.seed}`,
    `acks=${s.acks}`,
    `linger.ms=${s.lingerMs}`,
    `batch.size=${s.batchSize}`,
    `compression.type=${s.compression}`,
    `max.in.flight.requests.per.connection=${s.maxInFlight}`,
    `keys=${s.keys}`,
    `partitions=${s.partitions}`,
    `brokers=${s.brokers}`,
    `replication.factor=${s.replicationFactor}`,
    `min.insync.replicas=${s.minInsyncReplicas}`,
    `throughput=${s.throughput}`,
    `send.mode=${s.sendMode}`,
    `num.records=${s.numRecords}`,
    `record.size=${s.recordSize}`,
    `value.content=${s.valueContent}`,
    `flush.every=${s.flushEvery}`,
    `duration.ms=${s.durationMs}`,
  ];
  if (s.bufferMemory !== null) q.push(`buffer.memory=${s.bufferMemory}`);
  if (s.maxBlockMs !== null) q.push(`max.block.ms=${s.maxBlockMs}`);
  if (s.idempotence === 'false' || (s.idempotence === 'true' && s.acks === 'all')) {
    q.push(`enable.idempotence=${s.idempotence}`);
  }
  if (s.valueContent === 'random') q.push('value.serializer=ByteArraySerializer');
  return q.join('&');
}

function newRun(query: string): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario);
}

function reportJson(run: ProducerRun): string {
  return JSON.stringify(buildRunReport(run));
}

/** The report without the seed it names, so runs of different seeds compare by what happened. */
function outcomeJson(run: ProducerRun): string {
  return JSON.stringify({ ...buildRunReport(run), seed: 0 });
}

/** Counts each record's callback runs (fire-and-forget sends pass no callback and are left alone). */
function countCallbacks(run: ProducerRun): Map<number, number> {
  const calls = new Map<number, number>();
  const producer = run.producer;
  const send = producer.send.bind(producer);
  producer.send = (input, nowMs, callback) => {
    const counted: SendCallback | null =
      callback === null
        ? null
        : (r, t) => {
            calls.set(r.id, (calls.get(r.id) ?? 0) + 1);
            callback(r, t);
          };
    return send(input, nowMs, counted);
  };
  return calls;
}

function checkRecords(report: RunReport, acks: string, calls: Map<number, number>): void {
  const { totals, records } = report;
  expect(totals.sent).toBe(records.length);
  expect(totals.sent).toBe(totals.acked + totals.failed + totals.pending);
  // The run counts completions; a record completed twice would make the counts exceed the statuses.
  expect(records.filter((r) => r.status === 'acked').length).toBe(totals.acked);
  expect(records.filter((r) => r.status === 'failed').length).toBe(totals.failed);
  for (const r of records) {
    const c = calls.get(r.id) ?? 0;
    if (r.status === 'pending') {
      expect(c).toBe(0);
      expect(r.ackMs).toBeNull();
      continue;
    }
    // Kafka throws non-ApiExceptions from send() instead of calling the callback.
    const thrown =
      r.error !== null &&
      /^(SerializationException|IllegalArgumentException|IllegalStateException|KafkaException):/.test(
        r.error,
      );
    if (report.application.sendMode !== 'fire-and-forget')
      expect(c, `rec-${r.id}`).toBe(thrown ? 0 : 1);
    expect(r.ackMs!).toBeGreaterThanOrEqual(r.sendMs);
    if (r.status === 'acked') {
      expect(r.error).toBeNull();
      if (acks === '0') expect(r.offset).toBe(-1);
      else expect(r.offset).toBeGreaterThanOrEqual(0);
    } else {
      expect(r.error).toMatch(/^[A-Za-z]+Exception: /);
    }
  }
}

function checkLogs(report: RunReport): void {
  const byId = new Map(report.records.map((r) => [r.id, r]));
  const seen = new Set<number>();
  for (const p of report.partitions) {
    expect(p.log.length).toBe(p.logEndOffset);
    for (let offset = 0; offset < p.log.length; offset++) {
      const id = p.log[offset];
      expect(seen.has(id), `rec-${id} logged twice`).toBe(false);
      seen.add(id);
      // Without faults, a record is written once, to its partition, in send order, and never after failing.
      if (offset > 0) expect(id).toBeGreaterThan(p.log[offset - 1]);
      const r = byId.get(id)!;
      expect(r.partition).toBe(p.partition);
      expect(r.status).not.toBe('failed');
      if (r.offset >= 0) expect(r.offset).toBe(offset);
    }
  }
  for (const r of report.records) {
    if (r.status === 'acked' && r.offset >= 0) expect(seen.has(r.id), `rec-${r.id}`).toBe(true);
  }
}

beforeAll(async () => {
  await initCompression();
});

describe('invariants of a run', () => {
  it('records end once; offsets, logs and the buffer pool stay consistent', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const run = newRun(queryOf(s));
        const calls = countCallbacks(run);
        const pool = () => run.producer.accumulator.bufferPoolView();
        const total = pool().totalMemory;
        expect(total).toBe(s.bufferMemory ?? 33554432);
        for (let t = 0.5; !run.finished; t += 0.5) {
          run.advanceTo(t);
          const view = pool();
          expect(view.availableMemory).toBeGreaterThanOrEqual(0);
          expect(view.availableMemory).toBeLessThanOrEqual(total);
          expect(view.unallocatedMemory).toBeGreaterThanOrEqual(0);
          for (const w of view.waiters) expect(w.accumulated).toBeLessThanOrEqual(w.size);
        }
        const report = buildRunReport(run);
        checkRecords(report, s.acks, calls);
        checkLogs(report);
        if (report.end === 'closed') {
          expect(report.totals.pending).toBe(0);
          expect(report.application.state).toBe('closed');
          expect(pool().availableMemory).toBe(total);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a bounded workload always closes, with every record acked or failed', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 200 }), (s, numRecords) => {
        const run = newRun(queryOf({ ...s, numRecords, durationMs: 10_000 }));
        run.runToEnd();
        const report = buildRunReport(run);
        expect(report.end).toBe('closed');
        expect(report.totals).toMatchObject({ sent: numRecords, pending: 0 });
        expect(report.endMs).toBeLessThan(10_000);
        // Nothing fails without faults except what send() itself rejects: no memory in time, a record over
        // max.request.size or buffer.memory, or (Kafka's BufferPool) a batch.size buffer above buffer.memory.
        for (const r of report.records) {
          if (r.status === 'failed') {
            expect(r.error).toMatch(
              /^(BufferExhaustedException|RecordTooLargeException): |^IllegalArgumentException: Attempt to allocate \d+ bytes, but there is a hard limit of \d+ on memory allocations\.$/,
            );
          }
        }
        expect(run.producer.accumulator.bufferPoolView().availableMemory).toBe(
          s.bufferMemory ?? 33554432,
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('determinism', () => {
  it('the same scenario and seed give the same report, however the run is stepped', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(fc.double({ min: 0.01, max: 7, noNaN: true })),
        (s, steps) => {
          const query = queryOf(s);
          const once = newRun(query);
          once.runToEnd();
          const stepped = newRun(query);
          let t = 0;
          for (const step of steps) {
            t += step;
            stepped.advanceTo(t);
          }
          stepped.runToEnd();
          expect(reportJson(stepped)).toBe(reportJson(once));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('another seed usually gives another run', () => {
    const reports = [1, 2, 3, 4, 5].map((seed) => {
      const run = newRun(`seed=${seed}&keys=20&duration.ms=100`);
      run.runToEnd();
      return outcomeJson(run);
    });
    expect(new Set(reports).size).toBe(5);
    // Over random scenarios too: only a run that draws nothing (one partition, no keys, …) may repeat.
    let differ = 0;
    const runs = 40;
    fc.assert(
      fc.property(settingsArb, (s) => {
        const a = newRun(queryOf(s));
        const b = newRun(queryOf({ ...s, seed: s.seed === 2147483647 ? 0 : s.seed + 1 }));
        a.runToEnd();
        b.runToEnd();
        if (outcomeJson(a) !== outcomeJson(b)) differ++;
      }),
      { numRuns: runs },
    );
    expect(differ).toBeGreaterThanOrEqual(runs / 2);
  });
});
