/**
 * The comparison panel against a fake comparison worker, fed with rows the model measured (very short runs): the
 * three buttons send their request with the page's query, the progress bar follows the worker, the seed's tables
 * fill with the measured values and the seed's words, and a refusal is shown.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { sampleBatchPayload } from '../../model/run/BatchPayload';
import {
  Comparison,
  type ComparisonKind,
  type ComparisonRow,
  type ComparisonSetup,
} from '../../model/run/Comparison';
import type { ComparisonReply } from '../../protocol/comparison';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { createComparisonStore } from '../../store/comparisons';
import { FakeComparisonConnection } from '../../store/FakeComparisonConnection';
import { timeCodec } from '../../worker/CodecTiming';
import { variantsFor } from '../../worker/comparisonVariants';
import { renderWithStore } from '../testing/renderWithStore';
import { ComparePanel } from './ComparePanel';

const QUERY = 'keys=10';
const measured: Partial<Record<ComparisonKind, { setup: ComparisonSetup; rows: ComparisonRow[] }>> =
  {};

beforeAll(async () => {
  await initCompression();
  const { scenario } = decodeScenario(QUERY);
  for (const kind of ['acks', 'compression'] as const) {
    const c = new Comparison(scenario, kind, variantsFor(kind), {
      maxDurationMs: 60,
      capacityMs: 4,
      chunksPerRun: 2,
    });
    const payload = sampleBatchPayload(scenario);
    // The CPU column is the worker's: timed here as it times it.
    const rows = c.runAll().map((r) =>
      kind === 'acks' || r.effective === null
        ? r
        : {
            ...r,
            cpu: timeCodec(r.effective.compressionType, null, payload, () => performance.now()),
          },
    );
    measured[kind] = { setup: c.setup, rows };
  }
}, 60_000);

function renderPanel(available = true) {
  const connection = new FakeComparisonConnection();
  const comparisons = available ? createComparisonStore(connection, () => QUERY) : undefined;
  const result = renderWithStore(<ComparePanel />, null, { query: QUERY, comparisons });
  const emit = (reply: ComparisonReply) => act(() => connection.emit(reply));
  return { ...result, connection, emit };
}

/** Plays the worker: started, a progress per row, the rows, done. */
function playWorker(emit: (r: ComparisonReply) => void, id: number, kind: ComparisonKind) {
  const m = measured[kind];
  if (m === undefined) throw new Error(`no rows for ${kind}`);
  emit({ type: 'started', id, kind, setup: m.setup });
  m.rows.forEach((row, i) => {
    emit({ type: 'progress', id, kind, done: i + 1, total: m.rows.length, label: row.id });
    emit({ type: 'row', id, kind, row });
  });
  emit({ type: 'done', id, kind });
}

