import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { renderWithStore } from '../testing/renderWithStore';
import { PipelineDiagram } from './PipelineDiagram';
import { STAGE_INFO } from './stageInfo';

/** Snapshots of one model run of `query` (markBudget: most records drawn before sampling). */
function modelRun(query: string, markBudget?: number) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run, markBudget === undefined ? {} : { markBudget });
  return (ms: number): RunSnapshot => {
    run.advanceTo(ms);
    return builder.build();
  };
}

const canvasOf = (container: HTMLElement) => container.querySelector('canvas')!;

describe('PipelineDiagram', () => {
  it('shows a calm placeholder until the first snapshot', () => {
    renderWithStore(<PipelineDiagram />, null);
    expect(screen.getByRole('status')).toHaveTextContent('Starting the simulation…');
    expect(document.querySelector('svg')).toBeNull();
  });

  it('titles every stage with its Kafka class, left to right, each explained by its description', () => {
    renderWithStore(<PipelineDiagram />, modelRun('')(20));
    const stages = screen
      .getAllByRole('group')
      .filter((g) => g.hasAttribute('data-stage'))
      .map((g) => g.getAttribute('data-stage'));
    expect(stages).toEqual([
      'application',
      'serializer',
      'partitioner',
      'accumulator',
      'sender',
      'network',
      'brokers',
      'callbacks',
    ]);
    const accumulator = screen.getByRole('group', { name: 'RecordAccumulator' });
    expect(accumulator).toHaveAccessibleDescription(STAGE_INFO.accumulator.explanation);
    expect(screen.getByRole('group', { name: 'Sender' })).toHaveAccessibleDescription(
      /max\.in\.flight/,
    );
    expect(screen.getByRole('group', { name: 'KafkaProducer' })).toBeInTheDocument();
  });

  it('shows a stage’s explanation while it has keyboard focus, until Escape or focus moves on', async () => {
    const user = userEvent.setup();
    renderWithStore(<PipelineDiagram />, modelRun('')(20));
    const tip = () => screen.getByText(STAGE_INFO.application.explanation);
    expect(tip()).not.toHaveClass('is-active');
    await user.tab();
    expect(screen.getByRole('group', { name: 'KafkaProducer' })).toHaveFocus();
    expect(tip()).toHaveClass('is-active');
    await user.keyboard('{Escape}');
    expect(tip()).not.toHaveClass('is-active');
    await user.tab();
    expect(tip()).not.toHaveClass('is-active');
    expect(screen.getByText(STAGE_INFO.serializer.explanation)).toHaveClass('is-active');
  });

  it('shows the Interceptors stage only when interceptor.classes is set', () => {
    const { unmount } = renderWithStore(<PipelineDiagram />, modelRun('')(5));
    expect(screen.queryByRole('group', { name: 'ProducerInterceptors' })).toBeNull();
    unmount();
    renderWithStore(<PipelineDiagram />, modelRun('interceptor.classes=TracingInterceptor')(5));
    expect(screen.getByRole('group', { name: 'ProducerInterceptors' })).toBeInTheDocument();
  });

  it('keeps the canvas’ mark count and summary in step with the snapshots', async () => {
    const at = modelRun('linger.ms=100&keys=10');
    const first = at(20);
    const { container, store } = renderWithStore(<PipelineDiagram />, first);
    const canvas = canvasOf(container);
    await waitFor(() => expect(canvas).toHaveAttribute('data-marks', String(first.marks.count)));
    expect(canvas).toHaveAccessibleName(
      new RegExp(
        `^${first.marks.count} records in flight: 0 in send\\(\\), ${first.marks.count} in the accumulator`,
      ),
    );
    const later = at(60);
    expect(later.marks.count).toBeGreaterThan(first.marks.count);
    act(() => store.setSnapshot(later));
    await waitFor(() => expect(canvas).toHaveAttribute('data-marks', String(later.marks.count)));
    expect(canvas).toHaveAccessibleName(new RegExp(`^${later.marks.count} records in flight`));
  });

  it('says on screen when only a sample of the records is drawn', () => {
    const sampled = modelRun('throughput=100000', 100)(5);
    expect(sampled.marks.sampleEvery).toBeGreaterThan(1);
    renderWithStore(<PipelineDiagram />, sampled);
    expect(screen.getByTestId('sampling-note')).toHaveTextContent(
      `Drawing 1 in ${sampled.marks.sampleEvery} records (batches are all drawn)`,
    );
  });

  it('draws no sampling note when every record is drawn, and shows the counters', () => {
    renderWithStore(<PipelineDiagram />, modelRun('')(20));
    expect(screen.queryByTestId('sampling-note')).toBeNull();
    expect(screen.getByTestId('counter-sent')).toBeInTheDocument();
  });
});
