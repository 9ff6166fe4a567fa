/**
 * A table of typed configuration keys and the parsing/validation rules of Kafka's
 * org.apache.kafka.common.config.ConfigDef: Java-style trimming, INT/LONG/BOOLEAN/STRING/LIST/CLASS parsing,
 * Range / ValidString / ValidList / NonEmptyString validators, all with Kafka's messages. Leaves out SHORT, DOUBLE
 * and PASSWORD types, recommenders, dependents and HTML/RST rendering. CLASS values resolve against a small alias
 * table per key (there is no class loader), and an empty class name means null (Kafka would fail to load "").
 */
import { ConfigException, javaString } from './ConfigException';

export type ConfigType = 'boolean' | 'string' | 'int' | 'long' | 'list' | 'class';
export type Importance = 'high' | 'medium' | 'low';
/** A parsed value: numbers for int/long, canonical class names for class, string arrays for list. */
export type ConfigValue = boolean | string | number | readonly string[] | null;

/** Kafka's ConfigDef.Validator: throws a ConfigException; `toString()` is the "Valid Values" column. */
export interface Validator {
  ensureValid(name: string, value: ConfigValue): void;
  toString(): string;
}

export interface ConfigKey<G extends string = string> {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: ConfigValue;
  readonly validator: Validator | null;
  readonly importance: Importance;
  readonly group: G;
  /** One line: what the setting does (Kafka's doc, shortened). */
  readonly documentation: string;
  /** For class and class-list keys: every accepted spelling → the canonical name stored after parsing. */
  readonly classAliases?: Readonly<Record<string, string>>;
}

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const JAVA_INTEGER = /^[+-]?[0-9]+$/;
// Java's "\\s*,\\s*": \s is ASCII whitespace only, unlike JavaScript's.
const COMMA_WITH_WHITESPACE = /[ \t\n\v\f\r]*,[ \t\n\v\f\r]*/;

/** Java's String.trim(): strips every char ≤ U+0020 from both ends (and nothing else). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/** Integer.parseInt on an already trimmed string; null where Java throws NumberFormatException. */
export function parseJavaInt(s: string): number | null {
  if (!JAVA_INTEGER.test(s)) return null;
  const n = Number(s);
  return n >= INT_MIN && n <= INT_MAX ? n : null;
}

/** Long.parseLong; null on NumberFormatException. Values beyond ±2^53 lose precision as JS numbers. */
export function parseJavaLong(s: string): number | null {
  if (!JAVA_INTEGER.test(s)) return null;
  const n = BigInt(s);
  return n >= LONG_MIN && n <= LONG_MAX ? Number(n) : null;
}

function typeName(type: ConfigType): string {
  return type.toUpperCase();
}

/** ConfigDef.parseType for a string value, with Kafka's exception messages. */
export function parseType(key: ConfigKey, value: string): ConfigValue {
  const name = key.name;
  const trimmed = javaTrim(value);
  switch (key.type) {
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      throw new ConfigException(name, value, 'Expected value to be either true or false');
    }
    case 'string':
      return trimmed;
    case 'int': {
      const n = parseJavaInt(trimmed);
      if (n === null)
        throw new ConfigException(name, value, `Not a number of type ${typeName('int')}`);
      return n;
    }
    case 'long': {
      const n = parseJavaLong(trimmed);
      if (n === null)
        throw new ConfigException(name, value, `Not a number of type ${typeName('long')}`);
      return n;
    }
    case 'list': {
      if (trimmed === '') return [];
      const items = trimmed.split(COMMA_WITH_WHITESPACE);
      return key.classAliases ? items.map((item) => loadClass(key, item, item)) : items;
    }
    case 'class':
      return trimmed === '' ? null : loadClass(key, trimmed, value);
  }
}

function loadClass(key: ConfigKey, className: string, rawValue: string): string {
  const aliases = key.classAliases ?? {};
  // Own-property check: names like "constructor" must not resolve through the prototype.
  if (className !== '' && Object.hasOwn(aliases, className)) return aliases[className];
  // Empty list items are left for ValidList to report with its own wording.
  if (className === '' && key.type === 'list') return '';
  throw new ConfigException(key.name, rawValue, `Class ${rawValue} could not be found.`);
}

/** ConfigDef.Range: `Value must be at least <min>` / `Value must be no more than <max>`. */
export class Range implements Validator {
  private constructor(
    readonly min: number | null,
    readonly max: number | null,
  ) {}

  static atLeast(min: number): Range {
    return new Range(min, null);
  }

  static between(min: number, max: number): Range {
    return new Range(min, max);
  }

  ensureValid(name: string, value: ConfigValue): void {
    if (value === null) throw new ConfigException(name, null, 'Value must be non-null');
    const n = value as number;
    if (this.min !== null && n < this.min) {
      throw new ConfigException(name, n, `Value must be at least ${this.min}`);
    }
    if (this.max !== null && n > this.max) {
      throw new ConfigException(name, n, `Value must be no more than ${this.max}`);
    }
  }

