import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LINGER_STOPS } from './format';
import { ProminentControls } from './ProminentControls';
import { renderPage } from './renderPage';

describe('ProminentControls', () => {
  it('shows the values a link gives', () => {
    renderPage(
      <ProminentControls />,
      'linger.ms=200&batch.size=65536&acks=1&compression.type=zstd',
    );
    expect(screen.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
      'aria-valuetext',
      '200 ms',
    );
    expect(screen.getByRole('slider', { name: 'batch.size' })).toHaveAttribute(
      'aria-valuetext',
      '64 KiB',
    );
    expect(screen.getByRole('radio', { name: '1' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'compression.type' })).toHaveValue('zstd');
    expect(screen.getByText('default 5 ms')).toBeInTheDocument();
    expect(screen.getByText('default 16 KiB')).toBeInTheDocument();
  });

  it('marks the defaults', () => {
    renderPage(<ProminentControls />);
    expect(screen.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
      'aria-valuetext',
      '5 ms',
    );
    expect(screen.getAllByText('(default)')).toHaveLength(4);
    expect(screen.getByRole('radio', { name: 'all' })).toBeChecked();
  });

  it('applies linger.ms on release, showing the pending value while dragging', () => {
    const { connection, urls } = renderPage(<ProminentControls />);
    const slider = screen.getByRole('slider', { name: 'linger.ms' });
    fireEvent.input(slider, { target: { value: String(LINGER_STOPS.indexOf(50)) } });
    expect(screen.getByText('→ 50 ms (release to apply)')).toBeInTheDocument();
    expect(slider).toHaveAttribute('aria-valuetext', '50 ms');
    expect(connection.sentOf('load')).toEqual([]);

    fireEvent.change(slider);
    expect(connection.sentOf('load')).toEqual([
      { type: 'load', query: 'linger.ms=50', reason: 'linger.ms changed to 50' },
    ]);
    expect(urls).toEqual(['linger.ms=50']);
    expect(screen.queryByText(/release to apply/)).not.toBeInTheDocument();
    expect(slider).toHaveAttribute('aria-valuetext', '50 ms');
  });

  it('keeps an off-grid value from the link as a stop of its own', () => {
    renderPage(<ProminentControls />, 'linger.ms=7&batch.size=100000');
    const linger = screen.getByRole('slider', { name: 'linger.ms' });
    expect(linger).toHaveAttribute('max', String(LINGER_STOPS.length));
    expect(linger).toHaveAttribute('aria-valuetext', '7 ms');
    expect(screen.getByRole('slider', { name: 'batch.size' })).toHaveAttribute(
      'aria-valuetext',
      '100,000 bytes',
    );
  });

  it('sets acks from its radiogroup, reading -1 as all', async () => {
    const user = userEvent.setup();
    const { connection, store } = renderPage(<ProminentControls />, 'acks=-1');
    const group = screen.getByRole('radiogroup', { name: 'acks' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['0', '1', 'all']);
    expect(within(group).getByRole('radio', { name: 'all' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: '0' }));
    expect(store.getState().query).toBe('acks=0');
    expect(connection.sentOf('load').at(-1)?.reason).toBe('acks changed to 0');
    expect(within(group).getByRole('radio', { name: '0' })).toBeChecked();
  });

  it("shows Kafka's refusal beside acks and keeps the run as it was", async () => {
    const user = userEvent.setup();
    const { connection, store } = renderPage(<ProminentControls />, 'enable.idempotence=true');
    await user.click(screen.getByRole('radio', { name: '1' }));
    expect(
      screen.getByText(
        'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
      ),
    ).toBeInTheDocument();
    expect(connection.sentOf('load')).toEqual([]);
    expect(store.getState().query).toBe('enable.idempotence=true');
    expect(screen.getByRole('radio', { name: 'all' })).toBeChecked();
  });

  it('picks compression.type from a select', async () => {
    const user = userEvent.setup();
    const { store } = renderPage(<ProminentControls />);
    const select = screen.getByRole('combobox', { name: 'compression.type' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
    await user.selectOptions(select, 'lz4');
    expect(store.getState().query).toBe('compression.type=lz4');
  });
});
