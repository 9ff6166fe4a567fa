/**
 * The event log on snapshots a model run produced (the acks=1 failover preset: a config warning, two
 * stall-follower faults at 200 ms, a crash of broker 0 at 1500 ms): the events newest last with their simulated
 * time, the kind and text filters, and the polite live region announcing the crash when it happens — but not the
 * history already there, and not kinds filtered out.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { presetById } from '../../scenario/presets';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { renderWithStore } from '../testing/renderWithStore';
import type { AnnouncerClock } from './announcer';
import { EventLog } from './EventLog';

beforeAll(async () => {
  await initCompression();
});

/** A clock that stands still: the throttle speaks the first batch at once and holds the rest. */
const stillClock: AnnouncerClock = {
  now: () => 0,
  setTimeout: () => 0,
  clearTimeout: () => {},
};

function failoverRun(atMs: number) {
  const run = new ProducerRun(
    decodeScenario(presetById('acks1-failover-loss')?.query ?? '').scenario,
  );
  const builder = new SnapshotBuilder(run);
  run.advanceTo(atMs);
  const view = renderWithStore(<EventLog refreshMs={0} clock={stillClock} />, builder.build());
  const advanceTo = (ms: number) => {
    run.advanceTo(ms);
    const snapshot = builder.build();
    act(() => view.store.setSnapshot(snapshot));
  };
  return { ...view, advanceTo };
}

const lines = () =>
  within(screen.getByRole('list', { name: 'Run events' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('EventLog', () => {
  it('lists the run’s events with their simulated time, newest last', () => {
    failoverRun(1000);
    expect(lines()).toEqual([
      expect.stringMatching(
        /^0\.0 ms⚠ warningIdempotence will be disabled because acks is set to 1/,
      ),
      '200.0 ms⚡ faultstall-follower:1 applied',
      '200.0 ms⚡ faultstall-follower:2 applied',
    ]);
    expect(screen.getByText('Showing 3 of 3 events, newest last.')).toBeInTheDocument();
  });

  it('filters by kind and by text', async () => {
    const user = userEvent.setup();
    failoverRun(1000);
    await user.click(screen.getByRole('checkbox', { name: 'fault' }));
    expect(lines()).toEqual([expect.stringContaining('warning')]);
    await user.click(screen.getByRole('checkbox', { name: 'fault' }));
    await user.click(screen.getByRole('checkbox', { name: 'warning' }));
    expect(lines()).toHaveLength(2);
    await user.type(screen.getByRole('searchbox', { name: 'Filter events' }), 'FOLLOWER:2');
    expect(lines()).toEqual(['200.0 ms⚡ faultstall-follower:2 applied']);
    expect(screen.getByText('Showing 1 of 3 events, newest last.')).toBeInTheDocument();
  });

  it('announces the crash when it happens, politely, and not the events already there', () => {
    const { advanceTo } = failoverRun(1000);
    const region = screen.getByTestId('event-announcer');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    advanceTo(1400);
    expect(region).toBeEmptyDOMElement();
    advanceTo(1600);
    expect(region).toHaveTextContent('New event: fault at 1,500.0 ms: crash:0 applied');
    expect(lines().at(-1)).toBe('1,500.0 ms⚡ faultcrash:0 applied');
  });

  it('does not announce kinds left out, nor anything when announcing is off', async () => {
    const user = userEvent.setup();
    const { advanceTo } = failoverRun(1000);
    await user.click(screen.getByRole('checkbox', { name: 'fault' }));
    advanceTo(1600);
    const region = screen.getByTestId('event-announcer');
    expect(region).toBeEmptyDOMElement();
    await user.click(screen.getByRole('checkbox', { name: 'Announce new events' }));
    advanceTo(3000);
    expect(lines().at(-1)).toMatch(/Run ended at 3000 ms/);
    expect(region).toBeEmptyDOMElement();
  });
});
