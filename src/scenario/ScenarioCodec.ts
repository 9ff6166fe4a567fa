/**
 * The scenario ⇄ URL query codec. Decoding never throws: every bad, duplicate or unknown key becomes a problem
 * naming the key, and a bad value falls back to its default. Producer configs are checked by the model's
 * parseProducerConfig, so they fail with Kafka's own messages. Encoding writes keys in a stable order and omits
 * defaults (the default scenario is ''), escaping like URLSearchParams. Simulation-only.
 */
import { buildQueryString, parseQueryString } from '../lib/queryString';
import {
  PRODUCER_CONFIG_KEYS,
  producerConfigKey,
} from '../model/clients/producer/ProducerConfigKeys';
import { migrateParams, type QueryParams } from './migrations';
import {
  DEFAULT_SCENARIO,
  defaultReplicationFactor,
  type Problem,
  SCENARIO_VERSION,
  type Scenario,
} from './Scenario';
import { checkCrossSettings, checkProducer } from './ScenarioChecks';
import { decodeFaults, encodeFaults, FAULT_KEY } from './ScenarioFaults';

export type { Problem } from './Scenario';

import { SCENARIO_KEYS, type ScenarioKey, scenarioKey, VERSION_KEY } from './ScenarioKeys';
import { readValue, type ScenarioValue, showValue, writeValue } from './ScenarioValues';

export interface DecodedScenario {
  readonly scenario: Scenario;
  readonly problems: Problem[];
}

