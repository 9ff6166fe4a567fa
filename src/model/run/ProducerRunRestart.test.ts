// @vitest-environment node
/**
 * ProducerRun.restartProducer (the `restart-producer` fault): the producer closes at once, its incomplete records
 * fail with Kafka's forced-close text, and a new producer with a new producer id takes over (the seed's
 * "idempotence limitation": sequences restart at 0 under the new id).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';

function build(query: string): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario);
}

beforeAll(async () => {
  await initCompression();
});

describe('ProducerRun.restartProducer', () => {
  it('fails what was incomplete, then sends through a new producer id with sequences from 0', () => {
    // linger.ms=50: at the restart some records are still in open batches.
    const run = build('linger.ms=50&throughput=10000&duration.ms=400');
    run.advanceTo(120);
    const old = run.producer;
    const oldId = old.transactionManager?.producerIdAndEpoch.producerId;
    expect(oldId).toBe(0);
    const incomplete = run.records.filter((r) => r.status === 'pending');
    expect(incomplete.length).toBeGreaterThan(0);
    run.restartProducer(run.nowMs);
    for (const r of incomplete) {
      expect(r.status).toBe('failed');
      expect(r.error).toBe('KafkaException: Producer is closed forcefully.');
    }
    expect(old.isClosed).toBe(true);
    expect(run.producer).not.toBe(old);
    expect(run.producers).toEqual([old, run.producer]);
    run.runToEnd();

    const next = run.producer;
    expect(next.transactionManager?.producerIdAndEpoch.producerId).toBe(1);
    expect(next.sendCalls).toBeGreaterThan(0);
    // The new producer's first batch of each partition starts at sequence 0.
    const firstSeq = new Map<number, number>();
    for (const b of run.completedBatches) {
      if (b.producerId !== 1 || firstSeq.has(b.partition)) continue;
      firstSeq.set(b.partition, b.baseSequence);
    }
    expect(firstSeq.size).toBeGreaterThan(0);
    for (const seq of firstSeq.values()) expect(seq).toBe(0);

    // Ids stay unique across producers; every record ends once.
    const ids = new Set(run.records.map((r) => r.id));
    expect(ids.size).toBe(run.records.length);
    expect(run.sendCalls).toBe(old.sendCalls + next.sendCalls);
    expect(run.acked + run.failed + run.pending).toBe(run.sendCalls);
    expect(run.application.callbacksFailed).toBe(incomplete.length);
  });

  it('a sync application waiting on its record goes on sending through the new producer', () => {
    const run = build('send.mode=sync&linger.ms=50&duration.ms=300');
    run.advanceTo(20);
    expect(run.application.state).toBe('awaiting-ack');
    run.restartProducer(run.nowMs);
    run.runToEnd();
    expect(run.application.callbacksFailed).toBe(1);
    expect(run.producer.sendCalls).toBeGreaterThan(0);
    expect(run.records.filter((r) => r.status === 'acked').length).toBeGreaterThan(0);
  });

  it('a send() blocked on buffer memory ends with an exception, and the application continues', () => {
    const run = build('buffer.memory=20000&throughput=-1&duration.ms=100');
    for (let t = 0.1; t < 50 && run.application.state !== 'blocked'; t += 0.1) run.advanceTo(t);
    expect(run.application.state).toBe('blocked');
    const at = run.nowMs;
    run.restartProducer(at);
    run.advanceTo(at + 0.01);
    const blocked = run.records.find(
      (r) => r.error === 'KafkaException: Producer closed while allocating memory',
    );
    expect(blocked).toBeDefined();
    expect(run.application.state).not.toBe('blocked');
    expect(run.producer.sendCalls).toBeGreaterThan(0);
  });
});
