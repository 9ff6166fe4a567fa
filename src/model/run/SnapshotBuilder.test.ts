// @vitest-environment node
/**
 * The explorer's snapshots of real runs: marks follow a record through the pipeline, the stages show what the
 * producer holds (linger deadlines, acks=0 requests, a crashed broker), sampling keeps the marks within budget,
 * snapshots are deterministic and JSON-safe, and taking them does not change the run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { explainKeyPartition } from '../clients/producer/KeyPartitioning';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun, type RunOptions } from './ProducerRun';
import { buildRunReport } from './RunReport';
import { MARK_STAGE, MARK_STRIDE, type RecordMarks, type RunSnapshot } from './RunSnapshot';
import { SnapshotBuilder } from './SnapshotBuilder';

function runOf(query: string, options?: RunOptions): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario, options);
}

interface Mark {
  id: number;
  stage: number;
  partition: number;
  node: number;
  batchId: number;
  keyHash: number;
  sinceMs: number;
}

function marksOf(m: RecordMarks): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < m.count; i++) {
    const [id, stage, partition, node, batchId, keyHash, sinceMs] = m.data.subarray(
      i * MARK_STRIDE,
      (i + 1) * MARK_STRIDE,
    );
    out.push({ id, stage, partition, node, batchId, keyHash, sinceMs });
  }
  return out;
}

/** Builds a snapshot every `everyMs` simulated ms until the run ends; returns them all. */
function snapshotsEvery(
  run: ProducerRun,
  builder: SnapshotBuilder,
  everyMs: number,
): RunSnapshot[] {
  const out: RunSnapshot[] = [];
  for (let t = 0; !run.finished; t += everyMs) {
    run.advanceTo(t);
    out.push(builder.build());
  }
  return out;
}

beforeAll(async () => {
  await initCompression();
});

describe('record marks', () => {
  it('follow one record through accumulator, request, in flight and acked, in order, at the right times', () => {
    const run = runOf('duration.ms=30');
    const builder = new SnapshotBuilder(run);
    const seen: Mark[] = [];
    let requestSentMs = -1;
    while (run.stepEvent()) {
      const s = builder.build();
      const mark = marksOf(s.marks).find((m) => m.id === 0);
      if (mark === undefined) continue;
      if (seen.length === 0 || seen[seen.length - 1].stage !== mark.stage) seen.push(mark);
      const request = s.sender.inFlight.find((r) =>
        r.batches.some((b) => b.batchId === mark.batchId),
      );
      if (mark.stage === MARK_STAGE.inFlight) requestSentMs = request?.sentMs ?? -1;
      if (mark.stage === MARK_STAGE.acked) break;
    }
    expect(seen.map((m) => m.stage)).toEqual([
      MARK_STAGE.accumulator,
      MARK_STAGE.request,
      MARK_STAGE.inFlight,
      MARK_STAGE.acked,
    ]);
    const record = run.records[0];
    const leader = run.cluster.partitionReports()[record.partition].leader;
    expect(seen[0]).toMatchObject({ partition: record.partition, node: -1, keyHash: -1 });
    expect(seen[0].sinceMs).toBe(Math.trunc(record.sendMs));
    expect(seen[2]).toMatchObject({ node: leader, sinceMs: Math.trunc(requestSentMs) });
    expect(seen[3]).toMatchObject({ node: leader, sinceMs: Math.trunc(record.ackMs) });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].sinceMs).toBeGreaterThanOrEqual(seen[i - 1].sinceMs);
    }
  });

  it('shows a record whose send() is blocked on buffer memory as sending, not yet in a batch', () => {
    const run = runOf(presetById('buffer-full-blocks')?.query ?? '');
    const builder = new SnapshotBuilder(run);
    const blocked = snapshotsEvery(run, builder, 5).find((s) => s.application.blocked);
    expect(blocked).toBeDefined();
    const sending = marksOf(blocked!.marks).filter((m) => m.stage === MARK_STAGE.sending);
    expect(sending.length).toBeGreaterThan(0);
    expect(sending.every((m) => m.batchId === -1)).toBe(true);
    expect(blocked!.application.state).toBe('blocked');
    expect(blocked!.bufferPool.waiters.length).toBeGreaterThan(0);
  });

  it('keep completed records for 2 × net.latency.ms + 1 ms after their callback, then drop them', () => {
    const run = runOf('net.latency.ms=2&duration.ms=200');
    const builder = new SnapshotBuilder(run);
    for (const s of snapshotsEvery(run, builder, 0.5)) {
      for (const m of marksOf(s.marks)) {
        if (m.stage !== MARK_STAGE.acked) continue;
        const record = run.records[m.id];
        expect(s.nowMs - record.ackMs).toBeLessThanOrEqual(5);
      }
    }
    const record = run.records[0];
    run.advanceTo(record.ackMs + 5.5);
    expect(marksOf(builder.build().marks).some((m) => m.id === 0)).toBe(false);
  });

  it('carry murmur2 of the key, toPositive, for keyed records', () => {
    const run = runOf('keys=10&duration.ms=50');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(20);
    const marks = marksOf(builder.build().marks);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      const partitions = run.spec.cluster.partitions;
      expect(m.keyHash).toBeGreaterThanOrEqual(0);
      expect(m.keyHash % partitions).toBe(m.partition);
    }
  });

  it.each(['throughput=-1', 'throughput=200000'])(
    'are sampled within the budget when records come fast (%s)',
    (query) => {
      const run = runOf(`${query}&duration.ms=150`);
      const builder = new SnapshotBuilder(run, { markBudget: 1000 });
      const snapshots = snapshotsEvery(run, builder, 5);
      expect(Math.max(...snapshots.map((s) => s.marks.sampleEvery))).toBeGreaterThan(1);
      for (const s of snapshots) {
        expect(s.marks.count).toBeLessThanOrEqual(1000);
        expect(s.marks.data.length).toBe(s.marks.count * MARK_STRIDE);
        const k = s.marks.sampleEvery;
        expect(Math.log2(k) % 1).toBe(0);
        const ids = marksOf(s.marks).map((m) => m.id);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      }
      const last = snapshots[snapshots.length - 1];
      expect(last.counters.sendCalls).toBeGreaterThan(1000);
    },
  );

  it('draw every record (sampleEvery 1) at the default rate', () => {
    const run = runOf('duration.ms=300');
    const builder = new SnapshotBuilder(run);
    for (const s of snapshotsEvery(run, builder, 3)) expect(s.marks.sampleEvery).toBe(1);
  });
});

