/**
 * The pick lists on snapshots a model run produced: the most recent records as `rec-12 · key "user-3" · P4 ·
 * acked`, newest first; a pick selects (and the inspector opens on it); the list holds still while the pointer is
 * on it; batches and requests of the snapshot are listed too.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { builderStore } from '../testing/builderStore';
import { InspectorPanel } from './InspectorPanel';
import { PickPanel } from './PickPanel';

/** The page at `atMs`, or at the first 0.1 ms step from there at which `until` holds. */
function page(query: string, atMs: number, until: (b: SnapshotBuilder) => boolean = () => true) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  run.advanceTo(atMs);
  for (let t = atMs; !until(builder); t += 0.1) {
    if (t > atMs + 100) throw new Error(`${query}: never happened`);
    run.advanceTo(t);
  }
  const store = builderStore(builder);
  store.show(
    <>
      <PickPanel refreshMs={0} />
      <InspectorPanel refreshMs={0} />
    </>,
  );
  return { run, store };
}

describe('PickPanel', () => {
  it('lists the recent records, newest first, and picking one opens the inspector on it', async () => {
    const user = userEvent.setup();
    const { store } = page('keys=20&duration.ms=500', 100);
    await user.click(screen.getByText('Pick a record'));
    const recent = store.getState().snapshot?.recentRecords ?? [];
    expect(recent).toHaveLength(30);
    const buttons = within(screen.getByRole('list', { name: 'Pick a record' })).getAllByRole(
      'button',
    );
    const newest = recent[recent.length - 1];
    expect(buttons).toHaveLength(30);
    expect(buttons[0]).toHaveAccessibleName(
      `rec-${newest.id} · key "${newest.key}" · P${newest.partition} · ${newest.status}`,
    );
    expect(buttons.map((b) => b.textContent)).toContain(
      `rec-${recent[0].id} · key "${recent[0].key}" · P${recent[0].partition} · acked`,
    );
    await user.click(buttons[3]);
    expect(store.selects).toEqual([{ kind: 'record', id: recent[recent.length - 4].id }]);
    expect(screen.getByTestId('inspector')).toHaveTextContent(
      `Record rec-${recent[recent.length - 4].id}`,
    );
  });

  it('gives the focus back to the list on close, or to its summary when the line has scrolled away', async () => {
    const user = userEvent.setup();
    const { run, store } = page('keys=20&duration.ms=500', 100);
    await user.click(screen.getByText('Pick a record'));
    const line = within(screen.getByRole('list', { name: 'Pick a record' })).getAllByRole(
      'button',
    )[0];
    line.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 2, name: /^Record rec-/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(line).toHaveFocus();

    await user.keyboard('{Enter}');
    run.advanceTo(200);
    store.refresh();
    expect(line).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByText('Pick a record')).toHaveFocus();
  });

  it('holds the list still while the pointer is on it', async () => {
    const user = userEvent.setup();
    const { run, store } = page('keys=20&duration.ms=500', 100);
    await user.click(screen.getByText('Pick a record'));
    const list = () => screen.getByRole('list', { name: 'Pick a record' });
    const first = () => within(list()).getAllByRole('button')[0].textContent;
    const before = first();
    await user.hover(list());
    run.advanceTo(150);
    store.refresh();
    expect(first()).toBe(before);
    expect(screen.getByText('Held still while you pick.')).toBeInTheDocument();
    await user.unhover(list());
    expect(first()).not.toBe(before);
    expect(first()).toMatch(/^rec-150 /);
  });

  it('lists the batches and the requests of the snapshot', async () => {
    const user = userEvent.setup();
    const { store } = page('keys=20&linger.ms=20&duration.ms=500', 100, (b) => {
      const snapshot = b.build();
      return (
        snapshot.sender.inFlight.length > 0 &&
        snapshot.accumulator.some((q) => q.batches.length > 0)
      );
    });
    const s = store.getState().snapshot;
    if (s == null) throw new Error('no snapshot');
    await user.click(screen.getByText('Pick a batch'));
    const batchIds = s.accumulator.flatMap((q) => q.batches.map((b) => b.id));
    expect(batchIds.length).toBeGreaterThan(0);
    const batches = within(screen.getByRole('list', { name: 'Pick a batch' })).getAllByRole(
      'button',
    );
    for (const id of batchIds) {
      expect(batches.some((b) => b.textContent?.startsWith(`batch-${id} · `))).toBe(true);
    }
    await user.click(screen.getByText('Pick a request'));
    const requests = within(screen.getByRole('list', { name: 'Pick a request' })).getAllByRole(
      'button',
    );
    const ids = [...s.sender.inFlight, ...s.sender.recentlyCompleted].map((r) => r.requestId);
    expect(requests.map((b) => Number(/^req-(\d+)/.exec(b.textContent ?? '')?.[1]))).toEqual(
      [...new Set(ids)].sort((a, b) => b - a),
    );
    act(() => requests[0].click());
    expect(store.selects.at(-1)?.kind).toBe('request');
  });
});
