import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { renderPage } from './renderPage';
import { StatusArea } from './StatusArea';

describe('StatusArea', () => {
  it("lists a link's problems, each with its key, value and reason", async () => {
    const query = 'linger.ms=-1&partitions=abc&bogus=1';
    const { connection } = renderPage(<StatusArea />, query);
    const { problems } = decodeScenario(query);
    act(() => connection.emit({ type: 'loaded', query: '', problems, notice: null }));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Problems in this link' })).toBeVisible();
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const texts = items.map((i) => i.textContent);
    expect(texts).toContain(
      'linger.ms=-1 not used: Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    // What was not used comes before what is merely worth knowing.
    expect(texts.at(-1)).toMatch(/^bogus=1 note:/);
    expect(items.some((i) => i.textContent?.startsWith('partitions=abc not used:'))).toBe(true);
    expect(items.some((i) => i.textContent?.startsWith('bogus=1 note: Unknown key bogus'))).toBe(
      true,
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss problems' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('calls warnings alone notes, not an alert', () => {
    const { connection } = renderPage(<StatusArea />, 'acks=1');
    const { problems } = decodeScenario('acks=1');
    act(() => connection.emit({ type: 'loaded', query: 'acks=1', problems, notice: null }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Notes on this link' })).toBeVisible();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      /^acks=1 note: Idempotence will be disabled/,
    );
  });

  it('says why the run restarted, and can be dismissed', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<StatusArea />);
    const notice = 'linger.ms changed to 20 — the run restarted from 0 ms (same seed)';
    act(() => connection.emit({ type: 'loaded', query: 'linger.ms=20', problems: [], notice }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(notice);
    expect(status).toHaveTextContent(
      'Kafka reads producer configs once, when the KafkaProducer is built',
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('offers a restart after a fatal worker error', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<StatusArea />);
    act(() => connection.emit({ type: 'error', message: 'out of memory', fatal: true }));
    expect(screen.getByRole('alert')).toHaveTextContent('The simulation stopped: out of memory');
    await user.click(screen.getByRole('button', { name: 'Restart simulation' }));
    expect(connection.restarts).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refused command until dismissed', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<StatusArea />);
    act(() => connection.emit({ type: 'error', message: 'Fault "x" not applied', fatal: false }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not applied: Fault "x" not applied');
    expect(screen.queryByRole('button', { name: 'Restart simulation' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss error' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
