import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { ProducerInterceptorsView } from './ProducerInterceptorsView';

describe('ProducerInterceptorsView', () => {
  it('lists the interceptor.classes in the order onSend() runs them', () => {
    const snapshot = snapshotWhen(
      'interceptor.classes=AckCountingInterceptor%2CTracingInterceptor',
      (s) => s.pipeline.lastRecord !== null,
    );
    expect(snapshot.pipeline.interceptors).toHaveLength(2);
    const { container } = renderStage(ProducerInterceptorsView, snapshot);
    const chips = [...container.querySelectorAll('ol > .chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['AckCounting', 'Tracing']);
    expect(chips[0]).toHaveAttribute('title', 'AckCountingInterceptor');
    expect(screen.getByText('onSend()')).toBeInTheDocument();
  });
});
