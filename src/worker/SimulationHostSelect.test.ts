// @vitest-environment node
/**
 * The inspector's `select` command end to end over a real MessageChannel: the host answers with a snapshot that
 * carries the selection, keeps following it as the run goes on and across a reset, and refuses a malformed target
 * without stopping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEndpointConnection } from '../client/EndpointConnection';
import type { HostReply } from '../protocol/messages';
import { HostHarness } from './HostHarness';

type ErrorReply = Extract<HostReply, { type: 'error' }>;
const isError = (r: HostReply): r is ErrorReply => r.type === 'error';

let h: HostHarness;
afterEach(() => h?.close());

function harness(): HostHarness {
  h = new HostHarness(createEndpointConnection);
  return h;
}

describe('SimulationHost select', () => {
  it('answers with a snapshot carrying the selected record, which follows it as the run goes on', async () => {
    const h = harness();
    await h.init('keys=10', 1000);
    expect(h.lastSnapshot().snapshot.selection).toBeNull();
    await h.snapshotAfter({ type: 'play' });
    await h.advance(40);
    const selected = await h.snapshotAfter({ type: 'select', target: { kind: 'record', id: 2 } });
    const first = selected.snapshot.selection;
    if (first?.kind !== 'record') throw new Error(JSON.stringify(first));
    expect(first.record.id).toBe(2);
    expect(first.record.partitionExplanation).toMatch(/^murmur2\("user-\d+"\)/);
    expect(selected.snapshot.recentRecords.length).toBeGreaterThan(0);
    await h.advance(40);
    const later = (await h.snapshotAfter({ type: 'pause' })).snapshot;
    expect(later.nowMs).toBeGreaterThan(selected.snapshot.nowMs);
    expect(later.selection).toMatchObject({ kind: 'record', record: { id: 2, status: 'acked' } });
  });

  it('keeps the selection when the run restarts, and drops it on select(null)', async () => {
    const h = harness();
    await h.init('', 1000);
    await h.snapshotAfter({ type: 'select', target: { kind: 'batch', id: 0 } });
    const reset = (await h.snapshotAfter({ type: 'reset' })).snapshot;
    expect(reset.nowMs).toBe(0);
    expect(reset.selection).toMatchObject({
      kind: 'missing',
      reason: 'batch-0 has not been created yet',
    });
    const stepped = (await h.snapshotAfter({ type: 'step' })).snapshot;
    expect(stepped.selection?.kind).toBe('batch');
    const none = (await h.snapshotAfter({ type: 'select', target: null })).snapshot;
    expect(none.selection).toBeNull();
  });

  it('refuses a malformed target by name and goes on', async () => {
    const h = harness();
    await h.init();
    const port = h.connection as unknown as { send(c: unknown): void };
    const from = h.raw.length;
    port.send({ type: 'select', target: { kind: 'partition', id: 1 } });
    port.send({ type: 'select', target: { kind: 'record', id: -1 } });
    await h.until(
      () => (h.raw.slice(from).filter(isError).length >= 2 ? true : undefined),
      'refusals',
    );
    const errors = h.raw.slice(from).filter(isError);
    expect(errors.map((e) => e.fatal)).toEqual([false, false]);
    expect(errors[0].message).toMatch(/Malformed 'select' command: target must be/);
    const ok = await h.snapshotAfter({ type: 'select', target: { kind: 'request', id: 0 } });
    expect(ok.snapshot.selection?.kind).toBe('missing');
  });
});
