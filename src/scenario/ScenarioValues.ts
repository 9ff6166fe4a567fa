/**
 * Reads and writes one scenario value by the kind its key declares (ScenarioKeys.ts): strict numbers with bounds,
 * booleans, enums, strings, comma lists, Kafka's topic-name rules. Reading never throws: it returns the value or a
 * reason, which the codec turns into a problem and a fallback to the default.
 */
import { javaTrim } from '../model/clients/producer/ConfigDef';
import type { ScenarioKey } from './ScenarioKeys';

export type ScenarioValue = number | boolean | string | readonly string[] | null;

export type ReadResult = { ok: true; value: ScenarioValue } | { ok: false; reason: string };

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const TOPIC_CHARS = /^[a-zA-Z0-9._-]*$/;

function fail(reason: string): ReadResult {
  return { ok: false, reason };
}

/** Kafka's Topic.validate reasons ("Topic name is invalid: …"), or null when the name is legal. */
export function topicNameProblem(name: string): string | null {
  let reason: string | null = null;
  if (name === '') reason = 'the empty string is not allowed';
  else if (name === '.') reason = "'.' is not allowed";
  else if (name === '..') reason = "'..' is not allowed";
  else if (name.length > 249)
    reason = `the length of '${name}' is longer than the max allowed length 249`;
  else if (!TOPIC_CHARS.test(name)) {
    reason = `'${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return reason === null ? null : `Topic name is invalid: ${reason}`;
}

function readNumber(
  def: Extract<ScenarioKey, { kind: 'int' | 'number' }>,
  raw: string,
): ReadResult {
  const text = javaTrim(raw);
  const isInt = def.kind === 'int';
  if (!(isInt ? INTEGER : DECIMAL).test(text)) {
    return fail(isInt ? 'Not a number of type INT' : 'Not a number');
  }
  const n = Number(text);
  if (isInt && !Number.isSafeInteger(n)) return fail('Not a number of type INT');
  if (!Number.isFinite(n)) return fail('Not a number');
  if (def.minusOne !== undefined && n === -1) return { ok: true, value: -1 };
  const orMinusOne = def.minusOne !== undefined ? `-1 (${def.minusOne}) or ` : '';
  if (def.minExclusive ? n <= def.min : n < def.min) {
    const bound = def.minExclusive ? `greater than ${def.min}` : `at least ${def.min}`;
    return fail(`Value must be ${orMinusOne}${bound}`);
  }
  if (n > def.max) return fail(`Value must be no more than ${def.max}`);
  // -0 would encode as "0" and decode as 0: keep one zero.
  return { ok: true, value: n === 0 ? 0 : n };
}

/** Parses `raw` for `def`. Strings and lists are taken verbatim (a key separator may be whitespace). */
export function readValue(def: ScenarioKey, raw: string): ReadResult {
  switch (def.kind) {
    case 'int':
    case 'number':
      return readNumber(def, raw);
    case 'boolean': {
      const lower = javaTrim(raw).toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return fail('Expected value to be either true or false');
    }
    case 'enum': {
      const text = javaTrim(raw);
      if (def.values.includes(text)) return { ok: true, value: text };
      return fail(`String must be one of: ${def.values.join(', ')}`);
    }
    case 'topic': {
      const problem = topicNameProblem(raw);
      return problem === null ? { ok: true, value: raw } : fail(problem);
    }
    case 'string':
      if (raw.length < def.minLength)
        return fail(`Value must be at least ${def.minLength} character(s) long`);
      if (raw.length > def.maxLength)
        return fail(`Value must be at most ${def.maxLength} characters long`);
      return { ok: true, value: raw };
    case 'list': {
      if (raw === '') return { ok: true, value: null };
      const items = raw.split(',');
      if (items.length > def.maxItems) return fail(`List must have at most ${def.maxItems} items`);
      return { ok: true, value: items };
    }
    case 'optional-int': {
      if (javaTrim(raw) === '') return { ok: true, value: null };
      return readNumber({ ...def, kind: 'int', defaultValue: 0 }, raw);
    }
  }
}

/** The query text of a value (null → ''). */
export function writeValue(value: ScenarioValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** How a default is shown in messages and the README (`\t` as `\\t`, null as `none`). */
export function showValue(value: ScenarioValue): string {
  if (value === null) return 'none';
  return JSON.stringify(writeValue(value)).slice(1, -1) || '""';
}
