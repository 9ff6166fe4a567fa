// @vitest-environment node
/**
 * The seed's delivery guarantees (issue 3), as properties over seeds and fault timelines, read from the runner's
 * accounting (Accounting.ts): what the producer was told against the committed logs. Each group is Kafka's
 * documented behaviour (reference §2j, §2k): idempotence keeps the log exact through single failures; without it,
 * lost responses duplicate and retries reorder; acks=1 loses acknowledged data on an unclean-ish failover; min ISR
 * refuses writes it cannot protect. Runs are a few simulated seconds; the file stays well under 40 s of wall time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ERRORS, type ErrorName } from '../common/protocol/Errors';
import { ProducerRun } from './ProducerRun';
import { buildRunReport, type RunReport } from './RunReport';

beforeAll(async () => {
  await initCompression();
});

function run(query: string): RunReport {
  const { scenario, problems } = decodeScenario(query);
  if (scenarioProblemsFatal(problems)) {
    throw new Error(problems.map((p) => `${p.key}=${p.value}: ${p.message}`).join('\n'));
  }
  const r = new ProducerRun(scenario);
  r.runToEnd();
  const report = buildRunReport(r);
  // Every group: each record ends exactly once, as acked, failed or pending.
  const a = report.accounting;
  expect(a.acked + a.failed + a.pending).toBe(report.totals.sent);
  expect(a.exact).toBe(true);
  return report;
}

/** Retriable produce errors (the coordinator ones are never returned for produce). */
const RETRIABLE: readonly ErrorName[] = (Object.keys(ERRORS) as ErrorName[]).filter(
  (n) => ERRORS[n].retriable && !/COORDINATOR|CONCURRENT_TRANSACTIONS/.test(n),
);

const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const brokerArb = fc.integer({ min: 0, max: 2 });
const partitionArb = fc.integer({ min: 0, max: 5 });
/** Fault times while the application is sending. */
const timeArb = fc.integer({ min: 100, max: 1200 });

/** One fault of the kinds the idempotent producer must absorb. */
const singleFailureArb = fc.oneof(
  fc
    .tuple(timeArb, brokerArb, fc.option(fc.integer({ min: 100, max: 1500 }), { nil: undefined }))
    .map(([t, b, back]) =>
      back === undefined ? [`${t}:crash:${b}`] : [`${t}:crash:${b}`, `${t + back}:restart:${b}`],
    ),
  fc
    .tuple(timeArb, brokerArb, fc.integer({ min: 1, max: 3 }))
    .map(([t, b, n]) => [`${t}:drop-responses:${b}:${n}`]),
  fc
    .tuple(timeArb, partitionArb, fc.constantFrom(...RETRIABLE), fc.integer({ min: 1, max: 3 }))
    .map(([t, p, e, n]) => [`${t}:error:${p}:${e}:${n}`]),
);

function faults(list: readonly string[]): string {
  return list.map((f) => `&fault=${f}`).join('');
}

const RUNS = { numRuns: 12 };

describe('idempotent, acks=all, RF 3, min.insync.replicas=2', () => {
  it('loses no acknowledged record, writes no duplicate and keeps send order through single failures', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(singleFailureArb, { minLength: 1, maxLength: 1 }),
        fc.constantFrom(0, 20),
        (seed, timeline, keys) => {
          // At most one broker fails: keep the crashes of the first fault only.
          const flat = timeline.flat();
          const crashes = flat.filter((f) => /:crash:/.test(f));
          const kept = flat.filter(
            (f) => !/:(crash|restart):/.test(f) || crashes[0]?.split(':')[2] === f.split(':')[2],
          );
          const r = run(
            `seed=${seed}&enable.idempotence=true&acks=all&min.insync.replicas=2&request.timeout.ms=1000` +
              `&throughput=2000&duration.ms=3000&keys=${keys}${faults(kept)}`,
          );
          const a = r.accounting;
          expect(a.lost).toBe(0);
          expect(a.duplicated).toBe(0);
          expect(a.reordered).toBe(0);
          expect(a.reorderedInPartition).toBe(0);
        },
      ),
      RUNS,
    );
  });
});

describe("Kafka's own gap: a partition's very first batch rejected while later ones land", () => {
  it('rewrites the landed batches under a new epoch, so they are written twice (as Kafka 4.x does)', () => {
    // A lost response leaves five requests unanswered; the first batch ever sent to partition 0 is rejected by an
    // injected error (nothing written), the three pipelined behind it are accepted because the broker has no state
    // for the producer yet (reference §2j: any first sequence is accepted). After the request timeout the retried
    // seq 0 gets OUT_OF_ORDER_SEQUENCE_NUMBER as a real gap, the client bumps its epoch and rewrites all four
    // batches from seq 0, and the broker cannot match the new epoch's batches to the old ones. Two faults together;
    // the single-failure property above holds.
    const r = run(
      'seed=98570&enable.idempotence=true&acks=all&min.insync.replicas=2&request.timeout.ms=1000' +
        '&throughput=2000&duration.ms=3000&keys=0&fault=226:drop-responses:0:1&fault=431:error:0:REQUEST_TIMED_OUT:1',
    );
    expect(r.accounting.duplicated).toBe(30);
    expect(r.accounting.lost).toBe(0);
  });
});

