// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../model/run/RunSnapshot';
import { createAppStore, DEFAULT_SPEED } from './createAppStore';
import { FakeConnection } from './FakeConnection';

function setUp(initialQuery = '', seeds: number[] = [42]) {
  const connection = new FakeConnection();
  const urls: string[] = [];
  const store = createAppStore({
    connection,
    initialQuery,
    onQueryChange: (q) => urls.push(q),
    randomSeed: () => seeds.shift() ?? 7,
  });
  return { connection, store, urls, state: () => store.getState() };
}

/** The store only carries snapshots through; this one stands for whatever the worker sent. */
const SNAPSHOT = { nowMs: 12.5 } as unknown as RunSnapshot;

describe('createAppStore', () => {
  it('starts the run at a learning speed and plays', () => {
    const { connection, state } = setUp('?linger.ms=20');
    expect(connection.sent).toEqual([
      { type: 'init', version: 3, query: 'linger.ms=20', speed: DEFAULT_SPEED },
      { type: 'play' },
    ]);
    expect(DEFAULT_SPEED).toBe(100);
    expect(state()).toMatchObject({ status: 'starting', playing: true, query: 'linger.ms=20' });
    expect(connection.listenerCount).toBe(1);
  });

  it('takes the canonical query, problems and notice from loaded, and tells the URL', () => {
    const { connection, state, urls } = setUp('linger.ms=-1&batch.size=65536');
    const problems = [
      { key: 'linger.ms', value: '-1', message: 'Invalid value -1', severity: 'error' as const },
    ];
    connection.emit({ type: 'loaded', query: 'batch.size=65536', problems, notice: null });
    expect(state()).toMatchObject({ status: 'running', query: 'batch.size=65536', problems });
    expect(urls).toEqual(['batch.size=65536']);
    state().dismissProblems();
    expect(state().problems).toEqual([]);
  });

  it('applies snapshots: the snapshot, its sequence number and the host play state', () => {
    const { connection, state } = setUp();
    connection.emit({ type: 'snapshot', seq: 3, playing: false, speed: 'max', snapshot: SNAPSHOT });
    expect(state()).toMatchObject({ snapshot: SNAPSHOT, snapshotSeq: 3, playing: false });
    expect(state().speed).toBe('max');
  });

  it('sends the time commands', () => {
    const { connection, state } = setUp();
    connection.sent.length = 0;
    state().togglePlay();
    expect(state().playing).toBe(false);
    state().togglePlay();
    state().step();
    state().setSpeed(1);
    state().reset();
    expect(connection.sent.map((c) => c.type)).toEqual([
      'pause',
      'play',
      'step',
      'setSpeed',
      'reset',
    ]);
    expect(state()).toMatchObject({ playing: false, speed: 1 });
  });

  it('setSetting merges the key into the query and restarts the run with a reason', () => {
    const { connection, state, urls } = setUp('batch.size=65536');
    state().setSetting('linger.ms', '20');
    expect(connection.sentOf('load')).toEqual([
      { type: 'load', query: 'batch.size=65536&linger.ms=20', reason: 'linger.ms changed to 20' },
    ]);
    expect(state().query).toBe('batch.size=65536&linger.ms=20');
    expect(urls).toEqual(['batch.size=65536&linger.ms=20']);
  });

  it("setSetting refuses an impossible producer config with Kafka's own words", () => {
    const { connection, state, urls } = setUp();
    state().setSetting('max.in.flight.requests.per.connection', '6');
    expect(state().configErrors).toEqual({
      'max.in.flight.requests.per.connection':
        'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.',
    });
    state().setSetting('linger.ms', '-1');
    expect(state().configErrors['linger.ms']).toBe(
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(connection.sentOf('load')).toEqual([]);
    expect(state().query).toBe('');
    expect(urls).toEqual([]);

    state().setSetting('linger.ms', '0');
    expect(state().configErrors).toEqual({});
    expect(connection.sentOf('load')).toHaveLength(1);
  });

  it('reports a combination on the key that was changed, naming the other', () => {
    const { state } = setUp('acks=1');
    state().setSetting('enable.idempotence', 'true');
    expect(state().configErrors['enable.idempotence']).toBe(
      'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
    );
    expect(state().query).toBe('acks=1');
  });

  it('refuses cluster values out of range, and drops a cluster key set back to its default', () => {
    const { connection, state } = setUp('partitions=12');
    state().setSetting('partitions', '0');
    expect(state().configErrors.partitions).toMatch(
      /^Invalid value 0 for partitions: Value must be at least 1/,
    );
    state().setSetting('partitions', '6');
    expect(state().query).toBe('');
    state().setSetting('linger.ms', '5');
    expect(state().query).toBe('linger.ms=5');
    state().setSetting('linger.ms', '');
    expect(state().query).toBe('');
    expect(connection.sentOf('load').map((c) => c.reason)).toEqual([
      'partitions changed to 6',
      'linger.ms changed to 5',
      'linger.ms changed to its default',
    ]);
  });

  it('does not restart for a value the query already has', () => {
    const { connection, state } = setUp('linger.ms=20');
    state().setSetting('linger.ms', '20');
    state().setSetting('brokers', '3');
    expect(connection.sentOf('load')).toEqual([]);
  });

  it('adds an applied fault to the query without restarting the run', () => {
    const { connection, state, urls } = setUp('linger.ms=20');
    state().applyFault('crash:1');
    expect(connection.sentOf('fault')).toEqual([{ type: 'fault', fault: 'crash:1' }]);
    connection.emit({ type: 'faultApplied', atMs: 1234.5, fault: 'crash:1' });
    expect(state().query).toBe('linger.ms=20&fault=1234.5%3Acrash%3A1');
    expect(urls).toEqual(['linger.ms=20&fault=1234.5%3Acrash%3A1']);
    expect(connection.sentOf('load')).toEqual([]);
  });

  it('newSeed writes a fresh seed to the query and restarts', () => {
    const { connection, state } = setUp('linger.ms=20', [42]);
    state().newSeed();
    expect(state().query).toBe('seed=42&linger.ms=20');
    expect(connection.sentOf('load')[0].reason).toBe('seed changed to 42');
  });

  it('keeps the newest query while an older load is answered', () => {
    const { connection, state } = setUp();
    connection.emit({ type: 'loaded', query: '', problems: [], notice: null });
    state().setSetting('linger.ms', '20');
    state().setSetting('batch.size', '65536');
    connection.emit({ type: 'loaded', query: 'linger.ms=20', problems: [], notice: 'linger.ms …' });
    expect(state().query).toBe('batch.size=65536&linger.ms=20');
    connection.emit({
      type: 'loaded',
      query: 'batch.size=65536&linger.ms=20',
      problems: [],
      notice: 'batch.size changed to 65536 — the run restarted',
    });
    expect(state()).toMatchObject({
      query: 'batch.size=65536&linger.ms=20',
      notice: 'batch.size changed to 65536 — the run restarted',
    });
    state().dismissNotice();
    expect(state().notice).toBeNull();
  });

  it('goes back to the running query when the worker refuses a load', () => {
    const { connection, state, urls } = setUp();
    connection.emit({ type: 'loaded', query: '', problems: [], notice: null });
    state().setSetting('linger.ms', '20');
    connection.emit({ type: 'error', message: 'refused', fatal: false });
    expect(state().query).toBe('');
    expect(state().error).toEqual({ message: 'refused', fatal: false });
    expect(urls).toEqual(['linger.ms=20', '']);
    state().dismissError();
    expect(state().error).toBeNull();
  });

  it('shows a fatal error and restarts the worker with the current query', () => {
    const { connection, state } = setUp('linger.ms=20');
    connection.emit({ type: 'error', message: 'worker died', fatal: true });
    expect(state()).toMatchObject({ status: 'crashed', playing: false });
    state().dismissError();
    expect(state().error).toEqual({ message: 'worker died', fatal: true });
    connection.sent.length = 0;
    state().restartWorker();
    expect(connection.restarts).toBe(1);
    expect(connection.sent).toEqual([
      { type: 'init', version: 3, query: 'linger.ms=20', speed: DEFAULT_SPEED },
      { type: 'play' },
    ]);
    expect(state()).toMatchObject({ status: 'starting', error: null, playing: true });
  });

  it('treats a worker of another protocol version as fatal', () => {
    const { connection, state } = setUp();
    connection.emit({ type: 'ready', version: 3 });
    expect(state().error).toBeNull();
    connection.emit({ type: 'ready', version: 4 });
    expect(state().error?.fatal).toBe(true);
  });

  it('loadQuery sends the preset as given and shows its canonical form', () => {
    const { connection, state } = setUp('linger.ms=20');
    state().loadQuery('?acks=1&linger.ms=0', 'preset Low latency');
    expect(connection.sentOf('load')).toEqual([
      { type: 'load', query: 'acks=1&linger.ms=0', reason: 'preset Low latency' },
    ]);
    expect(state().query).toBe('linger.ms=0&acks=1');
  });

  it('keeps UI preferences and stops listening when disposed', () => {
    const { connection, store, state } = setUp();
    state().setTheme('dark');
    state().setColourBy('key');
    state().setReducedMotion(true);
    expect(state()).toMatchObject({ theme: 'dark', colourBy: 'key', reducedMotion: true });
    store.dispose();
    expect(connection.listenerCount).toBe(0);
  });
});