describe('stages', () => {
  it('draws a long queue as its head and its open tail, and counts the rest', () => {
    const run = runOf('throughput=-1&duration.ms=200');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(150);
    const s = builder.build();
    const long = s.accumulator.filter((q) => q.batchCount > 8);
    expect(long.length).toBeGreaterThan(0);
    for (const q of s.accumulator) {
      const deque = run.producer.accumulator.getDeque(q.partition) ?? [];
      expect(q.batchCount).toBe(deque.length);
      expect(q.batches.length).toBe(Math.min(8, deque.length));
      expect(q.hiddenBatches).toBe(deque.length - q.batches.length);
      if (deque.length > 0) expect(q.batches.at(-1)?.id).toBe(deque[deque.length - 1].id);
      if (deque.length > 0) expect(q.batches[0].id).toBe(deque[0].id);
    }
  });

  it('counters match the run and its metrics', () => {
    const run = runOf('keys=50&duration.ms=400');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(257);
    const s = builder.build();
    const report = buildRunReport(run);
    const metrics = run.producer.metrics.snapshot(run.nowMs);
    expect(s.counters).toEqual({
      sendCalls: run.sendCalls,
      acked: run.acked,
      failed: run.failed,
      pending: run.pending,
      bytesSent: metrics['outgoing-byte-total'],
      batchesCreated: report.totals.batches,
      batchesCompleted: run.batchesCompleted,
      requestsSent: report.totals.requests,
      recordsRetried: metrics['record-retry-total'],
    });
    expect(s.counters.sendCalls).toBeGreaterThan(200);
    expect(s.counters.bytesSent).toBeGreaterThan(0);
  });

  it('metrics are Kafka’s windowed snapshot at that time, without NaN', () => {
    const run = runOf('duration.ms=400');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(123);
    const s = builder.build();
    const kafka = run.producer.metrics.snapshot(run.nowMs);
    const finite = Object.fromEntries(Object.entries(kafka).filter(([, v]) => Number.isFinite(v)));
    expect(s.metrics).toEqual(finite);
    expect(s.metrics['record-send-total']).toBeGreaterThan(0);
  });

  it('with linger.ms=50 an open batch waits in the accumulator until createdMs + 50', () => {
    const run = runOf('linger.ms=50&duration.ms=300');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(120);
    const s = builder.build();
    expect(s.settings.lingerMs).toBe(50);
    expect(s.accumulator.map((q) => q.partition)).toEqual([0, 1, 2, 3, 4, 5]);
    const open = s.accumulator.flatMap((q) => q.batches).filter((b) => b.attempts === 0);
    expect(open.length).toBeGreaterThan(0);
    for (const b of open) {
      expect(b.lingerDeadlineMs).toBe(b.createdMs + 50);
      expect(b.lingerDeadlineMs).toBeGreaterThan(s.nowMs - 1);
    }
    const inAccumulator = marksOf(s.marks).filter((m) => m.stage === MARK_STAGE.accumulator);
    const openIds = new Set(open.map((b) => b.id));
    expect(inAccumulator.length).toBeGreaterThan(0);
    for (const m of inAccumulator) expect(openIds.has(m.batchId)).toBe(true);
  });

  it('with acks=0 no request waits for a response and no record is in flight', () => {
    const run = runOf('acks=0&duration.ms=100');
    const builder = new SnapshotBuilder(run);
    let requests = 0;
    while (run.stepEvent()) {
      const s = builder.build();
      for (const r of s.sender.inFlight) {
        expect(r.acks).toBe(0);
        expect(r.sentMs).toBe(-1);
        requests++;
      }
      expect(marksOf(s.marks).some((m) => m.stage === MARK_STAGE.inFlight)).toBe(false);
    }
    expect(requests).toBeGreaterThan(0);
    expect(run.acked).toBe(run.sendCalls - run.pending);
  });

  it('lists outstanding requests as in flight and answered ones only briefly', () => {
    const run = runOf('net.latency.ms=3&duration.ms=200');
    const builder = new SnapshotBuilder(run);
    let completed = 0;
    for (const s of snapshotsEvery(run, builder, 1)) {
      for (const r of s.sender.inFlight) expect(r.responseMs).toBe(-1);
      for (const r of s.sender.recentlyCompleted) {
        expect(s.nowMs - r.responseMs).toBeLessThanOrEqual(6);
        completed++;
      }
      expect(s.sender.recentlyCompleted.length).toBeLessThanOrEqual(50);
      expect(s.sender.maxInFlightPerConnection).toBe(5);
    }
    expect(completed).toBeGreaterThan(0);
  });

  it('names the ready nodes the Sender found, ascending', () => {
    const run = runOf('linger.ms=20&keys=100&duration.ms=200');
    const builder = new SnapshotBuilder(run);
    const nodes = new Set<number>();
    while (run.stepEvent()) {
      const ready = builder.build().sender.readyNodes;
      expect(ready).toEqual([...ready].sort((a, b) => a - b));
      for (const n of ready) nodes.add(n);
    }
    expect([...nodes].sort()).toEqual([0, 1, 2]);
  });

  it('a crash fault shows in the events and marks the broker dead', () => {
    const run = runOf('fault=100%3Acrash%3A1&duration.ms=1000');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(99);
    const before = builder.build();
    expect(before.brokers[1].alive).toBe(true);
    expect(before.events.some((e) => e.kind === 'fault')).toBe(false);
    run.advanceTo(101);
    const after = builder.build();
    expect(after.brokers.map((b) => b.alive)).toEqual([true, false, true]);
    expect(after.events).toContainEqual(
      expect.objectContaining({ atMs: 100, kind: 'fault', text: 'crash:1 applied' }),
    );
    run.advanceTo(700);
    // Elections take leaderElectionDelayMs (500).
    expect(builder.build().partitions.every((p) => p.leader !== 1)).toBe(true);
  });
});

