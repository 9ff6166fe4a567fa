/**
 * `npm run bench`: simulator speed and memory, and the modelled producer's throughput on Jay Kreps' 2014 benchmark,
 * printed as `name: value` lines. Wall-clock figures are only compared with a baseline measured in the same process
 * (a bare event-queue loop), because these machines are shared.
 *
 * - sim-baseline-events-per-wall-second: a Simulation running self-rescheduling no-op events.
 * - sim-records-per-wall-second: Kreps' single-producer no-replication workload (below) with Kafka 4.x's linger.ms
 *   and idempotence defaults (unchanged since this line was introduced, so figures stay comparable), records
 *   simulated per wall-clock second. Goal ≥ 821,557 (real time for that workload).
 * - sim-ratio-vs-baseline: the two above divided.
 * - sim-heap-growth-mb: heap after a 60 s simulated run of that workload minus the heap after its first 5 s
 *   (both after a full GC; needs --expose-gc, which `npm run bench` passes). Goal ≤ 50.
 * - kreps-<test>-records-per-second, beside kreps-<test>-published-records-per-second and kreps-<test>-within-25pct:
 *   the simulated steady-state throughput (records acknowledged per simulated second, after a warm-up) of his three
 *   single-producer tests with the default cost model; kreps-3x-sync-vs-async-ratio beside the published 0.536 and
 *   kreps-3x-sync-vs-async-ratio-within-0.1. See src/model/CALIBRATION.md for how the cost model was calibrated.
 *
 * The three tests, from his gist: 50 M records of 100 random bytes (ProducerPerformance with ByteArraySerializer),
 * unthrottled, one topic of 6 partitions on 3 brokers, buffer.memory=67108864; no replication: acks=1
 * batch.size=8196; 3× async: replication 3, acks=1, batch.size=8196; 3× sync: replication 3, acks=-1,
 * batch.size=64000. Kafka 0.8.1's new producer had linger 0 (4.x defaults to 5) and no idempotence, so both are set.
 */
import { Simulation } from '../model/engine/Simulation';
import { ProducerRun } from '../model/run/ProducerRun';
import { decodeScenario } from '../scenario/ScenarioCodec';

const KREPS_COMMON =
  'brokers=3&partitions=6&record.size=100&throughput=-1&buffer.memory=67108864&linger.ms=0' +
  '&enable.idempotence=false&value.content=random' +
  '&value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer';

interface KrepsTest {
  readonly name: string;
  readonly query: string;
  readonly published: number;
}

const KREPS_NO_REPLICATION: KrepsTest = {
  name: 'kreps-no-replication',
  query: `${KREPS_COMMON}&replication.factor=1&acks=1&batch.size=8196`,
  published: 821_557,
};
const KREPS_3X_ASYNC: KrepsTest = {
  name: 'kreps-3x-async',
  query: `${KREPS_COMMON}&replication.factor=3&acks=1&batch.size=8196`,
  published: 786_980,
};
const KREPS_3X_SYNC: KrepsTest = {
  name: 'kreps-3x-sync',
  query: `${KREPS_COMMON}&replication.factor=3&acks=-1&batch.size=64000`,
  published: 421_823,
};
const PUBLISHED_SYNC_VS_ASYNC = 0.536;
/** The simulator-speed workload: the no-replication test with 4.x's linger.ms=5 and default idempotence. */
const SPEED_WORKLOAD: KrepsTest = {
  name: 'speed',
  query:
    'acks=1&batch.size=8196&buffer.memory=67108864&replication.factor=1&partitions=6&record.size=100' +
    '&throughput=-1&value.content=random' +
    '&value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer',
  published: 821_557,
};
/** Simulated ms before the throughput is measured (the pipeline fills, batches reach their steady size)... */
const KREPS_WARMUP_MS = 1_000;
/** ...and the simulated ms measured after it. */
const KREPS_MEASURE_MS = 3_000;

function print(name: string, value: number, digits = 0): void {
  process.stdout.write(`${name}: ${value.toFixed(digits)}\n`);
}

