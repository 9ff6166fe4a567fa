// @vitest-environment node
/**
 * How a whole run fails the way Kafka fails: send() blocking on buffer memory or metadata and giving up after
 * max.block.ms, records too large for the request, values the serializer cannot take, and batches the broker
 * rejects as MESSAGE_TOO_LARGE. A scenario query in, the runner's report out; the texts are Kafka's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';
import { buildRunReport, type RunReport } from './RunReport';

function simulate(query: string): { run: ProducerRun; report: RunReport } {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  const run = new ProducerRun(scenario);
  run.runToEnd();
  return { run, report: buildRunReport(run) };
}

function loggedIds(report: RunReport): number[] {
  return report.partitions.flatMap((p) => p.log);
}

beforeAll(async () => {
  await initCompression();
});

describe('buffer.memory', () => {
  // One 16384-byte batch buffer fits in 20000 bytes, so an unthrottled application soon waits for memory.
  const tiny = 'buffer.memory=20000&throughput=-1&duration.ms=50';

  it('a full buffer blocks send() until a batch completes and returns its memory', () => {
    const { report } = simulate(tiny);
    expect(report.application.blockedSends).toBeGreaterThan(0);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.acked).toBeGreaterThan(500);
    expect(report.metrics['bufferpool-wait-time-ns-total']).toBeGreaterThan(0);
  });

  it('with a small max.block.ms the waiting send fails with BufferExhaustedException', () => {
    const { report } = simulate(`${tiny}&max.block.ms=2`);
    const failed = report.records.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      // BufferPool.allocate's message; the allocation wanted one batch.size buffer.
      expect(r.error).toMatch(
        /^BufferExhaustedException: Failed to allocate 16384 bytes within the configured max blocking time 2 ms\. Total memory: 20000 bytes\. Available memory: \d+ bytes\. Poolable size: 16384 bytes$/,
      );
      expect(r.ackMs! - r.sendMs).toBeCloseTo(2, 9);
    }
    expect(report.metrics['buffer-exhausted-total']).toBe(failed.length);
    expect(report.totals.acked).toBeGreaterThan(0);
    // A failed send never reaches a broker.
    const failedIds = new Set(failed.map((r) => r.id));
    expect(loggedIds(report).some((id) => failedIds.has(id))).toBe(false);
  });
});

describe('send() checks before the accumulator', () => {
  it('a record larger than max.request.size fails with RecordTooLargeException', () => {
    const { report } = simulate('record.size=2000&max.request.size=1000&duration.ms=20');
    // Upper-bound estimate: 61 (batch header) + 21 (record overhead) + 1 (null key) + 2 + 2000 (value) + 1 (headers).
    const size = 61 + 21 + 1 + 2 + 2000 + 1;
    expect(report.records.length).toBe(20);
    for (const r of report.records) {
      expect(r.status).toBe('failed');
      expect(r.error).toBe(
        `RecordTooLargeException: The message is ${size} bytes when serialized which is larger than 1000, ` +
          'which is the value of the max.request.size configuration.',
      );
      expect(r.ackMs).toBe(r.sendMs);
    }
    expect(report.totals.batches).toBe(0);
    expect(loggedIds(report)).toEqual([]);
  });

  it('random bytes with the default StringSerializer fail with SerializationException', () => {
    const { report } = simulate('value.content=random&duration.ms=50');
    expect(report.records.length).toBe(50);
    for (const r of report.records) {
      expect(r.status).toBe('failed');
      expect(r.error).toBe(
        "SerializationException: Can't convert value of class [B to class " +
          'org.apache.kafka.common.serialization.StringSerializer specified in value.serializer',
      );
    }
    expect(report.metrics['record-error-total']).toBe(50);
    // A SerializationException is a KafkaException, not an ApiException: send() throws it, no callback runs.
    expect(report.application.sendExceptions).toBe(50);
    expect(report.application.callbacksFailed).toBe(0);
  });

  it('a RecordTooLargeException (an ApiException) reaches the callback instead', () => {
    const { report } = simulate('record.size=1048576&num.records=2');
    expect(report.totals.failed).toBe(2);
    expect(report.application.sendExceptions).toBe(0);
    expect(report.application.callbacksFailed).toBe(2);
  });

  it('random bytes with ByteArraySerializer are sent', () => {
    const { report } = simulate(
      'value.content=random&value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer&duration.ms=100',
    );
    expect(report.config['value.serializer']).toBe(
      'org.apache.kafka.common.serialization.ByteArraySerializer',
    );
    expect(report.totals.failed).toBe(0);
    expect(report.totals.acked).toBeGreaterThan(80);
  });

  it('partition=7 of 6: each send blocks max.block.ms waiting for metadata, then fails', () => {
    const { report } = simulate('partition=7&max.block.ms=100&duration.ms=450');
    const rs = report.records;
    expect(rs.length).toBe(5);
    for (const r of rs.slice(0, 4)) {
      expect(r.status).toBe('failed');
      expect(r.error).toBe(
        'TimeoutException: Partition 7 of topic topic with partition count 6 is not present in metadata after 100 ms.',
      );
      expect(r.ackMs! - r.sendMs).toBeCloseTo(100, 9);
    }
    // The application's thread was inside send() the whole time: the next send comes after the failure.
    for (let i = 0; i + 1 < rs.length; i++)
      expect(rs[i + 1].sendMs).toBeGreaterThanOrEqual(rs[i].ackMs!);
    expect(rs[4].status).toBe('pending');
    expect(report.application.state).toBe('blocked');
    expect(loggedIds(report)).toEqual([]);
  });
});

describe('MESSAGE_TOO_LARGE from the broker', () => {
  it('a compressed batch that outgrew message.max.bytes is split and its records are acked', () => {
    // All records on one partition: every batch fills, the lz4 ratio estimate falls 0.005 per batch, batches
    // grow past 8000 compressed bytes, the broker rejects one, and the split batches (estimate reset) fit.
    // Bounded, so the run must close: the idempotent producer re-sends the split batches and the batches behind
    // them (rejected as out of order meanwhile) in sequence order, and every record gets acked.
    const { report } = simulate(
      'keys=1&compression.type=lz4&message.max.bytes=8000&throughput=100000&linger.ms=20' +
        '&num.records=20000&duration.ms=10000',
    );
    expect(report.end).toBe('closed');
    expect(report.runMetrics['batch-split-total']).toBeGreaterThan(0);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.acked).toBe(20_000);
    for (const b of report.batches) {
      if (b.state === 'succeeded') expect(b.compressedSizeInBytes).toBeLessThanOrEqual(8000);
    }
    // Splitting re-sends records, but each is written once.
    const logged = loggedIds(report);
    expect(new Set(logged).size).toBe(logged.length);
    expect(logged.length).toBe(20_000);
  });

  it('batch.size above message.max.bytes: Kafka 4.0 re-splits at batch.size until delivery.timeout.ms', () => {
    // Reference §2h: split batches are batch.size-sized, so uncompressed 64 KiB batches come back just as large
    // and are rejected again (KAFKA-8350, fixed after 4.1 by halving on re-split). Only the last, smaller
    // batch fits under 20000 bytes; the full ones expire.
    const { report } = simulate(
      'keys=1&batch.size=65536&message.max.bytes=20000&throughput=100000&linger.ms=50' +
        '&request.timeout.ms=100&delivery.timeout.ms=200&num.records=1250&duration.ms=2000',
    );
    expect(report.end).toBe('closed');
    expect(report.runMetrics['batch-split-total']).toBeGreaterThan(10);
    const failedBatches = report.batches.filter((b) => b.state === 'failed');
    expect(failedBatches.length).toBeGreaterThan(0);
    for (const b of failedBatches) expect(b.sizeInBytes).toBeGreaterThan(20000);
    for (const r of report.records.filter((x) => x.status === 'failed')) {
      expect(r.error).toMatch(
        /^TimeoutException: Expiring \d+ record\(s\) for topic-1:\d+ ms has passed since batch creation$/,
      );
    }
    const acked = report.records.filter((r) => r.status === 'acked');
    expect(acked.length).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ sent: 1250, pending: 0 });
    expect(report.totals.acked + report.totals.failed).toBe(1250);
    expect(new Set(loggedIds(report))).toEqual(new Set(acked.map((r) => r.id)));
  });
});