describe('pipeline', () => {
  it('explains a key-hash partition with the model’s murmur2 arithmetic', () => {
    const run = runOf('keys=20&duration.ms=50');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(10);
    const { pipeline } = builder.build();
    const last = run.records[run.records.length - 1];
    expect(pipeline.lastRecord).toMatchObject({
      id: last.id,
      key: last.key,
      partition: last.partition,
      partitionReason: 'key-hash',
      partitionExplanation: explainKeyPartition(last.key, last.keyBytes, 6),
      valueSizeInBytes: 100,
    });
    expect(pipeline.partitioner).toBe('BuiltInPartitioner');
    expect(pipeline.keySerializer).toBe('StringSerializer');
  });

  it('explains the sticky partition and its last switch for null keys', () => {
    const run = runOf('duration.ms=100');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(60);
    const { pipeline } = builder.build();
    expect(pipeline.stickyPartition).toBeGreaterThanOrEqual(0);
    expect(pipeline.stickySwitchReason).not.toBe('');
    expect(pipeline.lastRecord?.partitionReason).toBe('sticky');
    expect(pipeline.lastRecord?.keySizeInBytes).toBe(-1);
    expect(pipeline.lastRecord?.partitionExplanation).toContain('null key → the sticky partition');
    expect(pipeline.lastRecord?.partitionExplanation).toContain(pipeline.stickySwitchReason);
  });

  it('explains an explicit partition and a custom partitioner’s rule', () => {
    const explicit = runOf('partition=2&duration.ms=50');
    const b1 = new SnapshotBuilder(explicit);
    explicit.advanceTo(5);
    expect(b1.build().pipeline.lastRecord?.partitionExplanation).toBe(
      'partition 2 given in the ProducerRecord',
    );
    const ruled = runOf(`${presetById('rule-based')?.query}&duration.ms=50`);
    const b2 = new SnapshotBuilder(ruled);
    ruled.advanceTo(5);
    const { pipeline } = b2.build();
    expect(pipeline.partitioner).toBe('RuleBasedPartitioner');
    expect(pipeline.stickyPartition).toBe(-1);
    expect(pipeline.stickySwitchReason).toBe('');
    expect(pipeline.lastRecord?.partitionReason).toBe('custom-partitioner');
    expect(pipeline.lastRecord?.partitionExplanation).toMatch(/^RuleBasedPartitioner: .*rule/);
  });
});

