// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { FakeConnection } from './FakeConnection';
import {
  selectCounters,
  selectEffectiveConfig,
  selectNowMs,
  selectScenario,
  selectSeed,
  selectSetting,
} from './selectors';

function storeWith(query: string) {
  return createAppStore({ connection: new FakeConnection(), initialQuery: query });
}

describe('selectors', () => {
  it('read the scenario the query holds, decoded once per query', () => {
    const store = storeWith('seed=9&linger.ms=20&partitions=12&key.list=a%2Cb');
    const state = store.getState();
    expect(selectScenario(state)).toBe(selectScenario(store.getState()));
    expect(selectSeed(state)).toBe(9);
    expect(selectSetting('linger.ms')(state)).toBe('20');
    expect(selectSetting('batch.size')(state)).toBeUndefined();
    expect(selectSetting('partitions')(state)).toBe('12');
    expect(selectSetting('brokers')(state)).toBe('3');
    expect(selectSetting('key.list')(state)).toBe('a,b');
    expect(selectSetting('partition')(state)).toBe('');
    expect(selectSetting('linger.ms')).toBe(selectSetting('linger.ms'));
  });

  it('give neutral values before the first snapshot', () => {
    const state = storeWith('').getState();
    expect(selectNowMs(state)).toBe(0);
    expect(selectCounters(state)).toBeNull();
    expect(selectEffectiveConfig(state)).toEqual({});
    expect(selectEffectiveConfig(state)).toBe(selectEffectiveConfig(state));
  });
});
