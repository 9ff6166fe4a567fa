// @vitest-environment node
/**
 * The comparison store against a fake comparison worker: a button's request carries the page's query, replies fill
 * the table of their request only, a newer request or a cancel ends the running one, and errors name their keys.
 * Rows are real ones, measured by the model on a very short run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../model/common/compress/Compression';
import { Comparison, type ComparisonRow } from '../model/run/Comparison';
import { acksVariants } from '../model/run/ComparisonVariants';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { createComparisonStore } from './comparisons';
import { createAppStore } from './createAppStore';
import { FakeComparisonConnection } from './FakeComparisonConnection';
import { FakeConnection } from './FakeConnection';

let rows: ComparisonRow[] = [];
let setup: Comparison['setup'];

beforeAll(async () => {
  await initCompression();
  const c = new Comparison(decodeScenario('').scenario, 'acks', acksVariants(), {
    maxDurationMs: 40,
    capacityMs: 5,
    chunksPerRun: 2,
  });
  setup = c.setup;
  rows = c.runAll();
});

function setupStore(query = 'linger.ms=20') {
  const connection = new FakeComparisonConnection();
  const store = createComparisonStore(connection, () => query);
  return { connection, store };
}

describe('createComparisonStore', () => {
  it("sends the page's query and fills the table from the replies", () => {
    const { connection, store } = setupStore();
    store.getState().run('acks');
    expect(connection.sent).toEqual([
      { type: 'compare', version: 1, id: 1, query: 'linger.ms=20', kind: 'acks' },
    ]);
    expect(store.getState().running).toBe('acks');
    connection.emit({ type: 'started', id: 1, kind: 'acks', setup });
    connection.emit({ type: 'progress', id: 1, kind: 'acks', done: 3, total: 18, label: 'acks=0' });
    connection.emit({ type: 'row', id: 1, kind: 'acks', row: rows[0] });
    let table = store.getState().tables.acks;
    expect(table).toMatchObject({ status: 'running', setup, rows: [rows[0]] });
    expect(table?.progress).toEqual({ done: 3, total: 18, label: 'acks=0' });
    connection.emit({ type: 'row', id: 1, kind: 'acks', row: rows[1] });
    connection.emit({ type: 'done', id: 1, kind: 'acks' });
    table = store.getState().tables.acks;
    expect(table?.status).toBe('done');
    expect(table?.rows).toEqual([rows[0], rows[1]]);
    expect(store.getState().running).toBeNull();
  });

  it('a newer request cancels the running one, whose late replies are ignored', () => {
    const { connection, store } = setupStore();
    store.getState().run('acks');
    store.getState().run('compression');
    expect(store.getState().tables.acks?.status).toBe('cancelled');
    expect(store.getState().running).toBe('compression');
    connection.emit({ type: 'row', id: 1, kind: 'acks', row: rows[0] });
    expect(store.getState().tables.acks?.rows).toEqual([]);
    connection.emit({ type: 'cancelled', id: 1, kind: 'acks' });
    expect(store.getState().running).toBe('compression');
  });

  it('cancel tells the worker and marks the table', () => {
    const { connection, store } = setupStore();
    store.getState().cancel();
    expect(connection.sent).toEqual([]);
    store.getState().run('recommended');
    store.getState().cancel();
    expect(connection.sent[1]).toEqual({ type: 'cancel' });
    expect(store.getState().tables.recommended?.status).toBe('cancelled');
    expect(store.getState().running).toBeNull();
  });

  it('keeps a refusal with the keys it names, and a worker failure for the running table', () => {
    const { connection, store } = setupStore();
    store.getState().run('acks');
    connection.emit({
      type: 'error',
      id: 1,
      message: 'linger.ms: Invalid value',
      keys: ['linger.ms'],
    });
    expect(store.getState().tables.acks?.error).toEqual({
      message: 'linger.ms: Invalid value',
      keys: ['linger.ms'],
    });
    store.getState().run('compression');
    connection.emit({ type: 'error', id: -1, message: 'The comparison worker failed', keys: [] });
    expect(store.getState().tables.compression?.status).toBe('error');
    expect(store.getState().running).toBeNull();
  });
});

describe('createAppStore with a comparison worker', () => {
  it("runs comparisons on the page's current query and ends the worker on dispose", () => {
    const comparisons = new FakeComparisonConnection();
    const app = createAppStore({
      connection: new FakeConnection(),
      initialQuery: '?acks=1&keys=10',
      comparisons,
    });
    const store = app.getState().comparisons;
    if (store === undefined) throw new Error('no comparison store');
    store.getState().run('acks');
    expect(comparisons.sent[0]).toMatchObject({ type: 'compare', query: 'acks=1&keys=10' });
    app.dispose();
    expect(comparisons.disposed).toBe(true);
  });

  it('has none without one', () => {
    const app = createAppStore({ connection: new FakeConnection(), initialQuery: '' });
    expect(app.getState().comparisons).toBeUndefined();
  });
});
