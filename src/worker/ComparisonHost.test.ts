// @vitest-environment node
/**
 * ComparisonHost over a real MessageChannel, with the page's connection on the other end: the order of replies,
 * cancelling between steps, refusing a bad query by its key, and the CPU column on codec rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createComparisonEndpointConnection } from '../client/ComparisonClient';
import {
  COMPARISON_PROTOCOL_VERSION,
  type ComparisonCommand,
  type ComparisonReply,
} from '../protocol/comparison';
import type { Endpoint } from '../protocol/messages';
import { ComparisonHost } from './ComparisonHost';
import type { HostClock } from './PlayLoop';

/** Real wall time; zero delays through setImmediate, so the host yields to incoming messages between steps. */
const realClock: HostClock = {
  nowMs: () => performance.now(),
  schedule(fn, delayMs) {
    if (delayMs > 0) {
      const id = setTimeout(fn, delayMs);
      return () => clearTimeout(id);
    }
    const id = setImmediate(fn);
    return () => clearImmediate(id);
  },
};

class Harness {
  readonly replies: ComparisonReply[] = [];
  private readonly channel = new MessageChannel();
  readonly host: ComparisonHost;
  readonly connection: ReturnType<typeof createComparisonEndpointConnection>;

  constructor() {
    const { port1, port2 } = this.channel;
    this.host = new ComparisonHost({
      endpoint: port1 as unknown as Endpoint,
      clock: realClock,
      comparison: { maxDurationMs: 300, capacityMs: 10, chunksPerRun: 2 },
    });
    this.connection = createComparisonEndpointConnection(port2 as unknown as Endpoint);
    this.connection.subscribe((r) => this.replies.push(r));
    port1.start();
    port2.start();
  }

  send(command: ComparisonCommand): void {
    this.connection.send(command);
  }

  compare(id: number, kind: 'acks' | 'compression' | 'recommended', query = ''): void {
    this.send({ type: 'compare', version: COMPARISON_PROTOCOL_VERSION, id, query, kind });
  }

