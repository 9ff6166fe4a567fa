import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { PRODUCER_CONFIG_GROUPS, PRODUCER_CONFIGS } from '../../scenario/ConfigTable';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { ConfigPanel } from './ConfigPanel';
import { PROMINENT_KEYS } from './ProminentControls';
import { renderPage } from './renderPage';

beforeAll(async () => {
  await initCompression();
});

/** The group's <details>, found by its summary. */
function group(name: string): HTMLElement {
  const summary = screen.getByText(name, { selector: 'summary' });
  return summary.parentElement as HTMLElement;
}

async function open(name: string): Promise<HTMLElement> {
  const details = group(name);
  if (!details.hasAttribute('open')) {
    await userEvent.click(details.querySelector('summary') as HTMLElement);
  }
  return details;
}

describe('ConfigPanel', () => {
  it('lists every producer config but the four prominent ones, by group, with its default', async () => {
    renderPage(<ConfigPanel />);
    const summaries = screen.getAllByText((_, el) => el?.tagName === 'SUMMARY');
    expect(summaries.map((s) => s.firstChild?.textContent?.trim())).toEqual([
      ...PRODUCER_CONFIG_GROUPS,
    ]);
    for (const name of PRODUCER_CONFIG_GROUPS) {
      const details = await open(name);
      const expected = PRODUCER_CONFIGS.filter(
        (c) => c.group === name && !PROMINENT_KEYS.includes(c.name),
      );
      for (const entry of expected) {
        const control = within(details).getByLabelText(entry.name);
        const row = control.closest('.control') as HTMLElement;
        expect(within(row).getByText(`default ${entry.defaultText}`)).toBeInTheDocument();
        expect(within(row).getByText(entry.documentation)).toBeInTheDocument();
      }
      const labels = [...details.querySelectorAll('label')].map((l) => l.textContent);
      expect(labels).toEqual(expected.map((c) => c.name));
    }
    // The prominent keys are mentioned, not repeated.
    expect(within(group('batching & buffering')).getByText('linger.ms')).toBeInTheDocument();
    expect(within(group('acks')).queryByLabelText('acks')).not.toBeInTheDocument();
  });

  it('types each control by the config type', async () => {
    renderPage(<ConfigPanel />);
    await open('idempotence');
    await open('other');
    expect(
      screen.getByRole('spinbutton', { name: 'max.in.flight.requests.per.connection' }),
    ).toBeInTheDocument();
    const idempotence = screen.getByRole('combobox', { name: 'enable.idempotence' });
    expect(
      within(idempotence)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['(default: true)', 'true', 'false']);
    expect(screen.getByRole('textbox', { name: 'transactional.id' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'key.serializer' })).toHaveValue('');
  });

  it("shows Kafka's message for an impossible combination and keeps what was typed", async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<ConfigPanel />);
    await open('idempotence');
    const field = screen.getByRole('spinbutton', { name: 'max.in.flight.requests.per.connection' });
    await user.type(field, '6{Enter}');
    expect(
      screen.getByText(
        'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveValue(6);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(connection.sentOf('load')).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'enable.idempotence' }), 'false');
    await user.clear(field);
    await user.type(field, '6');
    await user.tab();
    expect(connection.sentOf('load').at(-1)?.query).toBe(
      'enable.idempotence=false&max.in.flight.requests.per.connection=6',
    );
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('opens the groups a link sets and shows a value given by its full class name', () => {
    renderPage(
      <ConfigPanel />,
      'value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer',
    );
    expect(group('other')).toHaveAttribute('open');
    expect(group('retries')).not.toHaveAttribute('open');
    expect(screen.getByRole('combobox', { name: 'value.serializer' })).toHaveValue(
      'ByteArraySerializer',
    );
  });

  it('removes a config set back to "default"', async () => {
    const user = userEvent.setup();
    const { store } = renderPage(<ConfigPanel />, 'partitioner.class=RoundRobinPartitioner');
    await user.selectOptions(screen.getByRole('combobox', { name: 'partitioner.class' }), '');
    expect(store.getState().query).toBe('');
  });

  it('shows the value Kafka resolved when it differs, from a model snapshot', async () => {
    const { connection } = renderPage(<ConfigPanel />, 'acks=1');
    const run = new ProducerRun(decodeScenario('acks=1').scenario);
    const snapshot = new SnapshotBuilder(run).build();
    act(() => connection.emit({ type: 'snapshot', seq: 1, playing: true, speed: 100, snapshot }));
    const details = await open('idempotence');
    const row = within(details).getByLabelText('enable.idempotence').closest('.control');
    expect(row).toHaveTextContent('Kafka resolved it to false');
    const retries = within(await open('retries'))
      .getByLabelText('retries')
      .closest('.control');
    expect(retries).not.toHaveTextContent('Kafka resolved');
  });
});