  toString(): string {
    if (this.min === null && this.max === null) return '[...]';
    if (this.min === null) return `[...,${this.max}]`;
    if (this.max === null) return `[${this.min},...]`;
    return `[${this.min},...,${this.max}]`;
  }
}

/** ConfigDef.ValidString: case-sensitive membership, `String must be one of: a, b`. */
export class ValidString implements Validator {
  private constructor(readonly validStrings: readonly string[]) {}

  static in(...validStrings: string[]): ValidString {
    return new ValidString(validStrings);
  }

  ensureValid(name: string, value: ConfigValue): void {
    if (!this.validStrings.includes(value as string)) {
      throw new ConfigException(
        name,
        value,
        `String must be one of: ${this.validStrings.join(', ')}`,
      );
    }
  }

  toString(): string {
    return `[${this.validStrings.join(', ')}]`;
  }
}

/** ConfigDef.ValidList.anyNonDuplicateValues: no duplicates, no empty items, optionally no empty list. */
export class ValidList implements Validator {
  private constructor(
    readonly isEmptyAllowed: boolean,
    readonly isNullAllowed: boolean,
  ) {}

  static anyNonDuplicateValues(isEmptyAllowed: boolean, isNullAllowed: boolean): ValidList {
    return new ValidList(isEmptyAllowed, isNullAllowed);
  }

  ensureValid(name: string, value: ConfigValue): void {
    if (value === null) {
      if (this.isNullAllowed) return;
      throw new ConfigException(`Configuration '${name}' values must not be null.`);
    }
    const values = value as readonly string[];
    if (!this.isEmptyAllowed && values.length === 0) {
      throw new ConfigException(
        `Configuration '${name}' must not be empty. Valid values include: any non-empty value`,
      );
    }
    if (new Set(values).size !== values.length) {
      throw new ConfigException(`Configuration '${name}' values must not be duplicated.`);
    }
    if (values.includes('')) {
      throw new ConfigException(`Configuration '${name}' values must not be empty.`);
    }
  }

  toString(): string {
    return '';
  }
}

/** ConfigDef.NonEmptyString: null is fine, "" is not. */
export class NonEmptyString implements Validator {
  ensureValid(name: string, value: ConfigValue): void {
    if (value === '') throw new ConfigException(name, value, 'String must be non-empty');
  }

  toString(): string {
    return 'non-empty string';
  }
}

/** ConfigDef.LambdaValidator: a check plus its "Valid Values" text. */
export class LambdaValidator implements Validator {
  private constructor(
    private readonly check: (name: string, value: ConfigValue) => void,
    private readonly description: string,
  ) {}

  static with(
    check: (name: string, value: ConfigValue) => void,
    description: string,
  ): LambdaValidator {
    return new LambdaValidator(check, description);
  }

  ensureValid(name: string, value: ConfigValue): void {
    this.check(name, value);
  }

  toString(): string {
    return this.description;
  }
}

/** ConfigDef.convertToString: how a parsed value is printed (lists joined with ","; null as "null"). */
export function convertToString(value: ConfigValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** The "Default" column of Kafka's config docs: `""` for an empty default, `null` for none. */
export function defaultString(key: ConfigKey): string {
  const s = convertToString(key.defaultValue);
  return s === '' ? '""' : s;
}

export interface ParsedConfig {
  /** Every key's value: parsed from props, else the default. Keys that failed are absent. */
  readonly values: ReadonlyMap<string, ConfigValue>;
  /** One entry per key that failed to parse or validate, with Kafka's message. */
  readonly errors: { key: string; value: string | null; message: string }[];
  /** Props that are not in the table (Kafka only warns about them). */
  readonly unknown: string[];
}

/**
 * ConfigDef.parse: parse and validate every key. Unlike Kafka, which throws at the first bad key, every bad key is
 * reported, so a UI can mark them all at once.
 */
export function parseConfig(
  keys: readonly ConfigKey[],
  props: Readonly<Record<string, string>>,
): ParsedConfig {
  const values = new Map<string, ConfigValue>();
  const errors: ParsedConfig['errors'] = [];
  const known = new Set<string>();
  for (const key of keys) {
    known.add(key.name);
    const given = Object.hasOwn(props, key.name);
    const raw = given ? String(props[key.name]) : null;
    try {
      const value = raw !== null ? parseType(key, raw) : key.defaultValue;
      key.validator?.ensureValid(key.name, value);
      values.set(key.name, value);
    } catch (e) {
      const message = e instanceof ConfigException ? e.message : `Invalid value ${javaString(raw)}`;
      errors.push({ key: key.name, value: raw, message });
    }
  }
  const unknown = Object.keys(props).filter((k) => !known.has(k));
  return { values, errors, unknown };
}
