/**
 * `npm run sim -- [options]`: runs one scenario headless and prints a summary or the JSON report.
 * Invalid options or an invalid scenario: every problem on stderr and exit status 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { initCompression } from '../model/common/compress/Compression';
import { ProducerRun } from '../model/run/ProducerRun';
import { buildRunReport } from '../model/run/RunReport';
import { readConsoleLines } from '../model/workload/LineMessageReader';
import { PRESETS, presetById } from '../scenario/presets';
import {
  decodeScenario,
  encodeScenario,
  mergeScenarioQueries,
  scenarioProblemsFatal,
} from '../scenario/ScenarioCodec';
import { parseArgs, USAGE } from './args';
import { formatSummary } from './summary';

/** With --stdin and no duration given, the run lasts until close() completes, up to this much simulated time. */
const STDIN_MAX_DURATION_MS = 3_600_000;

async function main(argv: readonly string[]): Promise<number> {
  const { args, errors } = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let base = '';
  if (args.preset !== null) {
    const preset = presetById(args.preset);
    if (preset === undefined) {
      errors.push(
        `--preset: unknown preset '${args.preset}'; one of: ${PRESETS.map((p) => p.id).join(', ')}`,
      );
    } else base = preset.query;
  }
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`error: ${e}\n`);
    process.stderr.write('Run with --help for usage.\n');
    return 2;
  }
  const query = base === '' ? args.scenario : mergeScenarioQueries(base, args.scenario);
  const { scenario, problems } = decodeScenario(query);
  if (scenarioProblemsFatal(problems)) {
    process.stderr.write('Invalid scenario:\n');
    for (const p of problems) {
      const shown = p.value === null ? p.key : `${p.key}=${p.value}`;
      process.stderr.write(`  ${p.severity}: ${shown || '(query)'}: ${p.message}\n`);
    }
    return 2;
  }

  const stdinProblems: string[] = [];
  let consoleRecords: ReturnType<typeof readConsoleLines>['records'] | undefined;
  if (args.stdin) {
    const text = process.stdin.isTTY ? '' : readFileSync(0, 'utf8');
    const read = readConsoleLines(text, {
      parseKey: scenario.workload.parseKey,
      keySeparator: scenario.workload.keySeparator,
    });
    consoleRecords = read.records;
    for (const p of read.problems) {
      stdinProblems.push(`stdin line ${p.line}: skipped: KafkaException: ${p.message}`);
    }
  }

  await initCompression();
  const durationMs =
    args.durationMs ??
    (args.stdin && !/(^|&)duration\.ms=/.test(query)
      ? STDIN_MAX_DURATION_MS
      : scenario.workload.durationMs);
  const run = new ProducerRun(scenario, { consoleRecords, durationMs });
  run.runToEnd();
  const report = buildRunReport(run);

  if (args.json) {
    const doc = { scenario: encodeScenario(scenario), problems, stdinProblems, ...report };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else {
    for (const p of problems) process.stderr.write(`${p.severity}: ${p.key}: ${p.message}\n`);
    for (const p of stdinProblems) process.stderr.write(`warning: ${p}\n`);
    process.stdout.write(formatSummary(encodeScenario(scenario), report));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