describe('events', () => {
  it('start with the config warnings and end with the end of the run', () => {
    const run = runOf('retries=0&duration.ms=50');
    const builder = new SnapshotBuilder(run);
    const snapshots = snapshotsEvery(run, builder, 10);
    const events = snapshots[snapshots.length - 1].events;
    expect(events[0]).toMatchObject({ atMs: 0, kind: 'warning' });
    expect(events[0].text).toContain('retries');
    expect(events[events.length - 1]).toMatchObject({
      kind: 'info',
      text: 'Run ended at 50 ms: duration.ms reached',
    });
    expect(snapshots[0].settings.warnings).toEqual(run.configWarnings);
  });

  it('log the first failure of each kind per second, and a producer restart', () => {
    const query = `${presetById('min-isr-refuses')?.query}&fault=3500%3Arestart-producer`;
    const run = runOf(query);
    const builder = new SnapshotBuilder(run, { eventCapacity: 50 });
    const snapshots = snapshotsEvery(run, builder, 20);
    const events = snapshots[snapshots.length - 1].events;
    const errors = events.filter((e) => e.kind === 'error');
    expect(run.failed).toBeGreaterThan(100);
    expect(errors.length).toBeGreaterThan(0);
    const perSecond = new Set<string>();
    for (const e of errors) {
      expect(e.text).toMatch(/^rec-\d+ failed: \w+Exception: /);
      const key = `${Math.floor(e.atMs / 1000)} ${e.text.replace(/\d+/g, '#')}`;
      expect(perSecond.has(key)).toBe(false);
      perSecond.add(key);
    }
    expect(events.map((e) => e.text)).toContain('restart-producer applied');
    expect(events.some((e) => e.text.startsWith('KafkaProducer #2 took over'))).toBe(true);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe('the builder', () => {
  it('is deterministic: two runs of a scenario give equal snapshots', () => {
    const query = presetById('acks1-failover-loss')?.query ?? '';
    const a = runOf(`${query}&duration.ms=1600`);
    const b = runOf(`${query}&duration.ms=1600`);
    const sa = snapshotsEvery(a, new SnapshotBuilder(a), 7);
    const sb = snapshotsEvery(b, new SnapshotBuilder(b), 7);
    expect(sa.length).toBeGreaterThan(100);
    expect(sa).toEqual(sb);
  });

  it.each([
    ...PRESETS.map((p) => [p.id, p.query] as const),
    ['restart-producer', 'keys=10&fault=120%3Arestart-producer'] as const,
  ])('does not change the run (%s)', (_id, query) => {
    const options = { durationMs: 300 };
    const watched = runOf(query, options);
    snapshotsEvery(watched, new SnapshotBuilder(watched), 1.3);
    const alone = runOf(query, options);
    alone.runToEnd();
    expect(JSON.stringify(buildRunReport(watched))).toBe(JSON.stringify(buildRunReport(alone)));
  });

  it('gives JSON-safe snapshots (everything but the marks round-trips)', () => {
    const run = runOf(`${presetById('lost-ack-duplicate')?.query}&duration.ms=1500`);
    const builder = new SnapshotBuilder(run);
    for (const s of snapshotsEvery(run, builder, 50)) {
      const { marks, ...rest } = s;
      expect(JSON.parse(JSON.stringify(rest))).toEqual(rest);
      expect(marks.data).toBeInstanceOf(Int32Array);
    }
  });

  it('snapshots are copies: a later build does not change an earlier snapshot', () => {
    const run = runOf('net.latency.ms=5&duration.ms=100');
    const builder = new SnapshotBuilder(run);
    run.advanceTo(30);
    const first = builder.build();
    const frozen = JSON.stringify({ ...first, marks: Array.from(first.marks.data) });
    run.advanceTo(60);
    builder.build();
    expect(JSON.stringify({ ...first, marks: Array.from(first.marks.data) })).toBe(frozen);
  });

  it('must be created before the run advances', () => {
    const run = runOf('duration.ms=50');
    run.advanceTo(5);
    expect(() => new SnapshotBuilder(run)).toThrow(/before the run advances/);
  });
});
