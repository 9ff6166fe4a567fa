/**
 * The metric charts on a real store (createAppStore over a FakeConnection) fed with snapshots the model produced:
 * every metric of the issue under its Kafka name with its meaning and current value, the simulated-time window that
 * stands still when the clock does, the hover and keyboard readouts, folding, a restart, and batch-size-avg rising
 * when linger.ms is raised.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { CHARTED_METRICS } from '../../store/metricHistory';
import { renderPage } from '../controls/renderPage';
import { formatMetric, formatSimTime } from './chartFormat';
import { MetricChartsPanel } from './MetricChartsPanel';

beforeAll(async () => {
  await initCompression();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** An IntersectionObserver the test drives: `show(element, false)` scrolls it out of view. */
function stubIntersectionObserver() {
  const watched = new Map<Element, IntersectionObserverCallback>();
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(element: Element) {
        watched.set(element, this.callback);
      }
      disconnect() {}
    },
  );
  return (element: Element, isIntersecting: boolean) => {
    const entry = { target: element, isIntersecting } as IntersectionObserverEntry;
    act(() => watched.get(element)?.([entry], {} as IntersectionObserver));
  };
}

function snapshotsAt(query: string, times: readonly number[]): RunSnapshot[] {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  return times.map((t) => {
    run.advanceTo(t);
    return builder.build();
  });
}

const TIMES = [0, 250, 500, 750, 1000, 1250, 1500];

/** The panel on a page whose worker loaded `query` and sent `snapshots` (redrawn on every one). */
function renderPanel(query: string, snapshots: readonly RunSnapshot[], refreshMs = 0) {
  const page = renderPage(<MetricChartsPanel refreshMs={refreshMs} />, query);
  let seq = 0;
  const emit = (list: readonly RunSnapshot[]) => {
    for (const snapshot of list) {
      seq++;
      act(() =>
        page.connection.emit({ type: 'snapshot', seq, playing: true, speed: 100, snapshot }),
      );
    }
  };
  const load = (q: string) =>
    act(() => page.connection.emit({ type: 'loaded', query: q, problems: [], notice: null }));
  load(query);
  emit(snapshots);
  return { ...page, emit, load };
}

const plotOf = (title: string) =>
  screen.getByRole('slider', { name: `${title} over simulated time` });
const metricValue = (metric: string) =>
  Number(screen.getByTestId(`metric-${metric}`).dataset.value);