describe('not idempotent, retries, 5 in flight', () => {
  const base =
    'enable.idempotence=false&acks=all&max.in.flight.requests.per.connection=5&request.timeout.ms=1000' +
    '&throughput=5000&duration.ms=3000&keys=100&net.latency.ms=20';

  it('a lost response makes duplicates', () => {
    fc.assert(
      fc.property(seedArb, timeArb, brokerArb, (seed, t, b) => {
        const r = run(`seed=${seed}&${base}&fault=${t}:drop-responses:${b}:1`);
        expect(r.accounting.duplicated).toBeGreaterThan(0);
        expect(r.records.some((x) => x.copies > 1 && x.status === 'acked')).toBe(true);
      }),
      RUNS,
    );
  });

  it('a retriable error on one batch while later ones succeed reorders records', () => {
    fc.assert(
      fc.property(seedArb, timeArb, partitionArb, (seed, t, p) => {
        const r = run(`seed=${seed}&${base}&fault=${t}:error:${p}:NOT_ENOUGH_REPLICAS:1`);
        expect(r.accounting.reordered).toBeGreaterThan(0);
        expect(r.accounting.duplicated).toBe(0); // nothing was written by the failed attempt
      }),
      RUNS,
    );
  });

  it('with 1 in flight: no reordering, duplicates still possible', () => {
    const one = base.replace(
      'max.in.flight.requests.per.connection=5',
      'max.in.flight.requests.per.connection=1',
    );
    fc.assert(
      fc.property(seedArb, timeArb, partitionArb, brokerArb, (seed, t, p, b) => {
        const r = run(
          `seed=${seed}&${one}&fault=${t}:error:${p}:NOT_ENOUGH_REPLICAS:1&fault=${t + 300}:drop-responses:${b}:1`,
        );
        expect(r.accounting.reordered).toBe(0);
        expect(r.accounting.reorderedInPartition).toBe(0);
        expect(r.accounting.duplicated).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('acks=1 and acks=0 on a failover while followers lag', () => {
  /** Both followers of `leader` stop fetching (still in the ISR), then the leader crashes. */
  function lagThenCrash(leader: number, t: number): string {
    const others = [0, 1, 2].filter((b) => b !== leader);
    return faults([
      `${t}:stall-follower:${others[0]}`,
      `${t}:stall-follower:${others[1]}`,
      `${t + 800}:crash:${leader}`,
    ]);
  }

  it('acks=1: acknowledged records are lost', () => {
    fc.assert(
      fc.property(seedArb, brokerArb, fc.integer({ min: 100, max: 800 }), (seed, b, t) => {
        // Keys spread the records over every partition, so the crashed leader's partitions surely had some.
        const r = run(
          `seed=${seed}&acks=1&keys=100&throughput=2000&duration.ms=3000${lagThenCrash(b, t)}`,
        );
        expect(r.accounting.lost).toBeGreaterThan(0);
        expect(r.accounting.unknown).toBe(0);
      }),
      RUNS,
    );
  });

  it('acks=0: the producer never learns; what vanished is counted apart', () => {
    fc.assert(
      fc.property(seedArb, brokerArb, fc.integer({ min: 100, max: 800 }), (seed, b, t) => {
        const r = run(
          `seed=${seed}&acks=0&keys=100&throughput=2000&duration.ms=3000${lagThenCrash(b, t)}`,
        );
        const a = r.accounting;
        expect(a.unknown).toBe(a.acked);
        expect(a.lost).toBe(0);
        expect(a.lostUnacknowledged).toBeGreaterThan(0);
        expect(r.records.every((x) => x.offset === -1)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('RF 3, min.insync.replicas=2, two brokers down', () => {
  const base =
    'min.insync.replicas=2&request.timeout.ms=1000&delivery.timeout.ms=2000&throughput=1000&duration.ms=5000';

  it('acks=all: sends fail (NOT_ENOUGH_REPLICAS or a timeout) and nothing acknowledged is lost', () => {
    fc.assert(
      fc.property(seedArb, brokerArb, fc.integer({ min: 100, max: 1000 }), (seed, up, t) => {
        const down = [0, 1, 2].filter((b) => b !== up);
        const r = run(`seed=${seed}&acks=all&${base}${faults(down.map((b) => `${t}:crash:${b}`))}`);
        const a = r.accounting;
        expect(a.lost).toBe(0);
        expect(a.failed).toBeGreaterThan(0);
        // Nothing sent well after the crash is acknowledged.
        const late = r.records.filter((x) => x.sendMs > t + 100);
        expect(late.length).toBeGreaterThan(0);
        expect(late.every((x) => x.status !== 'acked')).toBe(true);
        for (const x of r.records) {
          if (x.status === 'failed') expect(x.error).toMatch(/NotEnoughReplicas|Timeout/);
        }
      }),
      RUNS,
    );
  });

  it('acks=1 keeps succeeding', () => {
    fc.assert(
      fc.property(seedArb, brokerArb, fc.integer({ min: 100, max: 1000 }), (seed, up, t) => {
        const down = [0, 1, 2].filter((b) => b !== up);
        const r = run(`seed=${seed}&acks=1&${base}${faults(down.map((b) => `${t}:crash:${b}`))}`);
        // After the elections (a few hundred ms), every record sent is acknowledged.
        const late = r.records.filter((x) => x.sendMs > t + 1000 && x.sendMs < 4000);
        expect(late.length).toBeGreaterThan(0);
        expect(late.every((x) => x.status === 'acked')).toBe(true);
        expect(r.accounting.failed).toBe(0);
      }),
      RUNS,
    );
  });
});
