/**
 * The producer's config table as the page needs it: the model's PRODUCER_CONFIG_KEYS / PRODUCER_CONFIG_GROUPS turned
 * into plain rows (group, doc, default as Kafka's docs print it, the kind of control, the choices of enums and
 * classes), plus the comparison of a setting with the value Kafka resolved. The view may not import model values;
 * this room may, so the page reads the table through here. Simulation-only.
 */
import {
  type ConfigKey,
  type ConfigType,
  convertToString,
  defaultString,
  parseType,
  Range,
  ValidString,
} from '../model/clients/producer/ConfigDef';
import {
  PRODUCER_CONFIG_GROUPS,
  PRODUCER_CONFIG_KEYS,
  type ProducerConfigGroup,
  producerConfigKey,
} from '../model/clients/producer/ProducerConfigKeys';

export type { ConfigType, ProducerConfigGroup };
export { PRODUCER_CONFIG_GROUPS };

/** One option of a select: `value` is what goes into the query, `label` what the page shows. */
export interface ConfigChoice {
  readonly value: string;
  readonly label: string;
}

/** How a config is edited: a number field, a true/false choice, a choice among values, or free text. */
export type ConfigControlKind = 'number' | 'boolean' | 'choice' | 'text';

export interface ProducerConfigEntry {
  /** Kafka's dotted name, e.g. `linger.ms`. */
  readonly name: string;
  readonly group: ProducerConfigGroup;
  readonly type: ConfigType;
  readonly importance: 'high' | 'medium' | 'low';
  readonly control: ConfigControlKind;
  /** One line: what it does. */
  readonly documentation: string;
  /** The "Default" column of Kafka's docs (`16384`, `""`, `null`), with class names in their simple form. */
  readonly defaultText: string;
  /** The "Valid Values" column (`[0,...]`, `[none, gzip, …]`), '' when Kafka prints none. */
  readonly validValues: string;
  /** For enums, booleans and classes: the values a select offers (not including "the default"). */
  readonly choices: readonly ConfigChoice[] | null;
  /** Bounds of a Range validator (null: unbounded on that side). */
  readonly min: number | null;
  readonly max: number | null;
}

/** `org.apache.kafka.common.serialization.StringSerializer` → `StringSerializer`. */
function simpleName(className: string): string {
  return className.slice(className.lastIndexOf('.') + 1);
}

/** Each class once, spelled by its simple name (every alias table accepts the simple name). */
function classChoices(key: ConfigKey): ConfigChoice[] {
  const seen = new Set<string>();
  const out: ConfigChoice[] = [];
  for (const [alias, canonical] of Object.entries(key.classAliases ?? {})) {
    if (seen.has(canonical) || alias.includes('.')) continue;
    seen.add(canonical);
    out.push({ value: alias, label: alias });
  }
  return out;
}

function choicesOf(key: ConfigKey): ConfigChoice[] | null {
  if (key.type === 'boolean') return ['true', 'false'].map((v) => ({ value: v, label: v }));
  if (key.validator instanceof ValidString) {
    return key.validator.validStrings.map((v) => ({ value: v, label: v }));
  }
  if (key.type === 'class') return classChoices(key);
  return null;
}

function controlOf(key: ConfigKey): ConfigControlKind {
  if (key.type === 'boolean') return 'boolean';
  if (key.type === 'int' || key.type === 'long') return 'number';
  if (key.type === 'class' || key.validator instanceof ValidString) return 'choice';
  return 'text';
}

function entryOf(key: ConfigKey<ProducerConfigGroup>): ProducerConfigEntry {
  const range = key.validator instanceof Range ? key.validator : null;
  const text = defaultString(key);
  return {
    name: key.name,
    group: key.group,
    type: key.type,
    importance: key.importance,
    control: controlOf(key),
    documentation: key.documentation,
    defaultText: key.type === 'class' && key.defaultValue !== null ? simpleName(text) : text,
    validValues: key.validator?.toString() ?? '',
    choices: choicesOf(key),
    min: range?.min ?? null,
    max: range?.max ?? null,
  };
}

/** Every producer config the simulation honours, in the model's display order. */
export const PRODUCER_CONFIGS: readonly ProducerConfigEntry[] = PRODUCER_CONFIG_KEYS.map(entryOf);

const BY_NAME: ReadonlyMap<string, ProducerConfigEntry> = new Map(
  PRODUCER_CONFIGS.map((e) => [e.name, e]),
);

/** The row for a Kafka config name, or undefined (not a producer config). */
export function producerConfig(name: string): ProducerConfigEntry | undefined {
  return BY_NAME.get(name);
}

/**
 * A raw value as Kafka prints it after parsing (`ConfigDef.convertToString`): trimmed, class aliases resolved,
 * `acks=all` stored as -1. Null when Kafka would refuse the value.
 */
function printed(name: string, raw: string): string | null {
  const key = producerConfigKey(name);
  if (key === undefined) return null;
  try {
    const text = convertToString(parseType(key, raw));
    return name === 'acks' && text === 'all' ? '-1' : text;
  } catch {
    return null;
  }
}

/**
 * The choice a raw value stands for (`org.apache.kafka.common.serialization.ByteArraySerializer` →
 * `ByteArraySerializer`, ` TRUE ` → `true`), or undefined when it is none of them.
 */
export function choiceFor(name: string, raw: string): string | undefined {
  const target = printed(name, raw);
  if (target === null) return undefined;
  return producerConfig(name)?.choices?.find((c) => printed(name, c.value) === target)?.value;
}

/**
 * True when Kafka's resolved value (`snapshot.settings.effective[name]`) is not simply the given raw value (or the
 * default when none was given): e.g. `client.id` becomes `producer-1`, idempotence is turned off by `acks=1`, or
 * `delivery.timeout.ms` is raised to `linger.ms + request.timeout.ms`.
 */
export function effectiveDiffers(
  name: string,
  given: string | undefined,
  effective: string,
): boolean {
  const key = producerConfigKey(name);
  if (key === undefined) return false;
  const expected = given === undefined ? convertToString(key.defaultValue) : printed(name, given);
  if (expected === null) return true;
  return (name === 'acks' && expected === 'all' ? '-1' : expected) !== effective;
}