describe('ComparePanel', () => {
  it('offers the three comparisons, each sending its request with the current query', async () => {
    const user = userEvent.setup();
    const { connection } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Compare acks' }));
    await user.click(screen.getByRole('button', { name: 'Compare compression.type' }));
    await user.click(screen.getByRole('button', { name: 'Compare recommended settings' }));
    expect(connection.sent).toEqual([
      { type: 'compare', version: 1, id: 1, query: QUERY, kind: 'acks' },
      { type: 'compare', version: 1, id: 2, query: QUERY, kind: 'compression' },
      { type: 'compare', version: 1, id: 3, query: QUERY, kind: 'recommended' },
    ]);
  });

  it('shows a progress bar while the worker runs, and cancels on request', async () => {
    const user = userEvent.setup();
    const { connection, emit } = renderPanel();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Compare acks' }));
    const bar = screen.getByRole('progressbar', { name: 'ACKS COMPARISON progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    emit({
      type: 'progress',
      id: 1,
      kind: 'acks',
      done: 6,
      total: 24,
      label: 'acks=1: at the rate',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar.getAttribute('aria-valuetext')).toContain('6 of 24 steps: acks=1: at the rate');
    await user.click(screen.getByRole('button', { name: 'Cancel comparison' }));
    expect(connection.sent[1]).toEqual({ type: 'cancel' });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it("fills the seed's ACKS COMPARISON with the measured rows", async () => {
    const user = userEvent.setup();
    const { emit } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Compare acks' }));
    playWorker(emit, 1, 'acks');
    expect(screen.queryByRole('progressbar')).toBeNull();
    const table = screen.getByRole('table', { name: /Measured, not quoted/ });
    const caption = table.querySelector('caption')?.textContent ?? '';
    expect(caption).toContain('10 keys (uniform)');
    expect(caption).toContain('60 ms of simulated time at seed 1');
    expect(caption).toMatch(
      /crashed at 30 ms, its followers having stopped fetching shortly before \(fault=0:stall-follower:\d fault=0:stall-follower:\d fault=30:crash:\d\)/,
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      expect.stringMatching(/^0Idempotence will be disabled/),
      expect.stringMatching(/^1Idempotence will be disabled/),
      'all',
    ]);
    const zero = measured.acks?.rows[0];
    const cells = within(rows[0]).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^None.+seed says: None$/);
    expect(cells[1]).toHaveTextContent(
      `${zero?.measured?.p50Ms?.toPrecision(3)} / ${zero?.measured?.p99Ms?.toPrecision(3)} ms`,
    );
    expect(cells[1]).toHaveTextContent('seed says: Lowest');
    expect(cells[2]).toHaveTextContent(/records\/s · [\d.]+ MB\/s.*at the workload's rate/);
    const loss = zero?.loss;
    expect(cells[3]).toHaveTextContent(
      `${loss?.missing} of ${loss?.acked} sent (acks=0: never confirmed) missing` +
        `${loss?.lost} lost, ${loss?.uncommitted} not yet committed, ${loss?.duplicated} duplicates`,
    );
    expect(screen.getByText('ACKS COMPARISON measured: 3 rows.')).toBeInTheDocument();
  });

  it('fills the COMPRESSION COMPARISON with the ratio, and the CPU cost with what it stands for', async () => {
    const user = userEvent.setup();
    const { emit } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Compare compression.type' }));
    playWorker(emit, 1, 'compression');
    const table = screen.getByRole('table', { name: /only the ranking carries over/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'none',
      'gzip',
      'snappy',
      'lz4',
      'zstd',
    ]);
    expect(within(rows[0]).getAllByRole('cell')[0]).toHaveTextContent('no codec runs');
    expect(within(rows[0]).getAllByRole('cell')[1]).toHaveTextContent('1.00 : 1seed says: 1:1');
    const gzip = within(rows[1]).getAllByRole('cell');
    expect(gzip[0]).toHaveTextContent(/MB\/s · [\d.,]+ µs per 16 KiBseed says: High/);
    const ratio = measured.compression?.rows[1].measured?.compressionRatio ?? 0;
    expect(gzip[1]).toHaveTextContent(`${ratio.toFixed(2)} : 1seed says: Best`);
  });

  it('shows why a comparison could not run, naming the key', async () => {
    const user = userEvent.setup();
    const { emit } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Compare acks' }));
    emit({
      type: 'error',
      id: 1,
      message: 'The scenario cannot be compared:\nlinger.ms: Invalid value -1',
      keys: ['linger.ms'],
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'ACKS COMPARISON could not run: The scenario cannot be compared: linger.ms: Invalid value -1',
    );
  });

  it('folds the tables with Escape and gives the focus back to the toggle', async () => {
    const user = userEvent.setup();
    const { emit } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Compare acks' }));
    playWorker(emit, 1, 'acks');
    const region = screen.getByRole('region', { name: 'Comparison tables' });
    act(() => within(region).getByRole('button', { name: 'Hide tables' }).focus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Comparison tables' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show tables' });
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    expect(screen.getByRole('table', { name: /Measured/ })).toBeInTheDocument();
  });

  it('says so when the page has no comparison worker', () => {
    renderPanel(false);
    expect(screen.getByRole('button', { name: 'Compare acks' })).toBeDisabled();
    expect(screen.getByText('No comparison worker on this page.')).toBeInTheDocument();
  });
});
