/**
 * The comparison tables' state: a small zustand store of its own, bound to the comparison worker's connection
 * (protocol/comparison.ts), so the main store and its subscribers are not disturbed by a comparison's many progress
 * replies. The main store holds it (`AppState.comparisons`); components read it through `useComparisons(selector)`.
 * One request runs at a time: asking for another table cancels the running one.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  COMPARISON_PROTOCOL_VERSION,
  ComparisonConnection,
  ComparisonKind,
  ComparisonReply,
  ComparisonRow,
  ComparisonSetup,
} from '../protocol/comparison';
import { useAppStore } from './context';

// A type-only import keeps the store free of protocol values; this fails to compile if the version moves on.
const VERSION: typeof COMPARISON_PROTOCOL_VERSION = 1;

export type ComparisonStatus = 'running' | 'done' | 'cancelled' | 'error';

/** One table: the latest request of its kind and what came back. */
export interface ComparisonTable {
  readonly kind: ComparisonKind;
  readonly requestId: number;
  readonly status: ComparisonStatus;
  /** The scenario query it ran (what the caption describes). */
  readonly query: string;
  readonly setup: ComparisonSetup | null;
  readonly progress: {
    readonly done: number;
    readonly total: number;
    readonly label: string;
  } | null;
  /** In table order, as they arrive. */
  readonly rows: readonly ComparisonRow[];
  /** Why it stopped; `keys` names the refused scenario keys. */
  readonly error: { readonly message: string; readonly keys: readonly string[] } | null;
}

export interface ComparisonState {
  /** False when the page has no comparison worker (component tests of other panels). */
  readonly available: boolean;
  /** The kind running now, or null. */
  readonly running: ComparisonKind | null;
  readonly tables: Readonly<Partial<Record<ComparisonKind, ComparisonTable>>>;
  /** Runs the current scenario under each variant of `kind` (cancelling a running comparison). */
  run(kind: ComparisonKind): void;
  cancel(): void;
}

export type ComparisonStore = StoreApi<ComparisonState> & {
  /** Stops listening to the connection and ends it. */
  dispose(): void;
};

/** `currentQuery` gives the scenario to compare (the page's query) when a button is pressed. */
export function createComparisonStore(
  connection: ComparisonConnection,
  currentQuery: () => string,
): ComparisonStore {
  let nextId = 1;
  const store = createStore<ComparisonState>()((set, get) => ({
    available: true,
    running: null,
    tables: {},
    run(kind) {
      const id = nextId++;
      const query = currentQuery();
      const running = get().running;
      // The worker cancels the old request itself when the new one arrives; the table shows it at once.
      const tables = running === null ? get().tables : patch(get().tables, running, 'cancelled');
      const table: ComparisonTable = {
        kind,
        requestId: id,
        status: 'running',
        query,
        setup: null,
        progress: null,
        rows: [],
        error: null,
      };
      set({ running: kind, tables: { ...tables, [kind]: table } });
      connection.send({ type: 'compare', version: VERSION, id, query, kind });
    },
    cancel() {
      const running = get().running;
      if (running === null) return;
      connection.send({ type: 'cancel' });
      set({ running: null, tables: patch(get().tables, running, 'cancelled') });
    },
  }));

  function onReply(reply: ComparisonReply): void {
    const { tables, running } = store.getState();
    // A worker failure (id -1) belongs to whatever was running.
    const table =
      reply.id === -1 && running !== null
        ? tables[running]
        : Object.values(tables).find((t) => t?.requestId === reply.id);
    if (table === undefined || table.status !== 'running') return;
    const [next, finished] = changeOf(reply, table);
    store.setState({
      tables: { ...tables, [table.kind]: { ...table, ...next } },
      ...(finished && running === table.kind ? { running: null } : {}),
    });
  }

  const unsubscribe = connection.subscribe(onReply);
  return Object.assign(store, {
    dispose() {
      unsubscribe();
      connection.dispose();
    },
  });
}

/** What a reply changes in its table, and whether it ends the request. */
function changeOf(
  reply: ComparisonReply,
  table: ComparisonTable,
): [Partial<ComparisonTable>, boolean] {
  switch (reply.type) {
    case 'started':
      return [{ setup: reply.setup }, false];
    case 'progress':
      return [{ progress: { done: reply.done, total: reply.total, label: reply.label } }, false];
    case 'row':
      return [{ rows: [...table.rows, reply.row] }, false];
    case 'done':
      return [{ status: 'done' }, true];
    case 'cancelled':
      return [{ status: 'cancelled' }, true];
    case 'error':
      return [{ status: 'error', error: { message: reply.message, keys: reply.keys } }, true];
  }
}

function patch(
  tables: ComparisonState['tables'],
  kind: ComparisonKind,
  status: ComparisonStatus,
): ComparisonState['tables'] {
  const table = tables[kind];
  if (table === undefined || table.status !== 'running') return tables;
  return { ...tables, [kind]: { ...table, status } };
}

/** Stands in when the page has no comparison worker: nothing runs, and the panel says so. */
const UNAVAILABLE: StoreApi<ComparisonState> = createStore<ComparisonState>()(() => ({
  available: false,
  running: null,
  tables: {},
  run() {},
  cancel() {},
}));

/** Subscribes a component to a slice of the comparison store of the page's AppStore. */
export function useComparisons<T>(selector: (state: ComparisonState) => T): T {
  const store = useAppStore((s) => s.comparisons) ?? UNAVAILABLE;
  return useStore(store, selector);
}

export const selectComparisonTable =
  (kind: ComparisonKind) =>
  (s: ComparisonState): ComparisonTable | null =>
    s.tables[kind] ?? null;
export const selectRunningComparison = (s: ComparisonState): ComparisonKind | null => s.running;
export const selectComparisonsAvailable = (s: ComparisonState): boolean => s.available;
