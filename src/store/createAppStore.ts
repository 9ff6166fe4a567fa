/**
 * The explorer's zustand store, made by a factory so each page and each test gets its own (xyflow's habit). It
 * binds one SimulationConnection: replies from the worker write the sim slice, actions send commands. The query (the
 * whole scenario, what the URL holds) is changed here optimistically, checked with the scenario codec first, and
 * handed to `onQueryChange` whenever it changes.
 */
import { createStore } from 'zustand/vanilla';
import type { ComparisonConnection } from '../protocol/comparison';
import type {
  HostCommand,
  HostReply,
  PROTOCOL_VERSION,
  SimulationConnection,
  Speed,
} from '../protocol/messages';
import type { AppState, Theme } from './AppState';
import { createComparisonStore } from './comparisons';
import type { AppStore } from './context';
import { MetricHistory } from './metricHistory';
import { canonicalQuery, checkSetting, withFault } from './scenarioQuery';

/**
 * The speed a page starts at, in simulated ms per wall second: a tenth of real time, so the default workload's
 * 1000 records/s arrive at 100 per second and a 5 ms linger.ms lasts 50 ms on screen: batches visibly fill.
 */
export const DEFAULT_SPEED: Speed = 100;

// A type-only import keeps the store free of protocol values; this fails to compile if the version moves on.
const VERSION: typeof PROTOCOL_VERSION = 3;

export interface AppStoreOptions {
  readonly connection: SimulationConnection;
  /** The page's query (location.search, with or without the '?'). */
  readonly initialQuery: string;
  /** Called with the new query (no '?') whenever it changes, e.g. to write it to the URL. */
  onQueryChange?(query: string): void;
  /** A new seed for newSeed() (default: from Math.random, a signed 32-bit integer). */
  randomSeed?(): number;
  readonly theme?: Theme;
  readonly reducedMotion?: boolean;
  readonly speed?: Speed;
  /** The comparison worker's connection (client/ComparisonClient); without it the tables cannot run. */
  readonly comparisons?: ComparisonConnection;
}

export type DisposableAppStore = AppStore & {
  /** Stops listening to the connection and stops calling onQueryChange. */
  dispose(): void;
};

function defaultRandomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) - 2 ** 31;
}

