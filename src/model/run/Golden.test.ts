// @vitest-environment node
/**
 * Golden runs: every preset of src/scenario/presets.ts at its seed (the default, 1) for 300 simulated ms, reduced to
 * a compact digest (totals, a few Kafka metrics rounded, the first 20 records' partition/offset/status, each
 * partition's log end offset) and compared with the committed file golden/<preset id>.json. A change here means
 * the same scenario now gives another run: intended (a model change) or not (lost determinism).
 *
 * To accept an intended change, regenerate the files and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run src/model/run/Golden.test.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, type Preset } from '../../scenario/presets';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';
import { buildRunReport } from './RunReport';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DURATION_MS = 300;
const FIRST_RECORDS = 20;
const METRICS = [
  'record-send-total',
  'request-total',
  'records-per-request-avg',
  'batch-size-avg',
  'compression-rate-avg',
  'record-queue-time-avg',
  'request-latency-avg',
  'delivery-latency-p99',
] as const;

interface GoldenDigest {
  readonly preset: string;
  readonly query: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly end: string;
  readonly endMs: number;
  readonly totals: Record<string, number>;
  readonly metrics: Record<string, number | null>;
  /** [partition, offset, status] of the first records, in send order. */
  readonly firstRecords: readonly (readonly [number, number, string])[];
  readonly logEndOffsets: readonly number[];
}

/** Three decimals: enough to see a change, few enough to read. */
function round(x: number | null | undefined): number | null {
  return x === null || x === undefined ? null : Math.round(x * 1000) / 1000;
}

function digestOf(preset: Preset): GoldenDigest {
  const { scenario, problems } = decodeScenario(preset.query);
  expect(scenarioProblemsFatal(problems)).toBe(false);
  const run = new ProducerRun(scenario, { durationMs: DURATION_MS });
  run.runToEnd();
  const report = buildRunReport(run);
  return {
    preset: preset.id,
    query: preset.query,
    seed: report.seed,
    durationMs: DURATION_MS,
    end: report.end,
    endMs: round(report.endMs)!,
    totals: { ...report.totals },
    metrics: Object.fromEntries(METRICS.map((m) => [m, round(report.runMetrics[m])])),
    firstRecords: report.records
      .slice(0, FIRST_RECORDS)
      .map((r) => [r.partition, r.offset, r.status] as const),
    logEndOffsets: report.partitions.map((p) => p.logEndOffset),
  };
}

/** Biome's JSON layout: two-space objects, each record tuple on one line. */
function formatDigest(digest: GoldenDigest): string {
  const { firstRecords, logEndOffsets, ...rest } = digest;
  const head = JSON.stringify(rest, null, 2).slice(0, -2);
  const rows = firstRecords.map((r) => `    ${JSON.stringify(r).replaceAll(',', ', ')}`);
  return (
    `${head},\n  "firstRecords": [\n${rows.join(',\n')}\n  ],\n` +
    `  "logEndOffsets": ${JSON.stringify(logEndOffsets).replaceAll(',', ', ')}\n}\n`
  );
}

beforeAll(async () => {
  await initCompression();
});

describe('golden runs of the presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', (id, preset) => {
    const digest = digestOf(preset);
    const file = `${GOLDEN_DIR}${id}.json`;
    if (UPDATE) writeFileSync(file, formatDigest(digest));
    let golden: unknown;
    try {
      golden = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`No golden file ${file}: run with UPDATE_GOLDEN=1 to create it`);
    }
    expect(digest).toEqual(golden);
  });

  it('has a golden file for each preset and none for a preset that is gone', () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(PRESETS.map((p) => `${p.id}.json`).sort());
  });

  it('each preset is its own run, except high-durability, which runs as the defaults without faults', () => {
    // Its settings are Kafka 4.x's defaults made explicit, plus min.insync.replicas=2, which matters only once
    // the ISR shrinks.
    const runOf = (p: Preset) => JSON.stringify({ ...digestOf(p), preset: '', query: '' });
    const digests = new Map(PRESETS.map((p) => [p.id, runOf(p)]));
    expect(digests.get('high-durability')).toBe(digests.get('default'));
    digests.delete('high-durability');
    expect(new Set(digests.values()).size).toBe(PRESETS.length - 1);
  });
});
