/**
 * The shape of the explorer's zustand store: a sim slice written only by the worker binding (SimulationClient →
 * store), and a UI slice changed by actions. Components read small slices through the selectors in selectors.ts.
 */
import type { InspectTarget, RunSnapshot } from '../model/run/RunSnapshot';
import type { Speed } from '../protocol/messages';
import type { Problem } from '../scenario/Scenario';
import type { ComparisonStore } from './comparisons';
import type { MetricHistory } from './metricHistory';

export type Theme = 'light' | 'dark';
export type ColourBy = 'partition' | 'key';

export type WorkerStatus = 'starting' | 'running' | 'crashed';

export interface SimSlice {
  readonly status: WorkerStatus;
  /** The newest snapshot, null until the first arrives. */
  readonly snapshot: RunSnapshot | null;
  /** Sequence number of `snapshot`. */
  readonly snapshotSeq: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Why the run last restarted ("linger.ms changed: …"), shown until dismissed or the next restart. */
  readonly notice: string | null;
  /** The decoder's problems with the URL the page opened (or the last loaded query). */
  readonly problems: readonly Problem[];
  /** A worker crash (fatal) or a refused command, shown with the page's restart button when fatal. */
  readonly error: { readonly message: string; readonly fatal: boolean } | null;
  /**
   * The charted metrics' recent past (a mutable ring, the same object for the store's life: compare its `version`).
   * Written only by the worker binding; optional so test stores without one still type-check.
   */
  readonly metricHistory?: MetricHistory;
}

export interface UiSlice {
  /** The scenario query the run was built from (canonical, no '?'): what the URL holds. */
  readonly query: string;
  /**
   * Producer-config errors in Kafka's wording for the settings being edited, by key (an impossible combination
   * such as max.in.flight.requests.per.connection=6 with enable.idempotence=true); the run keeps its last good
   * scenario while any is present.
   */
  readonly configErrors: Readonly<Record<string, string>>;
  readonly theme: Theme;
  readonly colourBy: ColourBy;
  readonly reducedMotion: boolean;
  /**
   * What the inspector looks at (`rec-12`, `batch-7`, `req-4`); null or absent for nothing. Its detail arrives in
   * `snapshot.selection` (selectSelection) with the next snapshot and is kept when the run restarts. Optional so
   * test stores without it still type-check.
   */
  readonly selected?: InspectTarget | null;
  /**
   * The comparison tables' own small store (store/comparisons.ts), bound to the comparison worker; the same object
   * for the store's life. Optional so test stores without a comparison worker still type-check.
   */
  readonly comparisons?: ComparisonStore;
}

export interface AppActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: Speed): void;
  /** Same scenario from 0 ms, same seed. */
  reset(): void;
  /** A new random seed (written to the URL), run restarts. */
  newSeed(): void;
  /**
   * Sets one scenario key (a Kafka producer config such as `linger.ms`, or a cluster / workload key such as
   * `partitions`) to a raw string value; '' removes it from the query, and so does the default of a cluster /
   * workload key (a producer config is kept as given even when it equals Kafka's default: to Kafka, an explicit
   * `enable.idempotence=true` is not the default). Validates first: a producer config Kafka would refuse is kept
   * in `configErrors` and not applied.
   */
  setSetting(key: string, value: string): void;
  /** Replace the whole scenario (a preset's query). */
  loadQuery(query: string, reason: string): void;
  /** A fault command in FaultSyntax, applied now in the running simulation. */
  applyFault(fault: string): void;
  setTheme(theme: Theme): void;
  setColourBy(colourBy: ColourBy): void;
  dismissNotice(): void;
  /** Hides the list of the link's problems (the run already uses the defaults for them). */
  dismissProblems(): void;
  /** Hides a refused command's error (a fatal one stays until restartWorker). */
  dismissError(): void;
  /** Follows the system's prefers-reduced-motion (the page listens to matchMedia). */
  setReducedMotion(reducedMotion: boolean): void;
  /** After a fatal worker error: a fresh worker with the current query. */
  restartWorker(): void;
  /** Inspect a record, batch or request (null: close the inspector); the worker answers with a snapshot. */
  select(target: InspectTarget | null): void;
}

export type AppState = SimSlice & UiSlice & AppActions;
