// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration, migrateParams } from './migrations';
import { SCENARIO_VERSION } from './Scenario';

// A made-up history: v1 called linger "linger", v2 had latency in µs.
const HISTORY: Record<number, Migration> = {
  1: (params) => ({
    params: params.map(([k, v]) => (k === 'linger' ? ['linger.ms', v] : [k, v])),
    notes: ['renamed linger to linger.ms'],
  }),
  2: (params) => ({
    params: params.map(([k, v]) =>
      k === 'net.latency.us' ? ['net.latency.ms', String(Number(v) / 1000)] : [k, v],
    ),
  }),
};

describe('migrateParams', () => {
  it('has no migrations while version 1 is the only version', () => {
    expect(SCENARIO_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    expect(migrateParams([['a', '1']], 1)).toEqual({
      params: [['a', '1']],
      version: 1,
      notes: [],
      error: null,
    });
  });

  it('runs every step in order up to the target version', () => {
    const result = migrateParams(
      [
        ['linger', '5'],
        ['net.latency.us', '250'],
      ],
      1,
      HISTORY,
      3,
    );
    expect(result).toEqual({
      params: [
        ['linger.ms', '5'],
        ['net.latency.ms', '0.25'],
      ],
      version: 3,
      notes: ['v1→v2: renamed linger to linger.ms'],
      error: null,
    });
    expect(migrateParams([['net.latency.us', '1000']], 2, HISTORY, 3).params).toEqual([
      ['net.latency.ms', '1'],
    ]);
  });

  it('reports a version with no migration path, or one newer than the target', () => {
    expect(migrateParams([], 0, HISTORY, 3).error).toBe(
      'Scenario version 0 is not supported (no migration to version 1); reading it as version 3',
    );
    expect(migrateParams([], 4, HISTORY, 3).error).toBe(
      'Scenario version 4 is newer than this explorer (version 3); reading it as version 3',
    );
  });

  it('reports a migration that throws instead of throwing', () => {
    const broken: Record<number, Migration> = {
      1: () => {
        throw new Error('boom');
      },
    };
    expect(migrateParams([['a', 'b']], 1, broken, 2)).toMatchObject({
      params: [['a', 'b']],
      error: 'Migrating the scenario from version 1 failed: boom',
    });
  });
});
