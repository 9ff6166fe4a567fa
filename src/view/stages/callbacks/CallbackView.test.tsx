import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../../scenario/presets';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { batchOutcomes, CallbackView } from './CallbackView';

describe('CallbackView', () => {
  it('says where the newest acknowledged batches landed: partition and base offset', () => {
    const snapshot = snapshotWhen('keys=10', (s) => s.sender.recentlyCompleted.length > 0, 0.5);
    const last = snapshot.sender.recentlyCompleted.at(-1)!;
    renderStage(CallbackView, snapshot);
    const box = screen.getByTestId('last-response');
    expect(box).toHaveTextContent(`req-${last.requestId}`);
    const first = last.batches[0];
    expect(box).toHaveTextContent(`P${first.partition} @${first.baseOffset}`);
    expect(screen.getByText(`✓ ${snapshot.counters.acked}`)).toBeInTheDocument();
  });

  it('names the error of batches that failed', () => {
    const snapshot = snapshotWhen(
      presetById('min-isr-refuses')!.query,
      (s) => s.sender.recentlyCompleted.some((r) => r.batches.some((b) => b.error !== null)),
      5,
      4000,
    );
    const failed = snapshot.sender.recentlyCompleted.find((r) => r.batches.some((b) => b.error))!;
    expect(batchOutcomes(failed).some((line) => line.includes('NOT_ENOUGH_REPLICAS'))).toBe(true);
  });
});
