import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from './renderPage';
import { ScenarioPanel } from './ScenarioPanel';

describe('ScenarioPanel', () => {
  it('names each cluster and workload control by its scenario key, showing the link values', () => {
    renderPage(<ScenarioPanel />, 'brokers=5&partitions=12&keys=100&send.mode=sync');
    expect(screen.getByRole('spinbutton', { name: 'brokers' })).toHaveValue(5);
    expect(screen.getByRole('spinbutton', { name: 'partitions' })).toHaveValue(12);
    expect(screen.getByRole('spinbutton', { name: 'replication.factor' })).toHaveValue(3);
    expect(screen.getByRole('spinbutton', { name: 'min.insync.replicas' })).toHaveValue(1);
    expect(screen.getByRole('spinbutton', { name: 'throughput' })).toHaveValue(1000);
    expect(screen.getByRole('spinbutton', { name: 'keys' })).toHaveValue(100);
    expect(screen.getByRole('spinbutton', { name: 'record.size' })).toHaveValue(100);
    expect(screen.getByRole('combobox', { name: 'key.distribution' })).toHaveValue('uniform');
    expect(screen.getByRole('combobox', { name: 'value.content' })).toHaveValue('json');
    expect(screen.getByRole('combobox', { name: 'send.mode' })).toHaveValue('sync');
    expect(screen.getByText('default min(3, brokers)')).toBeInTheDocument();
  });

  it('applies a number on Enter and a choice at once', async () => {
    const user = userEvent.setup();
    const { connection, store } = renderPage(<ScenarioPanel />);
    const partitions = screen.getByRole('spinbutton', { name: 'partitions' });
    await user.clear(partitions);
    await user.type(partitions, '12{Enter}');
    expect(connection.sentOf('load').at(-1)).toEqual({
      type: 'load',
      query: 'partitions=12',
      reason: 'partitions changed to 12',
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'send.mode' }), 'sync');
    expect(store.getState().query).toBe('partitions=12&send.mode=sync');
  });

  it('refuses an impossible cluster with the decoder message beside the key', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<ScenarioPanel />, 'replication.factor=3');
    const brokers = screen.getByRole('spinbutton', { name: 'brokers' });
    await user.clear(brokers);
    await user.type(brokers, '2');
    await user.tab();
    expect(
      screen.getByText(/Replication factor: 3 larger than available brokers: 2\./),
    ).toBeVisible();
    expect(brokers).toHaveAttribute('aria-invalid', 'true');
    expect(connection.sentOf('load')).toEqual([]);
  });
});
