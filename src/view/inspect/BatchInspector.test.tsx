/**
 * The batch and request inspectors on snapshots a model run produced: a batch at low throughput closed because
 * linger.ms (20) expired, with its bytes against batch.size, its records, compression and attempts; a request with
 * the partitions that shared it and its batches; both followed live.
 */
import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { Inspection } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { builderStore } from '../testing/builderStore';
import { InspectorPanel } from './InspectorPanel';

beforeAll(async () => {
  await initCompression();
});

function modelRun(query: string) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  const store = builderStore(builder);
  store.show(<InspectorPanel refreshMs={0} />);
  return { run, store };
}

function selection(store: ReturnType<typeof builderStore>): Inspection {
  const s = store.getState().snapshot?.selection;
  if (s == null) throw new Error('nothing selected');
  return s;
}

describe('BatchInspector', () => {
  it('says a batch closed and became ready because linger.ms expired (linger.ms=20, low throughput)', () => {
    const { run, store } = modelRun('linger.ms=20&throughput=100&duration.ms=300');
    run.advanceTo(30);
    act(() => store.getState().select({ kind: 'batch', id: 1 }));
    const panel = screen.getByTestId('inspector');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Batch batch-1');
    // Still open: taking records, linger running.
    expect(panel).toHaveTextContent('open (still taking records)');

    run.advanceTo(150);
    store.refresh();
    const detail = selection(store);
    if (detail.kind !== 'batch') throw new Error(detail.kind);
    const batch = detail.batch;
    expect(batch.closeReason).toBe('linger-expired');
    const lifecycle = within(panel).getByRole('heading', { name: 'Lifecycle' }).parentElement!;
    const fact = (label: string) =>
      within(lifecycle).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(fact('closed')).toHaveTextContent(': linger.ms (20 ms) expired');
    expect(fact('ready')).toHaveTextContent(': linger.ms (20 ms) expired');
    expect(fact('created')).toHaveTextContent(/^\d+\.\d{3} ms$/);
    const meter = within(panel).getByRole('meter', { name: 'bytes against batch.size' });
    expect(meter).toHaveAttribute('value', String(batch.sizeInBytes));
    expect(meter).toHaveAttribute('max', '16384');
    expect(panel).toHaveTextContent(`${batch.sizeInBytes} bytes of 16,384 bytes (batch.size)`);
    for (const id of batch.recordIds ?? []) {
      expect(within(panel).getByRole('button', { name: `rec-${id}` })).toBeInTheDocument();
    }
    expect(panel).toHaveTextContent('compression.typenone');
    expect(panel).toHaveTextContent('no codec');
    const attempts = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.className === 'attempt');
    expect(attempts).toHaveLength(batch.attempts.length);
    expect(attempts[0]).toHaveTextContent(
      `First send: req-${batch.attempts[0].requestId} to broker`,
    );
    expect(attempts[0]).toHaveTextContent('acked');
    // Its timeline: created, closed, …, callbacks ran.
    const stages = within(screen.getByTestId('journey'))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-stage'));
    expect(stages).toEqual(batch.journey.map((s) => s.stage));
    expect(stages[0]).toBe('created');
  });

  it('tells a measured compression ratio from an estimated one', () => {
    const { run, store } = modelRun('compression.type=gzip&linger.ms=20&duration.ms=300');
    run.advanceTo(150);
    act(() => store.getState().select({ kind: 'batch', id: 2 }));
    const detail = selection(store);
    if (detail.kind !== 'batch') throw new Error(detail.kind);
    const panel = screen.getByTestId('inspector');
    expect(panel).toHaveTextContent('compression.typegzip');
    expect(detail.batch.compressionRatio).toBeGreaterThan(0);
    expect(panel).toHaveTextContent(
      detail.batch.compressionMeasured
        ? 'measured: the real codec'
        : 'estimated from a sampled ratio',
    );
  });
});

describe('RequestInspector', () => {
  it('lists the partitions that shared the request and each of its batches', () => {
    const { run, store } = modelRun('keys=20&duration.ms=200');
    run.advanceTo(100);
    act(() => store.getState().select({ kind: 'request', id: 1 }));
    const detail = selection(store);
    if (detail.kind !== 'request') throw new Error(detail.kind);
    const request = detail.request;
    expect(request.partitions.length).toBeGreaterThan(1);
    expect(screen.getByTestId('request-partitions')).toHaveTextContent(
      `Partitions sharing it: ${request.partitions.map((p) => `P${p}`).join(', ')}`,
    );
    const panel = screen.getByTestId('inspector');
    expect(panel).toHaveTextContent(`broker ${request.node}`);
    expect(panel).toHaveTextContent('acksall (-1)');
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(request.batches.length);
    request.batches.forEach((b, i) => {
      expect(
        within(rows[i]).getByRole('button', { name: `batch-${b.batchId}` }),
      ).toBeInTheDocument();
      expect(rows[i]).toHaveTextContent(`${b.partition}`);
      expect(rows[i]).toHaveTextContent(b.outcome);
    });
  });

  it('follows a request from built to answered', () => {
    const { run, store } = modelRun('acks=all&duration.ms=200');
    let t = 0;
    while (run.nowMs < 100 && store.getState().snapshot?.sender.inFlight.length === 0) {
      t += 0.1;
      run.advanceTo(t);
      store.refresh();
    }
    const inFlight = store.getState().snapshot?.sender.inFlight[0];
    if (inFlight === undefined) throw new Error('no request in flight');
    act(() => store.getState().select({ kind: 'request', id: inFlight.requestId }));
    const panel = screen.getByTestId('inspector');
    expect(within(panel).getByText('waiting')).toBeInTheDocument();
    run.advanceTo(t + 20);
    store.refresh();
    expect(within(panel).queryByText('waiting')).not.toBeInTheDocument();
    expect(panel).toHaveTextContent('answered');
  });
});
