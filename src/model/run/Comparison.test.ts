// @vitest-environment node
/**
 * The comparison tables' measurements: acks, codecs and variant repair, run headless on short scenarios (shorter
 * runs than the explorer's 5 s keep the suite quick; the orderings hold at any length).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { sampleBatchPayload } from './BatchPayload';
import { Comparison, type ComparisonOptions, type ComparisonRow, LOSS_LAG_MS } from './Comparison';
import {
  acksVariants,
  applyVariant,
  compressionVariants,
  durabilityOf,
  type VariantSpec,
} from './ComparisonVariants';

beforeAll(async () => {
  await initCompression();
});

const SHORT: ComparisonOptions = { maxDurationMs: 1000, capacityMs: 30, chunksPerRun: 4 };

function compare(query: string, variants: VariantSpec[], options = SHORT): ComparisonRow[] {
  const { scenario, problems } = decodeScenario(query);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return new Comparison(scenario, 'acks', variants, options).runAll();
}

function rowById(rows: readonly ComparisonRow[], id: string): ComparisonRow {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
}

describe('acks comparison', () => {
  it('acks=0 sends the most and answers first on the default workload', () => {
    const rows = compare('', acksVariants());
    expect(rows.map((r) => r.id)).toEqual(['acks=0', 'acks=1', 'acks=all']);
    const [zero, one, all] = rows;
    for (const other of [one, all]) {
      expect(zero.capacity?.recordsPerSec).toBeGreaterThan(other.capacity?.recordsPerSec ?? 0);
      expect(zero.measured?.p50Ms).toBeLessThan(other.measured?.p50Ms ?? 0);
    }
    expect(one.measured?.p50Ms).toBeLessThan(all.measured?.p50Ms ?? 0);
    expect(rows.map((r) => r.durability?.level)).toEqual(['None', 'Medium', 'High']);
    // Kafka 4.x: acks other than all turns the default idempotence off, and says so.
    expect(zero.effective?.enableIdempotence).toBe(false);
    expect(one.notes.join(' ')).toMatch(/Idempotence will be disabled because acks is set to 1/);
    expect(all.effective?.enableIdempotence).toBe(true);
  });

  it('a leader crash loses acknowledged records with acks=1, none with acks=all and min.insync.replicas=2', () => {
    // acks1-failover-loss's set-up: the followers stop fetching at 200 ms, so only the leader has the newer records.
    const rows = compare(
      'throughput=2000&duration.ms=1000&keys=10&min.insync.replicas=2' +
        '&fault=200:stall-follower:1&fault=200:stall-follower:2',
      acksVariants(),
    );
    const one = rowById(rows, 'acks=1');
    const all = rowById(rows, 'acks=all');
    expect(one.loss?.fault).toBe('0:stall-follower:1 fault=0:stall-follower:2 fault=500:crash:0');
    expect(one.loss?.lost).toBeGreaterThan(0);
    expect(one.loss?.exact).toBe(true);
    expect(all.loss?.lost).toBe(0);
    expect(all.loss?.missing).toBe(0);
    expect(all.durability?.level).toBe('Highest');
  });

  it('on the default workload the loss run ranks as the seed does: acks 0 and 1 lose, acks=all does not', () => {
    // The crash run stalls partition 0's followers a second before its leader dies (LOSS_LAG_MS).
    const rows = compare('', acksVariants());
    const [zero, one, all] = ['acks=0', 'acks=1', 'acks=all'].map((id) => rowById(rows, id));
    expect(one.loss?.fault).toBe(
      `${Math.max(0, 500 - LOSS_LAG_MS)}:stall-follower:1 fault=${Math.max(0, 500 - LOSS_LAG_MS)}:stall-follower:2 fault=500:crash:0`,
    );
    expect(zero.loss?.missing).toBeGreaterThan(0);
    expect(one.loss?.lost).toBeGreaterThan(0);
    expect(all.loss?.missing).toBe(0);
  });

  it("drops an explicit enable.idempotence=true that Kafka would refuse, quoting Kafka's words", () => {
    const rows = compare('enable.idempotence=true', acksVariants());
    const one = rowById(rows, 'acks=1');
    expect(one.error).toBeNull();
    expect(one.notes[0]).toMatch(/Must set acks to all in order to use the idempotent producer/);
    expect(one.effective?.enableIdempotence).toBe(false);
    const all = rowById(rows, 'acks=all');
    expect(all.notes).toEqual([]);
    expect(all.effective?.enableIdempotence).toBe(true);
  });

  it('reports a variant Kafka refuses outright, and measures the others', () => {
    const steps: number[] = [];
    const { scenario } = decodeScenario('transactional.id=tx-1');
    const c = new Comparison(scenario, 'acks', acksVariants(), SHORT);
    const rows = c.runAll((s) => steps.push(s.done));
    expect(rowById(rows, 'acks=1').error).toBe(
      'transactional.id: Cannot set a transactional.id without also enabling idempotence.',
    );
    expect(rowById(rows, 'acks=1').measured).toBeNull();
    expect(rowById(rows, 'acks=all').measured?.acked).toBeGreaterThan(0);
    // Progress climbs one step at a time to the announced total.
    expect(steps).toEqual(Array.from({ length: c.total }, (_, i) => i + 1));
  });
});

describe('compression comparison', () => {
  it('orders the measured ratios plausibly for json values', () => {
    const rows = compare('', compressionVariants(), { ...SHORT, maxDurationMs: 400 });
    const ratio = (id: string) =>
      rowById(rows, `compression.type=${id}`).measured?.compressionRatio ?? 0;
    expect(ratio('none')).toBe(1);
    for (const fast of ['lz4', 'snappy']) {
      expect(ratio(fast)).toBeGreaterThan(1.2);
      for (const strong of ['gzip', 'zstd']) expect(ratio(strong)).toBeGreaterThan(ratio(fast));
    }
  });

  it('gives the same rows for the same scenario', () => {
    const a = compare('keys=10&throughput=3000', compressionVariants().slice(0, 2));
    const b = compare('keys=10&throughput=3000', compressionVariants().slice(0, 2));
    expect(b).toEqual(a);
  });
});

describe('runs of a fast or unthrottled workload', () => {
  it('shortens the run so it stays within the record budget, and skips the extra unthrottled run', () => {
    const { scenario } = decodeScenario('throughput=-1');
    const c = new Comparison(scenario, 'acks', acksVariants().slice(1, 2), {
      capacityMs: 20,
      chunksPerRun: 2,
    });
    expect(c.setup.durationMs).toBe(20);
    expect(c.setup.capacityMs).toBeNull();
    const [row] = c.runAll();
    expect(row.capacity).toBeNull();
    expect(row.measured?.recordsPerSec).toBeGreaterThan(100_000);
  });
});

describe('a run that ends before mid-run', () => {
  it('skips the crash run and says why', () => {
    const rows = compare('num.records=20', acksVariants().slice(2));
    expect(rows[0].loss).toBeNull();
    expect(rows[0].notes).toEqual([
      'The application had closed the producer by 500 ms (num.records): no crash run.',
    ]);
    expect(rows[0].measured?.acked).toBe(20);
  });
});

describe('applyVariant', () => {
  it('sets the topic min.insync.replicas a recommendation carries, and says so', () => {
    const { scenario } = decodeScenario('');
    const prepared = applyVariant(scenario, {
      id: 'high-durability',
      label: 'High durability',
      producer: { acks: 'all' },
      minInsyncReplicas: 2,
    });
    expect(prepared.ok && prepared.spec.cluster.minInsyncReplicas).toBe(2);
    expect(prepared.notes.join(' ')).toMatch(/min\.insync\.replicas=2/);
  });
});

describe('durabilityOf', () => {
  it("follows the seed's words from acks and the effective min.insync.replicas", () => {
    expect(durabilityOf(0, 2, 3).level).toBe('None');
    expect(durabilityOf(1, 2, 3).level).toBe('Medium');
    expect(durabilityOf(-1, 1, 3).level).toBe('High');
    expect(durabilityOf(-1, 2, 3).level).toBe('Highest');
    expect(durabilityOf(-1, 1, 1).level).toBe('Medium');
  });
});

describe('sampleBatchPayload', () => {
  it('fills one batch.size with the workload records, as DefaultRecord writes them', () => {
    const { scenario } = decodeScenario('batch.size=4096&keys=10');
    const payload = sampleBatchPayload(scenario);
    expect(payload.length).toBeLessThanOrEqual(4096 - 61);
    // Another 100-byte record with its key and framing would not have fitted.
    expect(payload.length).toBeGreaterThan(4096 - 61 - 120);
    expect(sampleBatchPayload(scenario)).toEqual(payload);
    // The values are the workload's json documents.
    expect(new TextDecoder().decode(payload)).toContain('"event":"');
  });

  it('holds one record when batch.size is smaller than a record', () => {
    const { scenario } = decodeScenario('batch.size=10&record.size=500');
    expect(sampleBatchPayload(scenario).length).toBeGreaterThan(500);
  });
});
