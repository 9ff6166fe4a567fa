// @vitest-environment node
/**
 * The inspector's slice of the store: select() remembers the target and sends the `select` command, a restarted
 * worker is told again, and the selectors read the detail and the pick list from a snapshot the model built.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../model/common/compress/Compression';
import { ProducerRun } from '../model/run/ProducerRun';
import type { RunSnapshot } from '../model/run/RunSnapshot';
import { SnapshotBuilder } from '../model/run/SnapshotBuilder';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { createAppStore, DEFAULT_SPEED } from './createAppStore';
import { FakeConnection } from './FakeConnection';
import { selectRecentRecords, selectSelected, selectSelection } from './selectors';

function setUp() {
  const connection = new FakeConnection();
  const store = createAppStore({ connection, initialQuery: 'keys=10' });
  return { connection, state: () => store.getState() };
}

/** A snapshot of a keyed run at 60 ms with rec-5 selected, as the worker would send it. */
function modelSnapshot(): RunSnapshot {
  const run = new ProducerRun(decodeScenario('keys=10&duration.ms=100').scenario);
  const builder = new SnapshotBuilder(run);
  builder.select({ kind: 'record', id: 5 });
  run.advanceTo(60);
  return builder.build();
}

beforeAll(async () => {
  await initCompression();
});

describe('the inspector in the store', () => {
  it('select() remembers the target and sends it to the worker; null closes it', () => {
    const { connection, state } = setUp();
    expect(selectSelected(state())).toBeNull();
    state().select({ kind: 'record', id: 12 });
    expect(selectSelected(state())).toEqual({ kind: 'record', id: 12 });
    state().select(null);
    expect(selectSelected(state())).toBeNull();
    expect(connection.sentOf('select')).toEqual([
      { type: 'select', target: { kind: 'record', id: 12 } },
      { type: 'select', target: null },
    ]);
  });

  it('tells a restarted worker what is selected, after init', () => {
    const { connection, state } = setUp();
    state().select({ kind: 'batch', id: 3 });
    connection.emit({ type: 'error', message: 'worker died', fatal: true });
    connection.sent.length = 0;
    state().restartWorker();
    expect(connection.sent).toEqual([
      { type: 'init', version: 3, query: 'keys=10', speed: DEFAULT_SPEED },
      { type: 'play' },
      { type: 'select', target: { kind: 'batch', id: 3 } },
    ]);
  });

  it('reads the selection and the pick list from the snapshot', () => {
    const { connection, state } = setUp();
    expect(selectSelection(state())).toBeNull();
    expect(selectRecentRecords(state())).toEqual([]);
    const snapshot = modelSnapshot();
    connection.emit({ type: 'snapshot', seq: 1, playing: true, speed: 100, snapshot });
    const selection = selectSelection(state());
    expect(selection).toBe(snapshot.selection);
    expect(selection?.kind === 'record' && selection.record.id).toBe(5);
    expect(selectRecentRecords(state())).toBe(snapshot.recentRecords);
    expect(selectRecentRecords(state()).length).toBe(30);
  });
});
