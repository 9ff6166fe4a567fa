/**
 * Scenario version migrations: one function per old version n, turning the query pairs of version n into those of
 * version n + 1 (renamed keys, changed units). Decoding runs them in order up to SCENARIO_VERSION, so an old shared
 * link keeps opening the run it described. Version 1 is the first, so the table is empty for now.
 */
import { SCENARIO_VERSION } from './Scenario';

/** A query as ordered [key, value] pairs. */
export type QueryParams = readonly (readonly [string, string])[];

/** Turns version-n pairs into version-(n+1) pairs; may add notes for the user. */
export type Migration = (params: QueryParams) => { params: QueryParams; notes?: string[] };

/** version n → migration to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface MigrationResult {
  readonly params: QueryParams;
  /** The version the params are now in (SCENARIO_VERSION unless a step is missing). */
  readonly version: number;
  readonly notes: string[];
  /** Set when the version cannot be brought up to date (too new, or no migration for a step). */
  readonly error: string | null;
}

/** Runs the migrations from `fromVersion` up to `toVersion`. Never throws: a failing step is reported. */
export function migrateParams(
  params: QueryParams,
  fromVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  toVersion: number = SCENARIO_VERSION,
): MigrationResult {
  if (fromVersion > toVersion) {
    return {
      params,
      version: fromVersion,
      notes: [],
      error: `Scenario version ${fromVersion} is newer than this explorer (version ${toVersion}); reading it as version ${toVersion}`,
    };
  }
  let current = params;
  const notes: string[] = [];
  for (let v = fromVersion; v < toVersion; v++) {
    const step = Object.hasOwn(migrations, v) ? migrations[v] : undefined;
    if (step === undefined) {
      return {
        params: current,
        version: v,
        notes,
        error: `Scenario version ${v} is not supported (no migration to version ${v + 1}); reading it as version ${toVersion}`,
      };
    }
    try {
      const out = step(current);
      current = out.params;
      notes.push(...(out.notes ?? []).map((n) => `v${v}→v${v + 1}: ${n}`));
    } catch (e) {
      return {
        params: current,
        version: v,
        notes,
        error: `Migrating the scenario from version ${v} failed: ${(e as Error).message}`,
      };
    }
  }
  return { params: current, version: toVersion, notes, error: null };
}
