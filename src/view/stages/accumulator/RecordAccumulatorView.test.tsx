import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../../scenario/presets';
import { formatBytes } from '../../diagram/format';
import { modelRun } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { RecordAccumulatorView } from './RecordAccumulatorView';

const widthOf = (el: Element | null) => Number(el?.getAttribute('width'));

describe('RecordAccumulatorView', () => {
  it('shows every open batch with a linger.ms countdown that shrinks as simulated time passes', () => {
    const run = modelRun('linger.ms=100&keys=10');
    const early = run.at(50);
    const batch = early.accumulator[5].batches[0];
    expect(batch.lingerDeadlineMs).toBe(100);
    const { container, store } = renderStage(RecordAccumulatorView, early);
    const box = () => container.querySelector(`[data-batch="${batch.id}"]`);
    expect(box()).toHaveTextContent('50 ms');
    const barShare = () =>
      widthOf(box()!.querySelector('.linger-bar')) / widthOf(box()!.querySelector('.batch-box'));
    expect(barShare()).toBeCloseTo(0.5);
    expect(container.querySelectorAll('.batch.is-open').length).toBe(
      early.accumulator.reduce((n, q) => n + q.batches.length, 0),
    );

    act(() => store.setSnapshot(run.at(90)));
    expect(box()).toHaveTextContent('10 ms');
    expect(barShare()).toBeCloseTo(0.1);
  });

  it('fills each batch as far as its estimated size against batch.size, and titles it with its numbers', () => {
    const snapshot = modelRun('linger.ms=100&keys=10').at(50);
    const { container } = renderStage(RecordAccumulatorView, snapshot);
    for (const queue of snapshot.accumulator) {
      for (const b of queue.batches) {
        const g = container.querySelector(`[data-batch="${b.id}"]`)!;
        const share =
          widthOf(g.querySelector('.batch-fill')) / widthOf(g.querySelector('.batch-box'));
        expect(share).toBeCloseTo(b.estimatedSizeInBytes / b.batchSize);
        expect(g.querySelector('title')).toHaveTextContent(
          `batch-${b.id}: ${b.recordCount} records`,
        );
      }
    }
  });

  it('labels and hatches a muted partition (ordering with max.in.flight.requests.per.connection=1)', () => {
    const snapshot = modelRun('max.in.flight.requests.per.connection=1').when(
      (s) => s.accumulator.some((q) => q.muted),
      0.1,
      200,
    );
    const muted = snapshot.accumulator.filter((q) => q.muted).map((q) => q.partition);
    const { container } = renderStage(RecordAccumulatorView, snapshot);
    const rows = [...container.querySelectorAll('[data-muted="true"]')];
    expect(rows.map((r) => Number(r.getAttribute('data-partition')))).toEqual(muted);
    expect(rows[0]).toHaveTextContent('muted');
    expect(rows[0].querySelector('.row-bg')).toHaveClass('is-muted');
  });

  it('shows the compressed size of a closed batch back in the deque for a retry', () => {
    const query = `${presetById('retries-reorder')!.query}&compression.type=lz4`;
    const snapshot = modelRun(query).when(
      (s) => s.accumulator.some((q) => q.batches.some((b) => b.compressedSizeInBytes > 0)),
      1,
      3000,
    );
    const retried = snapshot.accumulator
      .flatMap((q) => q.batches)
      .find((b) => b.compressedSizeInBytes > 0)!;
    expect(retried.compressedSizeInBytes).toBeLessThan(retried.sizeInBytes);
    const { container } = renderStage(RecordAccumulatorView, snapshot);
    const g = container.querySelector(`[data-batch="${retried.id}"]`)!;
    expect(g).toHaveClass('is-closed', 'is-retry');
    expect(g).toHaveTextContent(`→ ${formatBytes(retried.compressedSizeInBytes)}`);
    expect(g.querySelector('title')).toHaveTextContent(/on the wire/);
  });

  it('gauges the BufferPool and counts the callers waiting for memory when buffer.memory is used up', () => {
    const snapshot = modelRun(presetById('buffer-full-blocks')!.query).when(
      (s) => s.bufferPool.waiters.length > 0,
      1,
      3000,
    );
    renderStage(RecordAccumulatorView, snapshot);
    const gauge = screen.getByRole('meter', { name: 'buffer.memory allocated' });
    expect(gauge).toHaveAttribute('aria-valuenow', String(snapshot.bufferPool.allocatedMemory));
    expect(gauge).toHaveAttribute('aria-valuemax', '65536');
    expect(gauge).toHaveTextContent(`${snapshot.bufferPool.waiters.length} waiting for memory`);
  });

  it('draws 128 partitions as a few paths, with every batch and a label every n-th row', () => {
    const snapshot = modelRun('partitions=128&brokers=6&keys=1000&throughput=20000').at(30);
    const { container, layout } = renderStage(RecordAccumulatorView, snapshot);
    expect(layout.condensed).toBe(true);
    const condensed = screen.getByTestId('condensed-deques');
    const subpaths = (selector: string) =>
      [...condensed.querySelectorAll(selector)]
        .map((p) => (p.getAttribute('d') ?? '').split('M').length - 1)
        .reduce((a, b) => a + b, 0);
    const batches = snapshot.accumulator.reduce((n, q) => n + Math.min(q.batches.length, 4), 0);
    expect(batches).toBeGreaterThan(50);
    expect(subpaths('.batch-box')).toBe(batches);
    expect(subpaths('.batch-fill')).toBe(batches);
    expect(container.querySelectorAll('.acc-row')).toHaveLength(0);
    const labels = [...condensed.querySelectorAll('.row-label')].map((t) => t.textContent);
    expect(labels[0]).toBe('P0');
    expect(labels[1]).toBe(`P${layout.labelEvery}`);
    expect(container.querySelectorAll('svg *').length).toBeLessThan(150);
  });
});
