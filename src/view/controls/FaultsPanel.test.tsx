import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseFaultAction } from '../../model/faults/FaultSyntax';
import { FaultsPanel } from './FaultsPanel';
import { renderPage } from './renderPage';

describe('FaultsPanel', () => {
  it('offers each broker of the cluster and sends the fault its button names', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<FaultsPanel />, 'brokers=5');
    const broker = screen.getByRole('combobox', { name: 'broker' });
    expect(within(broker).getAllByRole('option')).toHaveLength(5);
    await user.selectOptions(broker, '4');
    await user.click(screen.getByRole('button', { name: 'crash:4' }));
    await user.click(screen.getByRole('button', { name: 'drop-responses:4:1' }));
    await user.click(screen.getByRole('button', { name: 'restart-producer' }));
    expect(connection.sentOf('fault').map((c) => c.fault)).toEqual([
      'crash:4',
      'drop-responses:4:1',
      'restart-producer',
    ]);
  });

  it('sends only commands the fault syntax accepts, and explains them on focus', async () => {
    const user = userEvent.setup();
    renderPage(<FaultsPanel />);
    const buttons = screen.getAllByRole('button');
    for (const b of buttons) {
      const parsed = parseFaultAction(b.textContent ?? '', { brokers: 3, partitions: 6 });
      expect(parsed.ok, b.textContent ?? '').toBe(true);
    }
    await user.tab();
    await user.tab();
    expect(screen.getByText(/^crash:0: the broker stops/)).toBeInTheDocument();
  });
});
