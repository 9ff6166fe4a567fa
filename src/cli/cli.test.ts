// @vitest-environment node
/**
 * The runner as a user runs it: `npx tsx src/cli/main.ts …` in a child process. Each spawn costs about a second,
 * so the four runs start together once and the tests read their results.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A stack trace line, as Node prints one. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

let invalid: CliResult;
let unknownOption: CliResult;
let json: CliResult;
let stdin: CliResult;

beforeAll(async () => {
  [invalid, unknownOption, json, stdin] = await Promise.all([
    runCli(['--scenario', 'linger.ms=-1&brokers=99']),
    runCli(['--bogus', '--json']),
    runCli([
      '--scenario',
      'keys=10&linger.ms=20&compression.type=gzip',
      '--duration',
      '200',
      '--json',
    ]),
    runCli(
      ['--stdin', '--json', '--scenario', 'parse.key=true&key.separator=:'],
      'user-123:Order placed\nuser-456:Order shipped\nuser-123:Order delivered\ngarbage\n',
    ),
  ]);
}, 60_000);

describe('npm run sim', () => {
  it('an invalid scenario exits 2 and names every key at fault, without a stack trace', () => {
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('linger.ms');
    expect(invalid.stderr).toContain(
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(invalid.stderr).toContain('Invalid value 99 for brokers: Value must be no more than 12');
    expect(invalid.stderr).not.toMatch(STACK_LINE);
  });

  it('an unknown option exits 2 and names it', () => {
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stdout).toBe('');
    expect(unknownOption.stderr).toContain("unknown option '--bogus'");
    expect(unknownOption.stderr).not.toMatch(STACK_LINE);
  });

  it('--json prints one JSON document: configs, metrics, records, batches and partitions', () => {
    expect(json.code).toBe(0);
    const lines = json.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]);
    expect(doc.end).toBe('duration');
    expect(doc.endMs).toBe(200);
    // Every effective config by Kafka name, after Kafka's resolution.
    expect(doc.config).toMatchObject({
      'linger.ms': '20',
      'compression.type': 'gzip',
      'batch.size': '16384',
      acks: '-1',
      'enable.idempotence': 'true',
      'client.id': 'producer-1',
    });
    expect(typeof doc.metrics['record-send-rate']).toBe('number');
    expect(doc.metrics['compression-rate-avg']).toBeLessThan(1);
    expect(doc.runMetrics['record-send-total']).toBeGreaterThan(0);
    const { sent, acked, failed, pending } = doc.totals;
    expect(sent).toBe(doc.records.length);
    expect(acked + failed + pending).toBe(sent);

    expect(Object.keys(doc.records[0])).toEqual(
      expect.arrayContaining([
        'id',
        'key',
        'partition',
        'offset',
        'status',
        'error',
        'sendMs',
        'ackMs',
        'batch',
      ]),
    );
    expect(doc.records[0]).toMatchObject({ id: 0, status: 'acked', error: null, sendMs: 0 });
    expect(doc.records[0].key).toMatch(/^user-\d$/);
    expect(Object.keys(doc.batches[0])).toEqual(
      expect.arrayContaining([
        'id',
        'partition',
        'recordCount',
        'sizeInBytes',
        'compressedSizeInBytes',
        'createdMs',
        'attempts',
      ]),
    );
    expect(doc.batches[0].compressedSizeInBytes).toBeLessThan(doc.batches[0].sizeInBytes);
    expect(doc.partitions).toHaveLength(6);
    for (const p of doc.partitions) {
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining(['partition', 'leader', 'replicas', 'log']),
      );
      expect(p.replicas).toHaveLength(3);
      expect(p.replicas[0]).toBe(p.leader);
    }
    // The logs hold the acknowledged records at their offsets.
    for (const r of doc.records.filter((x: { status: string }) => x.status === 'acked')) {
      expect(doc.partitions[r.partition].log[r.offset]).toBe(r.id);
    }
  });

  it('--stdin sends one record per line, reports the line without a separator, and closes', () => {
    expect(stdin.code).toBe(0);
    const doc = JSON.parse(stdin.stdout);
    expect(doc.end).toBe('closed');
    expect(doc.totals).toMatchObject({ sent: 3, acked: 3, failed: 0, pending: 0 });
    const [placed, shipped, delivered] = doc.records;
    expect([placed.key, shipped.key, delivered.key]).toEqual(['user-123', 'user-456', 'user-123']);
    // Same key, same partition, the later record at the later offset.
    expect(delivered.partition).toBe(placed.partition);
    expect(delivered.offset).toBeGreaterThan(placed.offset);
    expect(doc.stdinProblems).toHaveLength(1);
    expect(doc.stdinProblems[0]).toContain("No key separator found on line number 4: 'garbage'");
  });
});