export function createAppStore(options: AppStoreOptions): DisposableAppStore {
  const { connection } = options;
  const randomSeed = options.randomSeed ?? defaultRandomSeed;
  const initialQuery = options.initialQuery.replace(/^\?/, '');
  // init/load commands sent and not yet answered by `loaded`: only the answer to the newest sets the query.
  let outstandingLoads = 0;
  // The last query the worker confirmed it runs (where a refused load leaves the page).
  let confirmedQuery = initialQuery;
  const send = (command: HostCommand) => connection.send(command);
  // Mutated in place on each snapshot (typed-array rings): the charts redraw from it at their own pace.
  const metricHistory = new MetricHistory();

  const store = createStore<AppState>()((set, get) => {
    const load = (query: string, sent: string, reason: string) => {
      outstandingLoads++;
      set({ query, configErrors: {} });
      send({ type: 'load', query: sent, reason });
    };
    // Shown at once; the host's next snapshot confirms it (it answers each of these with one).
    const expectHostState = (patch: Partial<AppState>) => set(patch);
    return {
      status: 'starting',
      snapshot: null,
      snapshotSeq: 0,
      playing: true,
      speed: options.speed ?? DEFAULT_SPEED,
      notice: null,
      problems: [],
      error: null,
      metricHistory,
      query: initialQuery,
      configErrors: {},
      theme: options.theme ?? 'light',
      colourBy: 'partition',
      reducedMotion: options.reducedMotion ?? false,
      selected: null,
      comparisons:
        options.comparisons === undefined
          ? undefined
          : createComparisonStore(options.comparisons, () => get().query),

      play() {
        expectHostState({ playing: true });
        send({ type: 'play' });
      },
      pause() {
        expectHostState({ playing: false });
        send({ type: 'pause' });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      step() {
        expectHostState({ playing: false });
        send({ type: 'step' });
      },
      setSpeed(speed) {
        expectHostState({ speed });
        send({ type: 'setSpeed', speed });
      },
      reset() {
        send({ type: 'reset' });
      },
      newSeed() {
        get().setSetting('seed', String(randomSeed()));
      },
      setSetting(key, value) {
        const current = get().query;
        const check = checkSetting(current, key, value);
        if (!check.ok) {
          set({ configErrors: { ...get().configErrors, [key]: check.message } });
          return;
        }
        if (check.query === canonicalQuery(current)) {
          if (Object.keys(get().configErrors).length > 0) set({ configErrors: {} });
          return;
        }
        const to = value === '' ? 'its default' : value;
        load(check.query, check.query, `${key} changed to ${to}`);
      },
      loadQuery(query, reason) {
        // The worker gets the query as given, so it can report its problems; the page shows the canonical form.
        const raw = query.replace(/^\?/, '');
        load(canonicalQuery(raw), raw, reason);
      },
      applyFault(fault) {
        send({ type: 'fault', fault });
      },
      setTheme(theme) {
        set({ theme });
      },
      setColourBy(colourBy) {
        set({ colourBy });
      },
      dismissNotice() {
        set({ notice: null });
      },
      dismissProblems() {
        set({ problems: [] });
      },
      dismissError() {
        if (get().error?.fatal === false) set({ error: null });
      },
      setReducedMotion(reducedMotion) {
        set({ reducedMotion });
      },
      select(target) {
        set({ selected: target });
        send({ type: 'select', target });
      },
      restartWorker() {
        connection.restart();
        set({ status: 'starting', error: null });
        sendInit(get().query);
      },
    };
  });

  /** A run from `query`, playing: a page starts moving, and so does a restarted worker. */
  function sendInit(query: string) {
    outstandingLoads = 1;
    store.setState({ playing: true });
    send({ type: 'init', version: VERSION, query, speed: get().speed });
    send({ type: 'play' });
    // A fresh worker knows nothing of the inspector's selection.
    const selected = get().selected ?? null;
    if (selected !== null) send({ type: 'select', target: selected });
  }
  const get = store.getState;

  function onReply(reply: HostReply) {
    switch (reply.type) {
      case 'ready':
        if (reply.version !== VERSION) {
          store.setState({
            status: 'crashed',
            playing: false,
            error: {
              message: `The simulation speaks protocol version ${reply.version}, this page ${VERSION}: reload the page.`,
              fatal: true,
            },
          });
        }
        return;
      case 'loaded': {
        outstandingLoads = Math.max(0, outstandingLoads - 1);
        metricHistory.clear();
        const latest = outstandingLoads === 0;
        if (latest) confirmedQuery = reply.query;
        store.setState({
          status: 'running',
          problems: reply.problems,
          notice: reply.notice,
          ...(latest ? { query: reply.query } : {}),
        });
        return;
      }
      case 'snapshot': {
        metricHistory.append(reply.snapshot);
        // The host's play state wins: it stops playing by itself when the run ends.
        store.setState({
          status: get().status === 'crashed' ? 'crashed' : 'running',
          snapshot: reply.snapshot,
          snapshotSeq: reply.seq,
          playing: reply.playing,
          speed: reply.speed,
        });
        return;
      }
      case 'faultApplied': {
        const query = withFault(get().query, reply.atMs, reply.fault);
        if (outstandingLoads === 0) confirmedQuery = query;
        store.setState({ query });
        return;
      }
      case 'error': {
        const error = { message: reply.message, fatal: reply.fatal };
        if (reply.fatal) {
          store.setState({ status: 'crashed', playing: false, error });
          return;
        }
        // A refused load leaves the run on its last scenario: so does the page (and the URL).
        if (outstandingLoads > 0) {
          outstandingLoads--;
          if (outstandingLoads === 0) store.setState({ query: confirmedQuery });
        }
        store.setState({ error });
        return;
      }
    }
  }

  const unsubscribeReplies = connection.subscribe(onReply);
  const unsubscribeQuery = store.subscribe((state, previous) => {
    if (state.query !== previous.query) options.onQueryChange?.(state.query);
  });
  sendInit(initialQuery);

  return Object.assign(store, {
    dispose() {
      unsubscribeReplies();
      unsubscribeQuery();
      store.getState().comparisons?.dispose();
    },
  });
}
