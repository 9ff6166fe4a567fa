// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type ConfigKey,
  convertToString,
  defaultString,
  javaTrim,
  NonEmptyString,
  parseConfig,
  parseJavaInt,
  parseJavaLong,
  parseType,
  Range,
  ValidList,
  ValidString,
} from './ConfigDef';
import { ConfigException } from './ConfigException';

function k(type: ConfigKey['type'], extra: Partial<ConfigKey> = {}): ConfigKey {
  return {
    name: 'a',
    type,
    defaultValue: null,
    validator: null,
    importance: 'low',
    group: 'g',
    documentation: '',
    ...extra,
  };
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigException);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigException');
}

describe('ConfigException', () => {
  it('formats name/value/message like Kafka, and keeps a plain message as is', () => {
    expect(new ConfigException('linger.ms', -1, 'Value must be at least 0').message).toBe(
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(new ConfigException('x', null).message).toBe('Invalid value null for configuration x');
    expect(new ConfigException('plain').message).toBe('plain');
  });
});

describe('ConfigDef.parseType (ConfigDefTest: basic types, trimming)', () => {
  it('trims like Java String.trim (chars <= U+0020 only)', () => {
    expect(javaTrim(' \t10\n ')).toBe('10');
    expect(javaTrim('\u00a010')).toBe('\u00a010');
    expect(parseType(k('int'), ' 10 ')).toBe(10);
    expect(parseType(k('string'), '  x y  ')).toBe('x y');
  });

  it('parses ints like Integer.parseInt: sign allowed, 32-bit range, no decimals', () => {
    expect(parseJavaInt('+7')).toBe(7);
    expect(parseJavaInt('-2147483648')).toBe(-2147483648);
    expect(parseJavaInt('2147483648')).toBeNull();
    expect(parseJavaInt('1.0')).toBeNull();
    expect(parseJavaInt('')).toBeNull();
    expect(messageOf(() => parseType(k('int'), '2147483648'))).toBe(
      'Invalid value 2147483648 for configuration a: Not a number of type INT',
    );
  });

  it('parses longs up to Long.MAX_VALUE and rejects one more', () => {
    expect(parseJavaLong('9223372036854775807')).toBe(Number(2n ** 63n - 1n));
    expect(parseJavaLong('-9223372036854775808')).toBe(-(2 ** 63));
    expect(parseJavaLong('9223372036854775808')).toBeNull();
    expect(messageOf(() => parseType(k('long'), 'abc'))).toBe(
      'Invalid value abc for configuration a: Not a number of type LONG',
    );
  });

  it('parses booleans case-insensitively and names the bad value', () => {
    expect(parseType(k('boolean'), ' TRUE ')).toBe(true);
    expect(parseType(k('boolean'), 'False')).toBe(false);
    expect(messageOf(() => parseType(k('boolean'), 'yes'))).toBe(
      'Invalid value yes for configuration a: Expected value to be either true or false',
    );
  });

  it('splits lists on commas with surrounding whitespace; empty string is an empty list', () => {
    expect(parseType(k('list'), ' a , b,c ')).toEqual(['a', 'b', 'c']);
    expect(parseType(k('list'), '   ')).toEqual([]);
    expect(parseType(k('list'), 'a,')).toEqual(['a', '']);
  });

  it('loads classes through the alias table, with ConfigDef CLASS wording for unknown ones', () => {
    const key = k('class', { classAliases: { X: 'X', 'org.X': 'X' } });
    expect(parseType(key, ' org.X ')).toBe('X');
    expect(parseType(key, '')).toBeNull();
    expect(messageOf(() => parseType(key, 'Y'))).toBe(
      'Invalid value Y for configuration a: Class Y could not be found.',
    );
    expect(messageOf(() => parseType(key, 'constructor'))).toContain('could not be found');
  });
});

describe('validators', () => {
  it('Range reports the bound that was crossed, with the parsed value', () => {
    expect(messageOf(() => Range.atLeast(0).ensureValid('linger.ms', -1))).toBe(
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(messageOf(() => Range.between(1, 17).ensureValid('l', 18))).toBe(
      'Invalid value 18 for configuration l: Value must be no more than 17',
    );
    expect(() => Range.between(1, 17).ensureValid('l', 17)).not.toThrow();
    expect(String(Range.atLeast(5000))).toBe('[5000,...]');
    expect(String(Range.between(1, 17))).toBe('[1,...,17]');
  });

  it('ValidString is case-sensitive and lists the choices', () => {
    const v = ValidString.in('all', '-1', '0', '1');
    expect(messageOf(() => v.ensureValid('acks', 'ALL'))).toBe(
      'Invalid value ALL for configuration acks: String must be one of: all, -1, 0, 1',
    );
    expect(String(v)).toBe('[all, -1, 0, 1]');
  });

  it('ValidList rejects duplicates and empty items, and empty lists when asked', () => {
    expect(
      messageOf(() => ValidList.anyNonDuplicateValues(true, false).ensureValid('l', ['a', 'a'])),
    ).toBe("Configuration 'l' values must not be duplicated.");
    expect(
      messageOf(() => ValidList.anyNonDuplicateValues(true, false).ensureValid('l', ['a', ''])),
    ).toBe("Configuration 'l' values must not be empty.");
    expect(
      messageOf(() => ValidList.anyNonDuplicateValues(false, false).ensureValid('l', [])),
    ).toBe("Configuration 'l' must not be empty. Valid values include: any non-empty value");
    expect(() => ValidList.anyNonDuplicateValues(true, false).ensureValid('l', [])).not.toThrow();
  });

  it('NonEmptyString accepts null but not ""', () => {
    expect(() => new NonEmptyString().ensureValid('t', null)).not.toThrow();
    expect(messageOf(() => new NonEmptyString().ensureValid('t', ''))).toBe(
      'Invalid value  for configuration t: String must be non-empty',
    );
  });
});

describe('parseConfig', () => {
  const keys: ConfigKey[] = [
    k('int', { name: 'n', defaultValue: 1, validator: Range.atLeast(0) }),
    k('list', { name: 'l', defaultValue: [] }),
    k('string', { name: 's', defaultValue: null }),
  ];

  it('fills defaults, reports every bad key and lists unknown keys', () => {
    const ok = parseConfig(keys, { l: 'x,y', extra: '1' });
    expect(ok.values.get('n')).toBe(1);
    expect(ok.values.get('l')).toEqual(['x', 'y']);
    expect(ok.values.get('s')).toBeNull();
    expect(ok.unknown).toEqual(['extra']);
    const bad = parseConfig(keys, { n: '-3', s: 'fine' });
    expect(bad.errors).toEqual([
      {
        key: 'n',
        value: '-3',
        message: 'Invalid value -3 for configuration n: Value must be at least 0',
      },
    ]);
    expect(bad.values.has('n')).toBe(false);
  });

  it('prints values and defaults as Kafka does', () => {
    expect(convertToString(['a', 'b'])).toBe('a,b');
    expect(convertToString(null)).toBe('null');
    expect(defaultString(keys[1])).toBe('""');
    expect(defaultString(keys[2])).toBe('null');
  });
});
