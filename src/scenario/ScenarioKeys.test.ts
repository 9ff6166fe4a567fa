// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCER_CONFIG_KEYS } from '../model/clients/producer/ProducerConfigKeys';
import { DEFAULT_SCENARIO } from './Scenario';
import { SCENARIO_KEYS } from './ScenarioKeys';
import { readValue, writeValue } from './ScenarioValues';

describe('the scenario key table', () => {
  it('matches DEFAULT_SCENARIO field by field', () => {
    for (const def of SCENARIO_KEYS) {
      const section =
        def.section === 'top'
          ? DEFAULT_SCENARIO
          : (DEFAULT_SCENARIO[def.section] as unknown as object);
      expect(Object.hasOwn(section, def.field), def.key).toBe(true);
      expect((section as Record<string, unknown>)[def.field], def.key).toEqual(def.defaultValue);
    }
  });

  it('has defaults that pass their own validation, and unique keys', () => {
    for (const def of SCENARIO_KEYS) {
      expect(readValue(def, writeValue(def.defaultValue)), def.key).toEqual({
        ok: true,
        value: def.defaultValue,
      });
    }
    const names = [...SCENARIO_KEYS.map((k) => k.key), ...PRODUCER_CONFIG_KEYS.map((k) => k.name)];
    expect(new Set(names).size).toBe(names.length);
  });

  it('is documented: the README lists every key', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    const names = [...SCENARIO_KEYS.map((k) => k.key), ...PRODUCER_CONFIG_KEYS.map((k) => k.name)];
    const missing = names.filter((n) => !readme.includes(`| \`${n}\` |`));
    expect(missing).toEqual([]);
  });
});
