import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppStoreProvider } from '../../store/context';
import { createTestStore } from '../testing/testStore';
import { ColourByControl } from './ColourByControl';

describe('ColourByControl', () => {
  it('switches the marks between partition and key colours', async () => {
    const store = createTestStore(null);
    render(
      <AppStoreProvider store={store}>
        <ColourByControl />
      </AppStoreProvider>,
    );
    const group = screen.getByRole('radiogroup', { name: 'Colour records by' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'partition' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'key' }));
    expect(store.calls).toContainEqual({ action: 'setColourBy', args: ['key'] });
  });
});
