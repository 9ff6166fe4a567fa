/**
 * Named selectors over the explorer's store: components subscribe to the smallest slice they need through these
 * (`useAppStore(selectNowMs)`), so a snapshot re-renders only what reads it. Derived values are memoised on their
 * input, so a selector returns the same object until that input changes (zustand compares with Object.is).
 */
import type {
  Counters,
  Inspection,
  InspectTarget,
  RecordSummary,
  RunSnapshot,
  SnapshotSettings,
} from '../model/run/RunSnapshot';
import type { Speed } from '../protocol/messages';
import type { Problem, Scenario } from '../scenario/Scenario';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { scenarioKey } from '../scenario/ScenarioKeys';
import { type ScenarioValue, writeValue } from '../scenario/ScenarioValues';
import type { AppState, ColourBy, Theme, WorkerStatus } from './AppState';
import type { MetricHistory } from './metricHistory';

export const selectSnapshot = (s: AppState): RunSnapshot | null => s.snapshot;
export const selectSnapshotSeq = (s: AppState): number => s.snapshotSeq;
/** Simulated ms of the newest snapshot (0 before the first). */
export const selectNowMs = (s: AppState): number => s.snapshot?.nowMs ?? 0;
export const selectPlaying = (s: AppState): boolean => s.playing;
export const selectSpeed = (s: AppState): Speed => s.speed;
export const selectStatus = (s: AppState): WorkerStatus => s.status;
export const selectCounters = (s: AppState): Counters | null => s.snapshot?.counters ?? null;
export const selectSettings = (s: AppState): SnapshotSettings | null =>
  s.snapshot?.settings ?? null;
/** Every producer config as Kafka resolved it, by Kafka name (empty before the first snapshot). */
export const selectEffectiveConfig = (s: AppState): Readonly<Record<string, string>> =>
  s.snapshot?.settings.effective ?? NO_EFFECTIVE;
export const selectRunEnd = (s: AppState) => s.snapshot?.end ?? 'running';
export const selectQuery = (s: AppState): string => s.query;
export const selectNotice = (s: AppState): string | null => s.notice;
export const selectProblems = (s: AppState): readonly Problem[] => s.problems;
export const selectError = (s: AppState) => s.error;
export const selectConfigErrors = (s: AppState): Readonly<Record<string, string>> => s.configErrors;
export const selectTheme = (s: AppState): Theme => s.theme;
export const selectColourBy = (s: AppState): ColourBy => s.colourBy;
export const selectReducedMotion = (s: AppState): boolean => s.reducedMotion;
/** The charted metrics' history (null in a test store made without one); read `version` to know it changed. */
export const selectMetricHistory = (s: AppState): MetricHistory | null => s.metricHistory ?? null;

const NO_EFFECTIVE: Readonly<Record<string, string>> = Object.freeze({});

/** What the inspector looks at (the page's choice, shown before the worker's detail arrives). */
export const selectSelected = (s: AppState): InspectTarget | null => s.selected ?? null;
/** The selected item's detail from the newest snapshot (null: nothing selected, or not answered yet). */
export const selectSelection = (s: AppState): Inspection | null => s.snapshot?.selection ?? null;
/** The most recent records sent, oldest first: the inspector's pick list (empty before the first snapshot). */
export const selectRecentRecords = (s: AppState): readonly RecordSummary[] =>
  s.snapshot?.recentRecords ?? NO_RECORDS;

const NO_RECORDS: readonly RecordSummary[] = Object.freeze([]);

let lastQuery: string | null = null;
let lastScenario: Scenario | null = null;

/** The scenario the query decodes to (what the run was built from); decoded once per distinct query. */
export function selectScenario(s: AppState): Scenario {
  if (lastScenario === null || s.query !== lastQuery) {
    lastScenario = decodeScenario(s.query).scenario;
    lastQuery = s.query;
  }
  return lastScenario;
}

/** The seed of the run. */
export const selectSeed = (s: AppState): number => selectScenario(s).seed;

/**
 * The current raw value of one scenario key as the query holds it: a producer config as given (undefined when not
 * set, so Kafka's default applies), or a cluster / workload / cost / run key's decoded value written back as text
 * (its default when absent). A string, so zustand's equality check keeps components still between changes.
 */
export function scenarioValue(scenario: Scenario, key: string): string | undefined {
  const def = scenarioKey(key);
  if (def === undefined) {
    return Object.hasOwn(scenario.producer, key) ? scenario.producer[key] : undefined;
  }
  const section =
    def.section === 'top'
      ? (scenario as unknown as Record<string, unknown>)
      : (scenario[def.section] as unknown as Record<string, unknown>);
  return writeValue(section[def.field] as ScenarioValue);
}

const settingSelectors = new Map<string, (s: AppState) => string | undefined>();

/** A selector for one key's current raw value (see scenarioValue); the same function for the same key. */
export function selectSetting(key: string): (s: AppState) => string | undefined {
  let selector = settingSelectors.get(key);
  if (selector === undefined) {
    selector = (s) => scenarioValue(selectScenario(s), key);
    settingSelectors.set(key, selector);
  }
  return selector;
}

/** Kafka's error text for a setting being edited, or undefined. */
export function selectConfigError(key: string): (s: AppState) => string | undefined {
  return (s) => s.configErrors[key];
}
