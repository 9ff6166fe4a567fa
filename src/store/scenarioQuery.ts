/**
 * Edits of the scenario query the store makes on the page's behalf: one key set or removed, a fault appended, a
 * change checked before it is applied. All in the scenario codec's terms, so the page and the worker read the same
 * query the same way. Pure functions.
 */
import { buildQueryString, parseQueryString } from '../lib/queryString';
import type { Problem } from '../scenario/Scenario';
import { decodeScenario, encodeScenario, mergeScenarioQueries } from '../scenario/ScenarioCodec';
import { FAULT_KEY } from '../scenario/ScenarioFaults';

/** The codec's own form of a query: stable key order, defaults omitted, bad values dropped. */
export function canonicalQuery(query: string): string {
  return encodeScenario(decodeScenario(query).scenario);
}

/** `query` with `key` set to `value` (replacing it), or removed when `value` is ''. */
export function withSetting(query: string, key: string, value: string): string {
  if (value !== '') return mergeScenarioQueries(query, buildQueryString([[key, value]]));
  const kept = parseQueryString(query)
    .filter((p) => p.key !== key)
    .map((p): [string, string] => [p.key, p.value]);
  return buildQueryString(kept);
}

/** `query` with one more fault on its timeline, `fault=<atMs>:<fault>` (canonical: faults in time order). */
export function withFault(query: string, atMs: number, fault: string): string {
  const pairs = parseQueryString(query).map((p): [string, string] => [p.key, p.value]);
  pairs.push([FAULT_KEY, `${atMs}:${fault}`]);
  return canonicalQuery(buildQueryString(pairs));
}

export type SettingCheck =
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly message: string };

const sameProblem = (a: Problem, b: Problem) => a.key === b.key && a.message === b.message;

/**
 * Checks `key=value` against `query`: any error the change brings (a value out of range, a producer-config
 * combination Kafka refuses, a replication factor above the brokers, a fault on a broker that no longer exists) is
 * refused with the decoder's text, which for producer configs is Kafka's own. Errors the query already had do not
 * block. On success, the new canonical query.
 */
export function checkSetting(query: string, key: string, value: string): SettingCheck {
  const before = decodeScenario(query).problems.filter((p) => p.severity === 'error');
  const after = decodeScenario(withSetting(query, key, value));
  const added = after.problems.filter(
    (p) => p.severity === 'error' && !before.some((b) => sameProblem(b, p)),
  );
  if (added.length > 0) {
    // The problem on the key itself first: it is the one the person just touched.
    const own = added.filter((p) => p.key === key);
    const message = (own.length > 0 ? own : added).map((p) => p.message).join(' ');
    return { ok: false, message };
  }
  return { ok: true, query: encodeScenario(after.scenario) };
}