describe('MetricChartsPanel', () => {
  it('charts every metric of the issue under its Kafka name, with its meaning and current value', () => {
    const snapshots = snapshotsAt('linger.ms=20', TIMES);
    renderPanel('linger.ms=20', snapshots);
    const last = snapshots.at(-1) as RunSnapshot;

    for (const metric of CHARTED_METRICS) {
      const value = screen.getByTestId(`metric-${metric}`);
      expect(value.dataset.value).toBe(String(last.metrics[metric] ?? ''));
    }
    const batch = screen.getByRole('figure', { name: 'batch-size-avg' });
    expect(batch).toHaveTextContent('average bytes per batch sent, per partition request');
    expect(within(batch).getByTestId('metric-batch-size-avg')).toHaveTextContent(
      formatMetric(last.metrics['batch-size-avg'], 'bytes'),
    );
    const latency = screen.getByRole('figure', { name: 'delivery-latency-p50 / -p99' });
    expect(within(latency).getByText('p50')).toBeInTheDocument();
    expect(within(latency).getByText('p99')).toBeInTheDocument();
    // Nothing was retried: Kafka's rate is a measured zero, not a missing value.
    expect(screen.getByTestId('metric-record-retry-rate')).toHaveTextContent('0 records/s');
    expect(screen.getAllByRole('slider')).toHaveLength(12);
  });

  it('follows the simulated clock and stands still when it does', () => {
    const snapshots = snapshotsAt('', [...TIMES, 1750]);
    const { emit } = renderPanel('', snapshots.slice(0, -1));
    const plot = plotOf('record-send-rate');
    const line = () => plot.querySelector('path.chart-line')?.getAttribute('d');
    expect(plot).toHaveAttribute('aria-valuemin', '0');
    expect(plot).toHaveAttribute('aria-valuemax', '1500');
    const drawn = line();
    expect(drawn).toMatch(/^M/);

    // Paused: the host may send the same moment again; nothing moves.
    emit([snapshots[TIMES.length - 1]]);
    expect(line()).toBe(drawn);
    expect(plot).toHaveAttribute('aria-valuemax', '1500');

    emit([snapshots.at(-1) as RunSnapshot]);
    expect(plot).toHaveAttribute('aria-valuemax', '1750');
    expect(line()).not.toBe(drawn);
  });

  it('reads out the cursor from the keyboard: arrows, Home, End, Escape', async () => {
    const user = userEvent.setup();
    const snapshots = snapshotsAt('linger.ms=20', TIMES);
    renderPanel('linger.ms=20', snapshots);
    const plot = plotOf('batch-size-avg');
    const figure = screen.getByRole('figure', { name: 'batch-size-avg' });
    const expected = (s: RunSnapshot) =>
      `${formatSimTime(s.nowMs)}: ${formatMetric(s.metrics['batch-size-avg'], 'bytes')}`;

    act(() => plot.focus());
    expect(plot).toHaveAttribute('aria-valuetext', expected(snapshots[6]));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(plot).toHaveAttribute('aria-valuetext', expected(snapshots[4]));
    expect(plot).toHaveAttribute('aria-valuenow', '1000');
    expect(within(figure).getByText(expected(snapshots[4]))).toBeVisible();
    await user.keyboard('{Home}');
    // Before the first batch was drained Kafka had no batch-size-avg: the readout says so.
    expect(plot).toHaveAttribute('aria-valuetext', '0.0 ms: –');
    await user.keyboard('{End}');
    expect(plot).toHaveAttribute('aria-valuetext', expected(snapshots[6]));
    await user.keyboard('{Escape}');
    expect(within(figure).queryByText(expected(snapshots[6]))).not.toBeInTheDocument();
  });

  it('reads out the point under the pointer', () => {
    const snapshots = snapshotsAt('', TIMES);
    renderPanel('', snapshots);
    const plot = plotOf('requests-in-flight');
    plot.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 0, width: 300, height: 48 });
    // 40% across a 0–1500 ms window is 600 ms: the nearest point is the 500 ms snapshot.
    fireEvent.pointerMove(plot, { clientX: 220 });
    const readout = `${formatSimTime(500)}: ${formatMetric(snapshots[2].metrics['requests-in-flight'], 'requests')}`;
    expect(screen.getByText(readout)).toBeVisible();
    fireEvent.pointerLeave(plot);
    expect(screen.queryByText(readout)).not.toBeInTheDocument();
  });

  it('folds to a strip of current values', async () => {
    const user = userEvent.setup();
    renderPanel('', snapshotsAt('', TIMES));
    const fold = screen.getByRole('button', { name: 'Fold charts' });
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    await user.click(fold);
    expect(screen.queryAllByRole('slider')).toHaveLength(0);
    expect(screen.getByTestId('metric-batch-size-avg')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Show charts' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('starts again with a reset (the clock goes back to 0 ms)', () => {
    const { emit } = renderPanel('', snapshotsAt('', TIMES));
    emit(snapshotsAt('', [0]));
    const plot = plotOf('record-send-rate');
    expect(plot).toHaveAttribute('aria-valuemin', '0');
    expect(plot).toHaveAttribute('aria-valuemax', '0');
    expect(screen.getByTestId('metric-batch-size-avg')).toHaveTextContent('–');
  });

  it('shows batch-size-avg rise when linger.ms is raised (two runs of the model)', () => {
    const times = [0, 500, 1000, 1500, 2000];
    const { emit, load } = renderPanel('linger.ms=0', snapshotsAt('linger.ms=0', times));
    const eager = metricValue('batch-size-avg');
    const eagerText = screen.getByTestId('metric-batch-size-avg').textContent;

    load('linger.ms=100');
    emit(snapshotsAt('linger.ms=100', times));
    const patient = metricValue('batch-size-avg');
    expect(eager).toBeGreaterThan(0);
    expect(patient).toBeGreaterThan(eager * 10);
    expect(screen.getByTestId('metric-batch-size-avg').textContent).not.toBe(eagerText);
    expect(metricValue('records-per-request-avg')).toBeGreaterThan(10);
  });

  it('redraws at most once per refresh interval, always ending on the newest snapshot', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const snapshots = snapshotsAt('', TIMES);
    const { emit } = renderPanel('', snapshots.slice(0, 2), 100);
    const plot = plotOf('record-send-rate');
    // The page drew once as it opened; what came within the interval waits for its end.
    expect(plot).toHaveAttribute('aria-valuemax', '0');
    act(() => vi.advanceTimersByTime(100));
    expect(plot).toHaveAttribute('aria-valuemax', '250');
    act(() => vi.advanceTimersByTime(100));
    emit(snapshots.slice(2, 4));
    // A quiet interval passed: the next snapshot draws at once, the one after it waits.
    expect(plot).toHaveAttribute('aria-valuemax', '500');
    emit(snapshots.slice(4));
    expect(plot).toHaveAttribute('aria-valuemax', '500');
    act(() => vi.advanceTimersByTime(100));
    expect(plot).toHaveAttribute('aria-valuemax', '1500');
  });

  it('stops redrawing a chart scrolled out of view, and catches up when it is back', () => {
    const show = stubIntersectionObserver();
    const snapshots = snapshotsAt('', TIMES);
    const { emit } = renderPanel('', snapshots.slice(0, 3));
    const plot = plotOf('outgoing-byte-rate');
    const line = () => plot.querySelector('path.chart-line')?.getAttribute('d');
    const before = line();
    show(plot, false);
    emit(snapshots.slice(3));
    expect(line()).toBe(before);
    // Its value is text outside the plot: it stays current (e2e tests read it wherever it is).
    expect(metricValue('outgoing-byte-rate')).toBe(snapshots[6].metrics['outgoing-byte-rate']);
    show(plot, true);
    expect(line()).not.toBe(before);
  });
});