/** Events per wall second of a queue kept at `chains` pending events, each rescheduling itself 1 µs later. */
function baselineEventsPerSecond(totalEvents: number, chains = 8): number {
  const sim = new Simulation(1);
  let remaining = totalEvents;
  const tick = (nowMs: number): void => {
    if (--remaining > 0) sim.at(nowMs + 0.001, tick);
  };
  for (let i = 0; i < chains; i++) sim.at(i * 0.0001, tick);
  const start = performance.now();
  sim.runUntil(Number.MAX_SAFE_INTEGER);
  const seconds = (performance.now() - start) / 1000;
  return sim.eventsProcessed / seconds;
}

function krepsRun(durationMs: number, test: KrepsTest = SPEED_WORKLOAD): ProducerRun {
  const { scenario, problems } = decodeScenario(`${test.query}&duration.ms=${durationMs}`);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.key}: ${p.message}`).join('\n'));
  return new ProducerRun(scenario);
}

function recordsPerWallSecond(durationMs: number): number {
  const run = krepsRun(durationMs);
  const start = performance.now();
  run.runToEnd();
  const seconds = (performance.now() - start) / 1000;
  return run.producer.sendCalls / seconds;
}

/**
 * Records acknowledged per simulated second after the warm-up. ProducerPerformance counts completed sends over 50 M
 * records (about a minute), so the steady state is what it reports; the warm-up leaves out the first batches and the
 * 64 MiB buffer filling.
 */
function krepsRecordsPerSecond(test: KrepsTest): number {
  const run = krepsRun(KREPS_WARMUP_MS + KREPS_MEASURE_MS, test);
  run.advanceTo(KREPS_WARMUP_MS);
  const ackedBefore = run.acked;
  run.runToEnd();
  return (run.acked - ackedBefore) / (KREPS_MEASURE_MS / 1000);
}

function printKreps(test: KrepsTest, simulated: number): void {
  print(`${test.name}-records-per-second`, simulated);
  print(`${test.name}-published-records-per-second`, test.published);
  const within = Math.abs(simulated / test.published - 1) <= 0.25;
  process.stdout.write(`${test.name}-within-25pct: ${within ? 'yes' : 'no'}\n`);
}

function heapGrowthMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  const run = krepsRun(60_000);
  run.advanceTo(5_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  run.runToEnd();
  gc();
  const after = process.memoryUsage().heapUsed;
  return (after - before) / (1024 * 1024);
}

function main(): void {
  // Warm up the JIT on both loops first, so neither figure pays for compilation.
  baselineEventsPerSecond(200_000);
  recordsPerWallSecond(200);
  const baseline = baselineEventsPerSecond(5_000_000);
  const perWallSecond = recordsPerWallSecond(4_000);
  print('sim-baseline-events-per-wall-second', baseline);
  print('sim-records-per-wall-second', perWallSecond);
  print('sim-records-goal', SPEED_WORKLOAD.published);
  print('sim-ratio-vs-baseline', perWallSecond / baseline, 3);
  const noReplication = krepsRecordsPerSecond(KREPS_NO_REPLICATION);
  const async3x = krepsRecordsPerSecond(KREPS_3X_ASYNC);
  const sync3x = krepsRecordsPerSecond(KREPS_3X_SYNC);
  printKreps(KREPS_NO_REPLICATION, noReplication);
  printKreps(KREPS_3X_ASYNC, async3x);
  printKreps(KREPS_3X_SYNC, sync3x);
  const ratio = sync3x / async3x;
  print('kreps-3x-sync-vs-async-ratio', ratio, 3);
  print('kreps-3x-sync-vs-async-published-ratio', PUBLISHED_SYNC_VS_ASYNC, 3);
  const ratioWithin = Math.abs(ratio - PUBLISHED_SYNC_VS_ASYNC) <= 0.1;
  process.stdout.write(`kreps-3x-sync-vs-async-ratio-within-0.1: ${ratioWithin ? 'yes' : 'no'}\n`);
  const growth = heapGrowthMb();
  if (growth === null)
    process.stdout.write('sim-heap-growth-mb: n/a (run node with --expose-gc)\n');
  else print('sim-heap-growth-mb', growth, 1);
}

main();
