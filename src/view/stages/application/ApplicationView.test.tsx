import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../../scenario/presets';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { ApplicationView } from './ApplicationView';

describe('ApplicationView', () => {
  it('shows the send rate, the send mode and the send() calls so far', () => {
    const snapshot = snapshotWhen(
      'throughput=2000&send.mode=fire-and-forget',
      (s) => s.nowMs >= 20,
    );
    renderStage(ApplicationView, snapshot);
    expect(screen.getByText('2,000 /s')).toBeInTheDocument();
    expect(screen.getByText('fire-and-forget')).toBeInTheDocument();
    const caller = screen.getByTestId('caller');
    expect(caller).not.toHaveClass('is-blocked');
    expect(caller).toHaveTextContent(`send() ×${snapshot.counters.sendCalls}`);
  });

  it('shows the caller blocked while buffer.memory is used up', () => {
    const snapshot = snapshotWhen(
      presetById('buffer-full-blocks')!.query,
      (s) => s.application.blocked,
    );
    renderStage(ApplicationView, snapshot);
    const caller = screen.getByTestId('caller');
    expect(caller).toHaveClass('is-blocked');
    expect(caller).toHaveTextContent('BLOCKED');
    expect(caller).toHaveTextContent('buffer.memory full');
  });

  it('shows a sync caller waiting in get() for its acknowledgement', () => {
    const snapshot = snapshotWhen(
      'send.mode=sync',
      (s) => s.application.state === 'awaiting-ack',
      0.1,
      50,
    );
    renderStage(ApplicationView, snapshot);
    expect(screen.getByTestId('caller')).toHaveTextContent('sync: waiting in get()');
  });
});
