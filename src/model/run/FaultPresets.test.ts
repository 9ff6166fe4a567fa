// @vitest-environment node
/**
 * Issue 3's presets, each run to its end at seed 1: each must show the case its description promises, in the
 * runner's accounting (the golden files only cover their first 300 ms).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';
import { buildRunReport, type RunReport } from './RunReport';

beforeAll(async () => {
  await initCompression();
});

function runPreset(id: string): RunReport {
  const preset = presetById(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  const { scenario, problems } = decodeScenario(preset.query);
  expect(scenarioProblemsFatal(problems)).toBe(false);
  const run = new ProducerRun(scenario);
  run.runToEnd();
  const report = buildRunReport(run);
  expect(report.faults.length).toBe(scenario.faults.length);
  expect(report.faults.every((f) => f.applied)).toBe(true);
  const a = report.accounting;
  expect(a.acked + a.failed + a.pending).toBe(report.totals.sent);
  return report;
}

describe('fault presets at seed 1', () => {
  it('lost-ack-duplicate: acknowledged records are written twice', () => {
    const a = runPreset('lost-ack-duplicate').accounting;
    expect(a.duplicated).toBeGreaterThan(0);
    expect(a.lost).toBe(0);
  });

  it('retries-reorder: same-key records land out of send order', () => {
    const a = runPreset('retries-reorder').accounting;
    expect(a.reordered).toBeGreaterThan(0);
    expect(a.lost).toBe(0);
  });

  it('idempotence-repairs: the same faults leave no duplicate and no reordering', () => {
    const r = runPreset('idempotence-repairs');
    expect(r.accounting).toMatchObject({
      duplicated: 0,
      reordered: 0,
      reorderedInPartition: 0,
      lost: 0,
    });
    expect(r.accounting.acked).toBeGreaterThan(10000);
  });

  it('acks1-failover-loss: acknowledged records vanish with the crashed leader', () => {
    const a = runPreset('acks1-failover-loss').accounting;
    expect(a.lost).toBeGreaterThan(0);
    expect(a.examples.lost.length).toBeGreaterThan(0);
  });

  it('min-isr-refuses: acks=all sends fail, nothing acknowledged is lost', () => {
    const r = runPreset('min-isr-refuses');
    expect(r.accounting.failed).toBeGreaterThan(0);
    expect(r.accounting.lost).toBe(0);
    const errors = new Set(
      r.records.filter((x) => x.error !== null).map((x) => x.error?.split(':')[0]),
    );
    expect([...errors].every((e) => /NotEnoughReplicas|Timeout/.test(e ?? ''))).toBe(true);
  });

  it('buffer-full-blocks: send() blocks on the exhausted pool', () => {
    const r = runPreset('buffer-full-blocks');
    expect(r.application.blockedSends).toBeGreaterThan(0);
    expect(r.runMetrics['bufferpool-wait-time-ns-total']).toBeGreaterThan(0);
  });
});
