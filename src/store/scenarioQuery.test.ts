// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canonicalQuery, checkSetting, withFault, withSetting } from './scenarioQuery';

describe('scenarioQuery', () => {
  it('sets, replaces and removes one key, keeping the fault timeline', () => {
    expect(withSetting('linger.ms=5&fault=100%3Acrash%3A0', 'linger.ms', '20')).toBe(
      'linger.ms=20&fault=100%3Acrash%3A0',
    );
    expect(withSetting('acks=1&linger.ms=5', 'acks', '')).toBe('linger.ms=5');
    expect(withSetting('', 'key.separator', ': ')).toBe('key.separator=%3A+');
  });

  it('canonicalises: stable key order, defaults and bad values dropped', () => {
    expect(canonicalQuery('?partitions=6&acks=1&linger.ms=abc&batch.size=1024')).toBe(
      'batch.size=1024&acks=1',
    );
  });

  it('appends a fault in time order', () => {
    expect(withFault('fault=500%3Acrash%3A0', 100, 'isolate:1')).toBe(
      'fault=100%3Aisolate%3A1&fault=500%3Acrash%3A0',
    );
  });

  it('refuses only the errors a change brings', () => {
    expect(checkSetting('', 'retries', '-1')).toEqual({
      ok: false,
      message: 'Invalid value -1 for configuration retries: Value must be at least 0',
    });
    // The link already had a bad value: other changes still go through.
    expect(checkSetting('linger.ms=-1', 'acks', '1')).toEqual({ ok: true, query: 'acks=1' });
    expect(checkSetting('fault=100%3Acrash%3A2', 'brokers', '2')).toMatchObject({
      ok: false,
      message: expect.stringContaining('broker "2" does not exist'),
    });
    expect(checkSetting('replication.factor=3', 'brokers', '2')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Replication factor: 3 larger than available brokers: 2.'),
    });
  });
});