/** True when a run should not start as given: some value was rejected (and replaced by its default). */
export function scenarioProblemsFatal(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Reads a scenario from a query string (with or without a leading '?'). Never throws. */
export function decodeScenario(query: string): DecodedScenario {
  try {
    return decode(typeof query === 'string' ? query : String(query));
  } catch (e) {
    // Defensive: decoding is written not to throw; if it ever does, the run still gets a usable scenario.
    const message = `Could not read the scenario: ${e instanceof Error ? e.message : String(e)}`;
    return {
      scenario: DEFAULT_SCENARIO,
      problems: [{ key: '', value: null, message, severity: 'error' }],
    };
  }
}

function decode(query: string): DecodedScenario {
  const problems: Problem[] = [];
  const pairs = parseQueryString(query);
  for (const p of pairs) {
    if (p.malformed) {
      problems.push({
        key: p.key,
        value: p.value,
        message: `${p.key} has a malformed %-escape; read as ${JSON.stringify(p.value)}`,
        severity: 'warning',
      });
    }
  }
  const params = readVersion(pairs, problems);

  const values = new Map<string, string>();
  const faultValues: string[] = [];
  for (const [key, value] of params) {
    // The one key that repeats: each occurrence is one fault of the timeline.
    if (key === FAULT_KEY) {
      faultValues.push(value);
      continue;
    }
    const previous = values.get(key);
    if (previous !== undefined) {
      problems.push({
        key,
        value,
        message: `Duplicate key ${key}: the last value (${JSON.stringify(value)}) wins over ${JSON.stringify(previous)}`,
        severity: 'warning',
      });
      values.delete(key); // re-insert so the map keeps the order of last occurrences
    }
    values.set(key, value);
  }

  const sections: Record<string, Record<string, ScenarioValue>> = {
    top: { seed: DEFAULT_SCENARIO.seed, topic: DEFAULT_SCENARIO.topic },
    cluster: { ...DEFAULT_SCENARIO.cluster },
    workload: { ...DEFAULT_SCENARIO.workload },
    cost: { ...DEFAULT_SCENARIO.cost },
  };
  const producer: Record<string, string> = {};
  for (const [key, raw] of values) {
    const def = scenarioKey(key);
    if (def !== undefined) continue;
    if (producerConfigKey(key) !== undefined) producer[key] = raw;
    else
      problems.push({
        key,
        value: raw,
        message: `Unknown key ${key}: ignored`,
        severity: 'warning',
      });
  }
  for (const def of SCENARIO_KEYS) {
    const raw = values.get(def.key);
    const fallback = defaultOf(def, sections);
    if (raw === undefined) {
      sections[def.section][def.field] = fallback;
      continue;
    }
    const read = readValue(def, raw);
    let value = read.ok ? read.value : fallback;
    if (!read.ok) {
      problems.push(rejected(def.key, raw, read.reason, fallback));
    } else if (
      def.key === 'replication.factor' &&
      (value as number) > (sections.cluster.brokers as number)
    ) {
      const brokers = sections.cluster.brokers as number;
      problems.push(
        rejected(
          def.key,
          raw,
          `Replication factor: ${value} larger than available brokers: ${brokers}.`,
          fallback,
        ),
      );
      value = fallback;
    }
    sections[def.section][def.field] = value;
  }

  const scenario = {
    version: SCENARIO_VERSION,
    seed: sections.top.seed,
    topic: sections.top.topic,
    producer,
    cluster: sections.cluster,
    workload: sections.workload,
    cost: sections.cost,
    faults: decodeFaults(
      faultValues,
      sections.cluster.brokers as number,
      sections.cluster.partitions as number,
      sections.workload.durationMs as number,
      problems,
    ),
  } as unknown as Scenario;
  const checked = checkProducer(scenario, problems);
  return { scenario: checkCrossSettings(checked, problems), problems };
}

function rejected(key: string, raw: string, reason: string, fallback: ScenarioValue): Problem {
  const message =
    reason.startsWith('Replication factor') || reason.startsWith('Topic name')
      ? `${reason} Using the default ${showValue(fallback)}.`
      : `Invalid value ${raw} for ${key}: ${reason}; using the default ${showValue(fallback)}`;
  return { key, value: raw, message, severity: 'error' };
}

function defaultOf(
  def: ScenarioKey,
  sections: Record<string, Record<string, ScenarioValue>>,
): ScenarioValue {
  if (def.key === 'replication.factor')
    return defaultReplicationFactor(sections.cluster.brokers as number);
  return def.defaultValue;
}

/** Reads and strips `v`, then migrates the other pairs to the current version. */
function readVersion(
  pairs: readonly { key: string; value: string }[],
  problems: Problem[],
): QueryParams {
  let version = SCENARIO_VERSION;
  const rest: [string, string][] = [];
  for (const p of pairs) {
    if (p.key !== VERSION_KEY) {
      rest.push([p.key, p.value]);
      continue;
    }
    const text = p.value.trim();
    if (/^[0-9]{1,9}$/.test(text) && Number(text) >= 0) version = Number(text);
    else {
      problems.push({
        key: VERSION_KEY,
        value: p.value,
        message: `Invalid value ${p.value} for v: the scenario version must be a whole number; reading as version ${SCENARIO_VERSION}`,
        severity: 'error',
      });
    }
  }
  const migrated = migrateParams(rest, version);
  for (const note of migrated.notes) {
    problems.push({ key: VERSION_KEY, value: String(version), message: note, severity: 'warning' });
  }
  if (migrated.error !== null) {
    problems.push({
      key: VERSION_KEY,
      value: String(version),
      message: migrated.error,
      severity: 'error',
    });
  }
  return migrated.params;
}

/** The query of a scenario: stable key order, defaults omitted, URLSearchParams escaping. */
export function encodeScenario(scenario: Scenario): string {
  const pairs: [string, string][] = [];
  // v is omitted while it is 1: a query without v is version 1 forever.
  if (scenario.version !== 1) pairs.push([VERSION_KEY, String(scenario.version)]);
  const sections: Record<string, Readonly<Record<string, unknown>>> = {
    top: scenario as unknown as Record<string, unknown>,
    cluster: scenario.cluster as unknown as Record<string, unknown>,
    workload: scenario.workload as unknown as Record<string, unknown>,
    cost: scenario.cost as unknown as Record<string, unknown>,
  };
  const write = (def: ScenarioKey) => {
    const value = sections[def.section][def.field] as ScenarioValue;
    const fallback =
      def.key === 'replication.factor'
        ? defaultReplicationFactor(scenario.cluster.brokers)
        : def.defaultValue;
    if (value === undefined || value === null || writeValue(value) === writeValue(fallback)) return;
    pairs.push([def.key, writeValue(value)]);
  };
  for (const def of SCENARIO_KEYS) if (def.section === 'top') write(def);
  for (const [key, value] of orderedProducerEntries(scenario.producer)) pairs.push([key, value]);
  for (const def of SCENARIO_KEYS) if (def.section !== 'top') write(def);
  for (const value of encodeFaults(scenario.faults ?? [])) pairs.push([FAULT_KEY, value]);
  return buildQueryString(pairs);
}

function orderedProducerEntries(producer: Readonly<Record<string, string>>): [string, string][] {
  const known = PRODUCER_ORDER.filter((k) => Object.hasOwn(producer, k)).map(
    (k): [string, string] => [k, producer[k]],
  );
  const others = Object.keys(producer)
    .filter((k) => producerConfigKey(k) === undefined)
    .sort()
    .map((k): [string, string] => [k, producer[k]]);
  return [...known, ...others];
}

const PRODUCER_ORDER = PRODUCER_CONFIG_KEYS.map((k) => k.name);

/**
 * `base` with the keys of `override` replacing its own (the CLI's `--preset` plus `--scenario`), no duplicates.
 * `fault` keys are a timeline: if `override` has any, they replace all of `base`'s.
 */
export function mergeScenarioQueries(base: string, override: string): string {
  const merged = new Map<string, string>();
  const baseFaults: string[] = [];
  const overrideFaults: string[] = [];
  for (const p of parseQueryString(base)) {
    if (p.key === FAULT_KEY) baseFaults.push(p.value);
    else merged.set(p.key, p.value);
  }
  for (const p of parseQueryString(override)) {
    if (p.key === FAULT_KEY) {
      overrideFaults.push(p.value);
      continue;
    }
    merged.delete(p.key);
    merged.set(p.key, p.value);
  }
  const faults = overrideFaults.length > 0 ? overrideFaults : baseFaults;
  return buildQueryString([...merged, ...faults.map((f): [string, string] => [FAULT_KEY, f])]);
}
