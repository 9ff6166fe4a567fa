// @vitest-environment node
/**
 * JourneyRecorder only observes: a run with a recorder (and an inspector asking about records, batches and
 * requests all along) gives the same report, byte for byte, as one without, over every preset and a producer
 * restart. Memory stays within its limits, and it must be attached before the run advances.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { JourneyRecorder } from './JourneyRecorder';
import { watch } from './JourneyTestKit';
import { ProducerRun, type RunOptions } from './ProducerRun';
import { buildRunReport } from './RunReport';

function runOf(query: string, options?: RunOptions): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  expect(scenarioProblemsFatal(problems), JSON.stringify(problems)).toBe(false);
  return new ProducerRun(scenario, options);
}

beforeAll(async () => {
  await initCompression();
});

describe('JourneyRecorder', () => {
  it.each([
    ...PRESETS.map((p) => [p.id, p.query] as const),
    ['restart-producer', 'keys=10&fault=120%3Arestart-producer'] as const,
  ])('does not change the run (%s)', (_id, query) => {
    const options = { durationMs: 300 };
    const observed = runOf(query, options);
    const { inspector } = watch(observed);
    let inspected = 0;
    for (let t = 0; !observed.finished; t += 1.3) {
      observed.advanceTo(t);
      const newest = observed.sendCalls - 1;
      const batches = observed.producer.accumulator.batchContext.nextBatchId;
      const requests = observed.producer.sender.requestsSent;
      for (const target of [
        { kind: 'record', id: newest },
        { kind: 'record', id: newest - 40 },
        { kind: 'batch', id: batches - 1 },
        { kind: 'batch', id: batches - 7 },
        { kind: 'request', id: requests - 1 },
        { kind: 'request', id: requests - 5 },
      ] as const) {
        if (inspector.inspect(target).kind !== 'missing') inspected++;
      }
      inspector.recentRecords(30);
    }
    expect(inspected).toBeGreaterThan(100);
    const alone = runOf(query, options);
    alone.runToEnd();
    expect(JSON.stringify(buildRunReport(observed))).toBe(JSON.stringify(buildRunReport(alone)));
  });

  it('keeps at most its capacities: the oldest records, batches and requests are let go', () => {
    const { run, recorder } = watch(runOf('throughput=20000&duration.ms=500'), {
      recordCapacity: 100,
      batchCapacity: 20,
      requestCapacity: 10,
    });
    run.advanceTo(500);
    const newest = run.sendCalls - 1;
    expect(newest).toBeGreaterThan(5000);
    expect(recorder.oldestRecord).toBe(newest - 99);
    let kept = 0;
    for (let id = 0; id <= newest; id++) if (recorder.record(id) !== undefined) kept++;
    expect(kept).toBe(100);
    const batches = run.producer.accumulator.batchContext.nextBatchId;
    let keptBatches = 0;
    for (let id = 0; id < batches; id++) if (recorder.batch(id) !== undefined) keptBatches++;
    expect(keptBatches).toBe(20);
    expect(recorder.batch(batches - 1)?.id).toBe(batches - 1);
    let keptRequests = 0;
    for (let id = 0; id < run.producer.sender.requestsSent; id++) {
      if (recorder.request(id) !== undefined) keptRequests++;
    }
    expect(keptRequests).toBe(10);
  });

  it('freezes a completed batch: its facts no longer hold the producer batch', () => {
    const { run, recorder } = watch(runOf('duration.ms=100'));
    run.advanceTo(80);
    const done = recorder.batch(0);
    expect(done?.completedMs).toBeGreaterThan(0);
    expect(done?.batch).toBeNull();
    expect(done?.frozen?.finalState).toBe('SUCCEEDED');
    const open = recorder.batch(run.producer.accumulator.batchContext.nextBatchId - 1);
    expect(open?.batch).not.toBeNull();
    expect(open?.frozen).toBeNull();
  });

  it('must be attached before the run advances', () => {
    const run = runOf('duration.ms=50');
    run.advanceTo(5);
    expect(() => new JourneyRecorder(run)).toThrow(/before the run advances/);
  });
});