  async until(find: (r: ComparisonReply) => boolean, what: string): Promise<ComparisonReply> {
    const giveUpAt = performance.now() + 60_000;
    while (performance.now() < giveUpAt) {
      const found = this.replies.find(find);
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  close(): void {
    this.host.dispose();
    this.connection.dispose();
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

let harness: Harness | null = null;
const open = (): Harness => {
  harness = new Harness();
  return harness;
};
afterEach(() => {
  harness?.close();
  harness = null;
});

describe('ComparisonHost', () => {
  it('replies started, then progress and rows in table order, then done', async () => {
    const h = open();
    h.compare(1, 'acks');
    await h.until((r) => r.type === 'done', 'done');
    const types = h.replies.map((r) => r.type);
    expect(types[0]).toBe('started');
    expect(types[types.length - 1]).toBe('done');
    expect(h.replies.every((r) => r.type === 'error' || r.id === 1)).toBe(true);
    const rows = h.replies.flatMap((r) => (r.type === 'row' ? [r.row] : []));
    expect(rows.map((r) => r.id)).toEqual(['acks=0', 'acks=1', 'acks=all']);
    // Each row comes right after the progress of the step that finished it.
    for (let i = 1; i < types.length; i++) {
      if (types[i] === 'row') expect(types[i - 1]).toBe('progress');
    }
    const progress = h.replies.flatMap((r) => (r.type === 'progress' ? [r] : []));
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => i + 1));
    expect(progress[progress.length - 1].done).toBe(progress[0].total);
    expect(progress[0].label).toMatch(/^acks=0: /);
    // acks rows are not about codecs: no CPU column.
    expect(rows.every((r) => r.cpu === null)).toBe(true);
  });

  it('stops between steps when cancelled, and says so', async () => {
    const h = open();
    h.compare(2, 'acks');
    await h.until((r) => r.type === 'progress', 'the first progress');
    h.send({ type: 'cancel' });
    await h.until((r) => r.type === 'cancelled', 'cancelled');
    const count = h.replies.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.replies.length).toBe(count);
    expect(h.replies.some((r) => r.type === 'done')).toBe(false);
  });

  it('lets a newer request replace the running one', async () => {
    const h = open();
    h.compare(3, 'acks');
    await h.until((r) => r.type === 'progress', 'the first progress');
    h.compare(4, 'acks', 'acks=1');
    await h.until((r) => r.type === 'done', 'done');
    const cancelled = h.replies.find((r) => r.type === 'cancelled');
    expect(cancelled).toMatchObject({ id: 3, kind: 'acks' });
    const done = h.replies.filter((r) => r.type === 'done');
    expect(done).toEqual([{ type: 'done', id: 4, kind: 'acks' }]);
  });

  it('refuses a bad query, naming the key', async () => {
    const h = open();
    h.compare(5, 'acks', 'linger.ms=-1&brokers=99');
    const error = await h.until((r) => r.type === 'error', 'error');
    if (error.type !== 'error') throw new Error('not an error');
    expect(error.id).toBe(5);
    expect([...error.keys].sort()).toEqual(['brokers', 'linger.ms']);
    expect(error.message).toMatch(/linger\.ms: Invalid value -1 for configuration linger\.ms/);
    expect(h.replies.some((r) => r.type === 'started')).toBe(false);
  });

  it('refuses a malformed command and a protocol mismatch', async () => {
    const h = open();
    h.send({ type: 'compare', version: 1, id: 6, query: '', kind: 'bogus' } as never);
    h.send({ type: 'compare', version: 99, id: 7, query: '', kind: 'acks' });
    await h.until((r) => r.type === 'error' && r.id === 7, 'the mismatch');
    const errors = h.replies.filter((r) => r.type === 'error');
    expect(errors[0]).toMatchObject({ id: -1 });
    if (errors[0].type === 'error') expect(errors[0].message).toMatch(/kind must be one of/);
    if (errors[1].type === 'error') expect(errors[1].message).toMatch(/Protocol version mismatch/);
  });

  it('times the real codec for each compression row', async () => {
    const h = open();
    h.compare(8, 'compression');
    await h.until((r) => r.type === 'done', 'done');
    const rows = h.replies.flatMap((r) => (r.type === 'row' ? [r.row] : []));
    expect(rows.map((r) => r.label)).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
    const none = rows[0].cpu;
    expect(none).toMatchObject({ codec: 'none', compressMBps: null, microsPer16KiB: 0, ratio: 1 });
    for (const row of rows.slice(1)) {
      expect(row.cpu?.codec).toBe(row.label);
      expect(row.cpu?.compressMBps).toBeGreaterThan(0);
      expect(row.cpu?.ratio).toBeGreaterThan(1);
    }
    expect(rows[1].cpu?.level).toBe(6);
  });

  it('runs the three recommended configurations of the seed', async () => {
    const h = open();
    h.compare(9, 'recommended');
    const started = await h.until((r) => r.type === 'started', 'started');
    await h.until((r) => r.type === 'done', 'done');
    if (started.type !== 'started') throw new Error('not started');
    expect(started.setup.variants.map((v) => v.id)).toEqual([
      'high-throughput',
      'high-durability',
      'low-latency',
    ]);
    const rows = h.replies.flatMap((r) => (r.type === 'row' ? [r.row] : []));
    expect(rows[0].settings).toMatchObject({ 'compression.type': 'lz4', acks: '1' });
    expect(rows[1].settings['min.insync.replicas']).toBe('2');
    expect(rows[1].durability?.level).toBe('Highest');
    // The CPU column is timed on a full batch at each row's own batch.size (65536 for high throughput).
    expect(rows[0].cpu?.codec).toBe('lz4');
    expect(rows[0].cpu?.payloadBytes).toBeGreaterThan(65536 - 200);
    expect(rows[2].cpu).toMatchObject({ codec: 'none', compressMBps: null });
    expect(rows[2].cpu?.payloadBytes).toBeLessThanOrEqual(16384 - 61);
  });
});
