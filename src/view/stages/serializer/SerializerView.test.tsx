import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../diagram/format';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { SerializerView, shownKey } from './SerializerView';

describe('SerializerView', () => {
  it('shows the last record’s key and value sizes in bytes', () => {
    const snapshot = snapshotWhen('keys=10&record.size=250', (s) => s.pipeline.lastRecord !== null);
    const last = snapshot.pipeline.lastRecord!;
    renderStage(SerializerView, snapshot);
    const sizes = screen.getByTestId('serializer-sizes');
    expect(sizes).toHaveTextContent(`key ${formatBytes(last.keySizeInBytes)}`);
    expect(sizes).toHaveTextContent(`value ${formatBytes(250)}`);
    expect(sizes).toHaveTextContent(shownKey(last.key));
    expect(screen.getByText('String')).toBeInTheDocument();
  });

  it('says when the key is null', () => {
    renderStage(
      SerializerView,
      snapshotWhen('keys=0', (s) => s.pipeline.lastRecord !== null),
    );
    expect(screen.getByTestId('serializer-sizes')).toHaveTextContent('key null');
  });
});
