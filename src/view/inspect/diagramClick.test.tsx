/**
 * Picking from the diagram: targetAtPoint's rules (a mark within 8 px, else the batch box or request under the
 * pointer, and on a box only a click right on a mark means the record), and the marks canvas wired to the store —
 * a click where a model record's mark sits selects that record; one on a batch box selects the batch.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { InspectTarget } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { AppStoreProvider } from '../../store/context';
import { computeLayout } from '../diagram/layout';
import { MarksCanvas } from '../diagram/MarksCanvas';
import { MarkField } from '../diagram/markField';
import { MarkTargets } from '../diagram/markTargets';
import { createTestStore } from '../testing/testStore';
import { MARK_HIT_PX, MARK_ON_BOX_PX, targetAtPoint } from './diagramClick';

const field = {
  count: 2,
  ids: Int32Array.of(12, 40),
  x: Float32Array.of(100, 200),
  y: Float32Array.of(50, 50),
};

function svgWith(markup: string): SVGSVGElement {
  const div = document.createElement('div');
  div.innerHTML = `<svg>${markup}</svg>`;
  return div.querySelector('svg') as SVGSVGElement;
}

describe('targetAtPoint', () => {
  it('picks the record whose mark is within MARK_HIT_PX, else nothing', () => {
    expect(targetAtPoint(field, 100 + MARK_HIT_PX - 1, 50, null)).toEqual({
      kind: 'record',
      id: 12,
    });
    expect(targetAtPoint(field, 196, 53, null)).toEqual({ kind: 'record', id: 40 });
    expect(targetAtPoint(field, 150, 50, null)).toBeNull();
    expect(targetAtPoint(null, 100, 50, null)).toBeNull();
  });

  it('on a batch box or a request, means the record only right on its mark', () => {
    const svg = svgWith('<g data-batch="7"><rect /></g><g data-request="3"><rect /></g>');
    const inBatch = svg.querySelector('[data-batch] rect');
    const inRequest = svg.querySelector('[data-request] rect');
    expect(targetAtPoint(field, 100 + MARK_ON_BOX_PX, 50, inBatch)).toEqual({
      kind: 'record',
      id: 12,
    });
    expect(targetAtPoint(field, 100 + MARK_ON_BOX_PX + 2, 50, inBatch)).toEqual({
      kind: 'batch',
      id: 7,
    });
    expect(targetAtPoint(field, 150, 50, inRequest)).toEqual({ kind: 'request', id: 3 });
  });
});

describe('clicks on the marks canvas', () => {
  it('select the record under the pointer, or the batch box', async () => {
    const run = new ProducerRun(decodeScenario('keys=20&linger.ms=50').scenario);
    const builder = new SnapshotBuilder(run);
    run.advanceTo(40);
    const snapshot = builder.build();
    const selects: (InspectTarget | null)[] = [];
    const store = createTestStore(snapshot, { reducedMotion: true });
    store.setState({ select: (t: InspectTarget | null) => void selects.push(t) });
    const layout = computeLayout(
      1280,
      600,
      snapshot.settings.partitions,
      snapshot.settings.brokers,
    );
    const { container } = render(
      <AppStoreProvider store={store}>
        <div className="diagram-area">
          <svg aria-label="stages">
            <g data-batch="99">
              <rect className="box" />
            </g>
          </svg>
          <MarksCanvas layout={layout} />
        </div>
      </AppStoreProvider>,
    );
    const canvas = container.querySelector('canvas') as HTMLCanvasElement;
    await waitFor(() => expect(canvas).toHaveAttribute('data-marks', String(snapshot.marks.count)));
    // Where the page puts the marks (reduced motion: on their targets at once).
    const expected = new MarkField();
    const targets = new MarkTargets(layout);
    targets.reset(layout, snapshot.accumulator, snapshot.settings.batchSize);
    expected.update(snapshot.marks, targets, 'partition');
    expected.step(16, true);
    const slot = Math.floor(expected.count / 2);
    const area = container.querySelector('.diagram-area') as HTMLElement;
    // jsdom lays nothing out: the canvas' box is at (0, 0), so client coordinates are the diagram's.
    act(() => {
      fireEvent.click(area, { clientX: expected.x[slot], clientY: expected.y[slot] });
    });
    expect(selects).toEqual([{ kind: 'record', id: expected.ids[slot] }]);
    act(() => {
      fireEvent.click(container.querySelector('rect.box') as Element, {
        clientX: -50,
        clientY: -50,
      });
    });
    expect(selects.at(-1)).toEqual({ kind: 'batch', id: 99 });
    act(() => {
      fireEvent.click(area, { clientX: -50, clientY: -50 });
    });
    expect(selects).toHaveLength(2);
  });
});
