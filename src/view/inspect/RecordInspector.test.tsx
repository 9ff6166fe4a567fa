/**
 * The record inspector on snapshots a model run produced, selected as the page selects (builder.select through
 * the store): the ProducerRecord, the murmur2 explanation and partition of a keyed record, the journey with its
 * pending stages while the record is in flight, links to its batch and request, what a missing record says, and
 * closing with the button or Escape.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainKeyPartition } from '../../model/clients/producer/KeyPartitioning';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RecordDetail } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { builderStore } from '../testing/builderStore';
import { InspectorPanel } from './InspectorPanel';

beforeAll(async () => {
  await initCompression();
});

function modelRun(query: string) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  const store = builderStore(builder);
  return { run, builder, store };
}

function recordOf(store: ReturnType<typeof builderStore>): RecordDetail {
  const selection = store.getState().snapshot?.selection;
  if (selection?.kind !== 'record') throw new Error(JSON.stringify(selection));
  return selection.record;
}

describe('RecordInspector', () => {
  it('shows a keyed record: its ProducerRecord, the murmur2 explanation and its partition', () => {
    const { run, store } = modelRun('keys=20&duration.ms=200');
    run.advanceTo(100);
    store.show(<InspectorPanel refreshMs={0} />);
    expect(screen.queryByTestId('inspector')).not.toBeInTheDocument();
    act(() => store.getState().select({ kind: 'record', id: 7 }));

    const record = recordOf(store);
    const panel = screen.getByTestId('inspector');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Record rec-7');
    expect(record.partitionReason).toBe('key-hash');
    const explanation = screen.getByTestId('partition-explanation');
    expect(explanation).toHaveTextContent(
      explainKeyPartition(record.key, new TextEncoder().encode(record.key ?? ''), 6),
    );
    expect(explanation).toHaveTextContent(
      /^murmur2\("user-\d+"\) = -?\d+ → toPositive = \d+ → % 6 = \d$/,
    );
    expect(explanation.textContent?.endsWith(`% 6 = ${record.partition}`)).toBe(true);
    expect(screen.getByTestId('record-partition')).toHaveTextContent(String(record.partition));
    expect(panel).toHaveTextContent(`"${record.key}"`);
    expect(panel).toHaveTextContent('null (the partitioner chooses)');
    // Serialized: the key's bytes in hex and as text.
    expect(panel).toHaveTextContent(record.keyHex ?? 'no key hex');
    expect(panel).toHaveTextContent(`${record.valueSizeInBytes} bytes`);
  });

  it('lists the journey in simulated time, with the stages still ahead pending while in flight', () => {
    const { run, store } = modelRun('keys=20&linger.ms=20&duration.ms=300');
    run.advanceTo(10);
    store.show(<InspectorPanel refreshMs={0} />);
    act(() => store.getState().select({ kind: 'record', id: 3 }));
    let record = recordOf(store);
    expect(record.status).toBe('pending');
    const steps = () =>
      within(screen.getByTestId('journey'))
        .getAllByRole('listitem')
        .map((li) => [li.getAttribute('data-stage'), li.className.replace('journey-step is-', '')]);
    // Waiting in its batch for linger.ms: everything from "batch closed" on is pending, in path order.
    const reached = record.journey.map((s) => [s.stage, 'done']);
    const ahead = record.path.slice(record.path.indexOf('closed')).map((s) => [s, 'pending']);
    expect(steps()).toEqual([...reached, ...ahead]);
    expect(within(screen.getByTestId('journey')).getAllByText('pending').length).toBe(ahead.length);

    // Later the same panel follows the record to its callback: nothing pending any more.
    run.advanceTo(200);
    store.refresh();
    record = recordOf(store);
    expect(record.status).toBe('acked');
    expect(steps().map(([stage]) => stage)).toEqual(record.journey.map((s) => s.stage));
    expect(steps().at(-1)).toEqual(['callback', 'done']);
    expect(within(screen.getByTestId('journey')).queryByText('pending')).not.toBeInTheDocument();
    const closed = record.journey.find((s) => s.stage === 'closed');
    expect(screen.getByTestId('journey')).toHaveTextContent(closed?.text ?? 'no closed step');
  });

  it('links to its batch and its request, and back', async () => {
    const user = userEvent.setup();
    const { run, store } = modelRun('keys=20&duration.ms=200');
    run.advanceTo(100);
    store.show(<InspectorPanel refreshMs={0} />);
    act(() => store.getState().select({ kind: 'record', id: 5 }));
    const record = recordOf(store);
    await user.click(screen.getByRole('button', { name: `batch-${record.batchId}` }));
    expect(screen.getByTestId('inspector')).toHaveTextContent(`Batch batch-${record.batchId}`);
    await user.click(screen.getByRole('button', { name: `rec-${record.id}` }));
    await user.click(screen.getByRole('button', { name: `req-${record.requestIds[0]}` }));
    expect(screen.getByTestId('inspector')).toHaveTextContent(
      `Request req-${record.requestIds[0]}`,
    );
    expect(store.selects.map((t) => t?.kind)).toEqual(['record', 'batch', 'record', 'request']);
  });

  it('says why a record cannot be shown', () => {
    const { store } = modelRun('keys=20&duration.ms=200');
    store.show(<InspectorPanel refreshMs={0} />);
    act(() => store.getState().select({ kind: 'record', id: 50 }));
    expect(screen.getByTestId('inspector')).toHaveTextContent('rec-50 has not been sent yet');
  });

  it('moves the focus to its heading, and gives it back when closed by Escape or the button', async () => {
    const user = userEvent.setup();
    const { run, store } = modelRun('keys=20&duration.ms=200');
    run.advanceTo(50);
    store.show(
      <>
        <button type="button" onClick={() => store.getState().select({ kind: 'record', id: 2 })}>
          open
        </button>
        <InspectorPanel refreshMs={0} />
      </>,
    );
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    expect(screen.getByRole('heading', { name: 'Record rec-2' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('inspector')).not.toBeInTheDocument();
    expect(store.getState().selected).toBeNull();
    expect(opener).toHaveFocus();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close inspector' }));
    expect(screen.queryByTestId('inspector')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
