// @vitest-environment node
/**
 * The journey of one record, batch and request in real runs: the stages in time order with the model's texts,
 * checked against what the run itself says (the cluster's leaders and high watermarks, the Sender's request log,
 * the record's own state): a keyed record at acks=all with replication, a retried batch, the sticky partitioner's
 * recorded pick, ready reasons, requests shared by partitions, acks=0, blocking, truncation, restarts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { explainKeyPartition } from '../clients/producer/KeyPartitioning';
import { initCompression } from '../common/compress/Compression';
import { encodeUtf8 } from '../common/utils/Utf8';
import {
  batchDetail,
  recordDetail,
  requestDetail,
  stagesOf,
  stepOf,
  watch,
} from './JourneyTestKit';
import { explainPartition } from './PipelineSnapshot';
import { ProducerRun } from './ProducerRun';

function runOf(queryOrPreset: string): ProducerRun {
  const query = presetById(queryOrPreset)?.query ?? queryOrPreset;
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario);
}

function ascending(times: readonly number[]): boolean {
  return times.every((t, i) => i === 0 || times[i - 1] <= t);
}

beforeAll(async () => {
  await initCompression();
});

describe('a keyed record at acks=all with replication', () => {
  const query = 'keys=10&acks=all&replication.factor=3&duration.ms=200';

  it('goes send → serialize → partition → append → closed → ready → drained → … → callback, in time order', () => {
    const { run, inspector } = watch(runOf(query));
    run.advanceTo(150);
    const d = recordDetail(inspector, 20);
    expect(d.status).toBe('acked');
    expect(stagesOf(d)).toEqual([
      'send',
      'serialize',
      'partition',
      'append',
      'closed',
      'ready',
      'drained',
      'written',
      'leader-append',
      'replicated',
      'acknowledged',
      'callback',
    ]);
    // Without interceptors the path has no onSend, and this record took all of it.
    expect(d.path).toEqual(stagesOf(d));
    expect(ascending(d.journey.map((s) => s.atMs))).toBe(true);
    expect(stepOf(d, 'send').atMs).toBe(d.sendMs);
    expect(stepOf(d, 'callback').atMs).toBe(d.callbackMs);
  });

  it("explains the partition with the model's murmur2 text and names the leader, offsets and request", () => {
    const { run, inspector } = watch(runOf(query));
    run.advanceTo(150);
    const d = recordDetail(inspector, 20);
    const state = run.records[20];
    const expected = explainKeyPartition(state.key, state.keyBytes, 6);
    expect(d.partitionReason).toBe('key-hash');
    expect(d.partitionExplanation).toBe(expected);
    expect(stepOf(d, 'partition').text).toBe(expected);
    const [, hashed] =
      /^murmur2\("user-\d+"\) = -?\d+ → toPositive = \d+ → % 6 = (\d)$/.exec(expected) ?? [];
    expect(Number(hashed)).toBe(d.partition);
    expect(d.keyText).toBe(d.key);
    expect(d.keyHex).toBe(
      Array.from(encodeUtf8(d.key ?? ''), (b) => b.toString(16).padStart(2, '0')).join(' '),
    );
    expect(stepOf(d, 'serialize').text).toBe(
      `key → StringSerializer → ${d.keySizeInBytes} bytes; value → StringSerializer → ${d.valueSizeInBytes} bytes`,
    );
    const leader = run.cluster.leaderOf(d.partition);
    expect(stepOf(d, 'leader-append').text).toContain(
      `broker ${leader}, leader of partition ${d.partition}, appended batch-${d.batchId}`,
    );
    expect(stepOf(d, 'leader-append').text).toContain(`this record at offset ${d.offset}`);
    expect(d.offset).toBe(state.offset);
    expect(d.offset).toBe(d.baseOffset + d.indexInBatch);
    expect(d.requestIds).toHaveLength(1);
    expect(stepOf(d, 'drained').text).toMatch(
      new RegExp(`^drained into req-${d.requestIds[0]} for broker ${leader}`),
    );
    expect(stepOf(d, 'acknowledged').text).toBe(
      `req-${d.requestIds[0]} answered NONE (offset ${d.offset})`,
    );
    expect(stepOf(d, 'callback').text).toBe(
      `callback: onCompletion(metadata = topic-${d.partition}@${d.offset}, exception = null)`,
    );
    const batch = batchDetail(inspector, d.batchId);
    expect(batch.recordIds?.[d.indexInBatch]).toBe(20);
    expect(d.producerId).toBeGreaterThanOrEqual(0);
    expect(d.sequence).toBe(batch.baseSequence + d.indexInBatch);
  });

  it('is replicated exactly when the high watermark passes the batch, before acks=all answers', () => {
    const { run, inspector } = watch(runOf(query));
    run.advanceTo(150);
    const d = recordDetail(inspector, 20);
    const attempt = batchDetail(inspector, d.batchId).attempts[0];
    const lastOffset = attempt.leaderBaseOffset + batchDetail(inspector, d.batchId).recordCount - 1;
    const replicated = stepOf(d, 'replicated');
    expect(replicated.text).toBe(
      `the high watermark of partition ${d.partition} passed offset ${lastOffset}: every in-sync replica has it (acks=all waited for this)`,
    );
    // The same run without a recorder, watched event by event.
    const alone = runOf(query);
    while (alone.cluster.partition(d.partition).highWatermark <= lastOffset) alone.stepEvent();
    expect(replicated.atMs).toBe(alone.nowMs);
    expect(stepOf(d, 'leader-append').atMs).toBeLessThan(replicated.atMs);
    expect(replicated.atMs).toBeLessThanOrEqual(stepOf(d, 'acknowledged').atMs);
  });

  it('shows steps not yet reached as absent while the record travels', () => {
    const { run, inspector } = watch(runOf(query));
    run.advanceTo(20.2);
    const d = recordDetail(inspector, 20);
    expect(d.status).toBe('pending');
    expect(stagesOf(d)).toEqual(['send', 'serialize', 'partition', 'append']);
    expect(d.offset).toBe(-1);
    expect(d.requestIds).toEqual([]);
  });
});

describe('a retried batch', () => {
  it('shows the retriable error, the backoff and the second attempt in the journey of its records', () => {
    const { run, inspector } = watch(runOf('retries-reorder'), { recordCapacity: 100_000 });
    run.advanceTo(1200);
    const summary = run.completedBatches.find((b) => b.attempts === 2);
    if (summary === undefined) throw new Error('no retried batch');
    const batch = batchDetail(inspector, summary.id);
    expect(batch.attempts.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [0, 'retry', 'NOT_ENOUGH_REPLICAS'],
      [1, 'acked', null],
    ]);
    expect(batch.attempts[1].readyReason).toBe('retry-backoff-elapsed');
    expect(batch.status).toBe('succeeded');

    const d = recordDetail(inspector, batch.firstRecordId);
    expect(d.attempts).toBe(2);
    expect(d.requestIds).toEqual(batch.requestIds);
    const stages = stagesOf(d);
    const retry = stages.indexOf('retry');
    expect(retry).toBeGreaterThan(stages.indexOf('written'));
    expect(stages.slice(retry)).toEqual([
      'retry',
      'ready',
      'drained',
      'written',
      'leader-append',
      'replicated',
      'acknowledged',
      'callback',
    ]);
    const retryStep = d.journey[retry];
    expect(retryStep.text).toBe(
      `req-${d.requestIds[0]} answered NOT_ENOUGH_REPLICAS: retriable, so batch-${batch.id} goes back to the accumulator for retry 1`,
    );
    expect(retryStep.attempt).toBe(0);
    const drained = d.journey.filter((s) => s.stage === 'drained');
    expect(drained.map((s) => s.attempt)).toEqual([0, 1]);
    expect(drained[1].text).toMatch(/\(retry 1\)$/);
    expect(d.journey[retry + 1].text).toMatch(/^ready: its retry backoff passed/);
    expect(ascending(d.journey.map((s) => s.atMs))).toBe(true);
  });
});

describe('the sticky partitioner', () => {
  it("keeps each record's own pick and switch reason, not the partitioner's current one", () => {
    const { run, inspector } = watch(runOf('duration.ms=2000'));
    run.advanceTo(1000);
    const first = recordDetail(inspector, 0);
    expect(first.partitionReason).toBe('sticky');
    const p = first.partition;
    expect(first.partitionExplanation).toMatch(
      new RegExp(
        `^null key → the sticky partition ${p} \\(BuiltInPartitioner\\)\\. Picked by random \\d+ % 6 available ` +
          `partitions = ${p} → partition ${p} \\(uniform; may repeat\\); last switch: first use$`,
      ),
    );
    // The partitioner has moved on; the live explanation says so, the recorded one does not.
    expect(explainPartition(run.producer, run.records[0])).toContain('it has since switched');
    const moved = run.records.find((r) => r.partition !== p && r.partition >= 0);
    if (moved === undefined) throw new Error('the sticky partition never switched');
    const later = recordDetail(inspector, moved.id);
    expect(later.partitionExplanation).toContain(
      `→ the sticky partition ${moved.partition} (BuiltInPartitioner)`,
    );
    expect(later.partitionExplanation).toMatch(
      /last switch: produced \d+ ≥ batch\.size and batch full/,
    );
    expect(stepOf(later, 'partition').text).toBe(later.partitionExplanation);
    const batch = batchDetail(inspector, first.batchId);
    expect(first.partitionExplanation).toContain(
      `Picked by ${batch.stickyPick}; last switch: first use`,
    );
    expect(batch.stickySwitchReason).toBe('first use');
  });
});

describe('why a batch became ready', () => {
  it('linger.ms expired: a quiet partition waits out linger.ms', () => {
    const { run, inspector } = watch(runOf('duration.ms=100'));
    run.advanceTo(60);
    const b = batchDetail(inspector, 0);
    expect(b.readyReason).toBe('linger-expired');
    expect(b.readyText).toBe('linger.ms (5 ms) expired');
    expect(b.closeReason).toBe('linger-expired');
    expect(b.readyMs - b.createdMs).toBeGreaterThanOrEqual(5);
    expect(b.sizeInBytes).toBeLessThan(b.batchSize);
    expect(stepOf(b, 'ready').text).toBe('ready: linger.ms (5 ms) expired');
    expect(stagesOf(b).slice(0, 4)).toEqual(['created', 'closed', 'ready', 'drained']);
  });

  it('full: a busy partition fills batch.size long before linger.ms', () => {
    const { run, inspector } = watch(
      runOf('batch.size=1024&linger.ms=1000&throughput=20000&duration.ms=100'),
    );
    run.advanceTo(60);
    const b = batchDetail(inspector, 0);
    expect(b.batchSize).toBe(1024);
    expect(b.readyReason).toBe('full');
    expect(b.closeReason).toBe('full');
    expect(b.closeText).toBe('full: no room for the next record within batch.size (1,024 bytes)');
    expect(b.readyText).toMatch(/^full: it reached batch\.size \(1,024 bytes\)/);
    expect(b.readyMs - b.createdMs).toBeLessThan(1000);
    expect(b.estimatedSizeInBytes).toBeLessThanOrEqual(1024);
    expect(b.recordIds).toHaveLength(b.recordCount);
  });
});

describe('a produce request', () => {
  it('lists the partitions that shared it, as the Sender built it, each led by its broker', () => {
    const { run, inspector } = watch(
      runOf('keys=100&linger.ms=20&throughput=5000&duration.ms=300'),
    );
    run.advanceTo(200);
    const log = run.producer.sender.events.recentRequests();
    const shared = log.find((e) => e.batches.length >= 2 && e.responseMs >= 0);
    if (shared === undefined) throw new Error('no request with two partitions');
    const r = requestDetail(inspector, shared.requestId);
    expect(r.partitions).toEqual(
      [...new Set(shared.batches.map((b) => b.partition))].sort((a, b) => a - b),
    );
    expect(r.partitions.length).toBeGreaterThanOrEqual(2);
    for (const p of r.partitions) expect(run.cluster.leaderOf(p)).toBe(r.node);
    expect(r.batches.map((b) => [b.batchId, b.outcome])).toEqual(
      shared.batches.map((b) => [b.batchId, 'acked']),
    );
    expect(r.recordCount).toBe(shared.batches.reduce((n, b) => n + b.recordCount, 0));
    expect(r.status).toBe('answered');
    expect(r.latencyMs).toBe(shared.responseMs - shared.createdMs);
    // A record of its first batch says which partitions rode along.
    const batch = batchDetail(inspector, r.batches[0].batchId);
    const d = recordDetail(inspector, batch.firstRecordId);
    const others = r.partitions.filter((p) => p !== batch.partition);
    expect(stepOf(d, 'drained').text).toContain(
      `drained into req-${r.id} for broker ${r.node} with batches of partition`,
    );
    for (const p of others) expect(stepOf(d, 'drained').text).toContain(String(p));
  });
});

describe('other paths', () => {
  it('acks=0: complete once written, no offset for the producer, while the leader still appends', () => {
    const { run, inspector } = watch(runOf('acks=0&keys=10&duration.ms=100'));
    run.advanceTo(80);
    const d = recordDetail(inspector, 10);
    expect(d.status).toBe('acked');
    expect(d.offset).toBe(-1);
    expect(d.sequence).toBe(-1);
    expect(stepOf(d, 'acknowledged').text).toBe(
      `acks=0: complete as soon as req-${d.requestIds[0]} was written; no response, no offset`,
    );
    expect(stepOf(d, 'callback').text).toContain(`topic-${d.partition}@-1`);
    // The broker appended it after the producer had already moved on.
    expect(stepOf(d, 'leader-append').atMs).toBeGreaterThan(stepOf(d, 'callback').atMs);
    expect(d.baseOffset).toBeGreaterThanOrEqual(0);
  });

  it('a send() blocked on buffer.memory shows the wait before its append', () => {
    const { run, inspector } = watch(runOf('buffer-full-blocks'));
    run.advanceTo(200);
    const blocked = run.records.find(
      (r) =>
        r.status === 'acked' &&
        r.sendMs < 100 &&
        recordDetail(inspector, r.id).journey.some((s) => s.stage === 'blocked'),
    );
    if (blocked === undefined) throw new Error('no blocked send');
    const d = recordDetail(inspector, blocked.id);
    const wait = stepOf(d, 'blocked');
    expect(wait.atMs).toBe(d.sendMs);
    expect(wait.text).toBe(
      'send() blocked: buffer.memory (65,536 bytes) is exhausted; it waits up to max.block.ms (1,000 ms) for a batch to free memory',
    );
    expect(stepOf(d, 'append').atMs).toBeGreaterThan(d.sendMs);
  });

  it('acks=1 failover: an acknowledged batch is cut from the new leader’s log', () => {
    const { run, recorder, inspector } = watch(runOf('acks1-failover-loss'));
    run.advanceTo(2100);
    let lost = null;
    for (
      let id = run.producer.accumulator.batchContext.nextBatchId - 1;
      id >= 0 && lost === null;
      id--
    ) {
      const b = recorder.batch(id) === undefined ? null : batchDetail(inspector, id);
      if (b?.journey.some((s) => s.stage === 'truncated')) lost = b;
    }
    if (lost === null) throw new Error('no truncated batch');
    expect(lost.status).toBe('succeeded');
    const stages = stagesOf(lost);
    expect(stages.indexOf('truncated')).toBeGreaterThan(stages.indexOf('acknowledged'));
    expect(stepOf(lost, 'truncated').atMs).toBe(2000);
    expect(stepOf(lost, 'truncated').text).toMatch(
      new RegExp(
        `^a new leader of partition ${lost.partition} cut its log back: this append \\(offsets? \\d+`,
      ),
    );
  });

  it('after a producer restart, an old record keeps its own batch although batch ids start over', () => {
    const { run, inspector } = watch(runOf('keys=10&fault=120%3Arestart-producer&duration.ms=400'));
    run.advanceTo(400);
    const old = recordDetail(inspector, 30);
    expect(old.sendMs).toBeLessThan(120);
    const oldBatch = run.producers[0].accumulator.batchContext.nextBatchId;
    expect(run.producer.accumulator.batchContext.nextBatchId).toBeGreaterThan(old.batchId);
    expect(stepOf(old, 'append').text).toContain(`batch-${old.batchId}`);
    expect(old.batchId).toBeLessThan(oldBatch);
    expect(stepOf(old, 'callback').atMs).toBeLessThanOrEqual(120);
    // batch-<id> now means the new producer's batch.
    expect(batchDetail(inspector, old.batchId).createdMs).toBeGreaterThanOrEqual(120);
  });
});

describe('what the inspector keeps', () => {
  it('says why an item is missing: too old, or not there yet', () => {
    const { run, inspector } = watch(runOf('throughput=5000&duration.ms=200'), {
      recordCapacity: 50,
      batchCapacity: 5,
      requestCapacity: 5,
    });
    run.advanceTo(100);
    const newest = run.sendCalls - 1;
    expect(inspector.inspect({ kind: 'record', id: 0 })).toEqual({
      kind: 'missing',
      target: { kind: 'record', id: 0 },
      reason: 'rec-0 is older than the last 50 records the explorer keeps',
    });
    expect(inspector.inspect({ kind: 'record', id: newest + 1 })).toMatchObject({
      kind: 'missing',
      reason: `rec-${newest + 1} has not been sent yet`,
    });
    expect(recordDetail(inspector, newest).id).toBe(newest);
    expect(recordDetail(inspector, newest - 49).id).toBe(newest - 49);
    expect(inspector.inspect({ kind: 'record', id: newest - 50 }).kind).toBe('missing');
    expect(inspector.inspect({ kind: 'batch', id: 0 })).toMatchObject({
      reason: 'batch-0 is older than the last 5 batches the explorer keeps',
    });
    expect(inspector.inspect({ kind: 'batch', id: 1e6 })).toMatchObject({
      reason: 'batch-1000000 has not been created yet',
    });
    expect(inspector.inspect({ kind: 'request', id: 0 })).toMatchObject({
      reason: 'req-0 is older than the last 5 produce requests the explorer keeps',
    });
    const lastBatch = run.producer.accumulator.batchContext.nextBatchId - 1;
    expect(batchDetail(inspector, lastBatch).id).toBe(lastBatch);
    const recent = inspector.recentRecords(30);
    expect(recent.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => newest - 29 + i));
    expect(recent[29]).toEqual({
      id: newest,
      key: null,
      partition: run.records[newest].partition,
      status: run.records[newest].status,
      sendMs: run.records[newest].sendMs,
    });
  });

  it('uses the default limits in its words', () => {
    const { run, inspector } = watch(runOf('throughput=50000&duration.ms=100'));
    run.advanceTo(60);
    expect(inspector.inspect({ kind: 'record', id: 0 })).toMatchObject({
      reason: 'rec-0 is older than the last 2,000 records the explorer keeps',
    });
  });

  it('gives JSON-safe details', () => {
    const { run, inspector } = watch(runOf('retries-reorder'));
    run.advanceTo(700);
    for (const target of [
      { kind: 'record', id: run.sendCalls - 500 },
      { kind: 'batch', id: 40 },
      { kind: 'request', id: 30 },
    ] as const) {
      const found = inspector.inspect(target);
      expect(found.kind).toBe(target.kind);
      expect(JSON.parse(JSON.stringify(found))).toEqual(found);
    }
  });

  it('shows long values cut at 1 KiB and hex at 256 bytes, with notes', () => {
    const { run, inspector } = watch(runOf('record.size=4000&duration.ms=50'));
    run.advanceTo(10);
    const d = recordDetail(inspector, 0);
    expect(d.valueSizeInBytes).toBe(4000);
    expect(d.valueTextNote).toBe('first 1,024 of 4,000 bytes');
    expect(encodeUtf8(d.valueText ?? '').length).toBeLessThanOrEqual(1024);
    expect(d.valueHex?.split(' ')).toHaveLength(256);
    expect(d.valueHexNote).toBe('first 256 of 4,000 bytes');
  });
});
