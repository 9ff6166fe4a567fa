// @vitest-environment node
/**
 * ProducerRun.stepEvent, the explorer's "step": each call runs what is due at the next event time and no more;
 * stepping to the end gives the same run as running to the end; it stops at duration.ms and after close().
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';
import { buildRunReport } from './RunReport';

function runOf(query: string): ProducerRun {
  return new ProducerRun(decodeScenario(query).scenario);
}

beforeAll(async () => {
  await initCompression();
});

describe('ProducerRun.stepEvent', () => {
  it('moves the clock to the next event time and runs everything due then, nothing later', () => {
    const run = runOf('duration.ms=20');
    let steps = 0;
    for (;;) {
      const next = run.sim.nextEventTimeMs();
      if (!run.stepEvent()) break;
      steps++;
      expect(run.nowMs).toBe(Math.min(next, 20));
      if (!run.finished) expect(run.sim.nextEventTimeMs()).toBeGreaterThan(run.nowMs);
    }
    expect(steps).toBeGreaterThan(20);
    expect(run.end).toBe('duration');
    expect(run.nowMs).toBe(20);
  });

  it('stepping to the end gives the same run as running to the end', () => {
    const query = 'keys=10&linger.ms=3&duration.ms=60&fault=30%3Acrash%3A2';
    const stepped = runOf(query);
    while (stepped.stepEvent()) {}
    const whole = runOf(query);
    whole.runToEnd();
    expect(JSON.stringify(buildRunReport(stepped))).toBe(JSON.stringify(buildRunReport(whole)));
  });

  it('stops when the application has closed the producer, as advanceTo does', () => {
    const stepped = runOf('num.records=5&duration.ms=1000');
    let steps = 0;
    while (stepped.stepEvent()) steps++;
    expect(stepped.end).toBe('closed');
    expect(stepped.stepEvent()).toBe(false);
    const whole = runOf('num.records=5&duration.ms=1000');
    whole.runToEnd();
    expect(stepped.endMs).toBe(whole.endMs);
    expect(stepped.nowMs).toBeLessThan(1000);
    expect(steps).toBeGreaterThan(5);
  });

  it('returns false, changing nothing, once the run has finished', () => {
    const run = runOf('duration.ms=10');
    run.runToEnd();
    const processed = run.sim.eventsProcessed;
    expect(run.stepEvent()).toBe(false);
    expect(run.sim.eventsProcessed).toBe(processed);
    expect(run.nowMs).toBe(10);
  });
});
