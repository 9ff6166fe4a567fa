// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_NAMES } from '../common/protocol/Errors';
import {
  formatTimedFault,
  INJECTABLE_ERRORS,
  inTimeOrder,
  parseFaultAction,
  parseTimedFault,
} from './FaultSyntax';
import type { FaultAction, TimedFault } from './FaultTarget';

const LIMITS = { brokers: 3, partitions: 6 };

function reasonOf(text: string): string {
  const r = parseTimedFault(text, LIMITS);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.reason;
}

describe('parseTimedFault', () => {
  it('reads every action with its arguments', () => {
    const cases: [string, FaultAction][] = [
      ['crash:0', { kind: 'crash', broker: 0 }],
      ['restart:2', { kind: 'restart', broker: 2 }],
      ['slow:1:25.5', { kind: 'slow', broker: 1, extraMs: 25.5 }],
      ['stall-follower:1', { kind: 'stall-follower', broker: 1 }],
      ['resume:1', { kind: 'resume', broker: 1 }],
      ['isolate:0', { kind: 'isolate', broker: 0 }],
      ['heal:0', { kind: 'heal', broker: 0 }],
      ['drop-responses:2:3', { kind: 'drop-responses', broker: 2, count: 3 }],
      [
        'error:5:NOT_LEADER_OR_FOLLOWER:2',
        { kind: 'error', partition: 5, error: 'NOT_LEADER_OR_FOLLOWER', count: 2 },
      ],
      ['restart-producer', { kind: 'restart-producer' }],
    ];
    for (const [text, action] of cases) {
      expect(parseTimedFault(`1500:${text}`, LIMITS)).toEqual({
        ok: true,
        value: { atMs: 1500, action },
      });
    }
  });

  it('accepts every produce error of the table except NONE', () => {
    expect(INJECTABLE_ERRORS).toHaveLength(ERROR_NAMES.length - 1);
    for (const name of INJECTABLE_ERRORS) {
      expect(parseFaultAction(`error:0:${name}:1`, LIMITS).ok).toBe(true);
    }
    expect(reasonOf('0:error:0:NONE:1')).toBe('NONE is success, not an error');
  });

  it('says why a fault is rejected', () => {
    expect(reasonOf('crash:0')).toMatch(/the time "crash" is not a number/);
    expect(reasonOf('100')).toMatch(/expected <simMs>:<action>/);
    expect(reasonOf('-5:crash:0')).toMatch(/the time "-5"/);
    expect(reasonOf('100:explode:0')).toMatch(/unknown action "explode" \(one of crash, restart/);
    expect(reasonOf('100:crash:3')).toBe('broker "3" does not exist (brokers=3: 0…2)');
    expect(reasonOf('100:crash:x')).toBe('broker "x" does not exist (brokers=3: 0…2)');
    expect(reasonOf('100:crash')).toBe('crash takes <broker> (crash:<broker>)');
    expect(reasonOf('100:restart-producer:1')).toBe(
      'restart-producer takes no arguments (restart-producer)',
    );
    expect(reasonOf('100:error:6:NOT_ENOUGH_REPLICAS:1')).toBe(
      'partition "6" does not exist (partitions=6: 0…5)',
    );
    expect(reasonOf('100:error:0:NO_SUCH_ERROR:1')).toMatch(/unknown error "NO_SUCH_ERROR"/);
    expect(reasonOf('100:drop-responses:0:0')).toMatch(/n "0" must be a whole number from 1/);
    expect(reasonOf('100:slow:0:-1')).toMatch(/extraMs "-1" must be a number of ms/);
  });
});

const actionArb: fc.Arbitrary<FaultAction> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('crash', 'restart', 'stall-follower', 'resume', 'isolate', 'heal'),
    broker: fc.integer({ min: 0, max: 2 }),
  }) as fc.Arbitrary<FaultAction>,
  fc.record({
    kind: fc.constant('slow' as const),
    broker: fc.integer({ min: 0, max: 2 }),
    extraMs: fc.integer({ min: 0, max: 100000 }).map((x) => x / 4),
  }),
  fc.record({
    kind: fc.constant('drop-responses' as const),
    broker: fc.integer({ min: 0, max: 2 }),
    count: fc.integer({ min: 1, max: 1000 }),
  }),
  fc.record({
    kind: fc.constant('error' as const),
    partition: fc.integer({ min: 0, max: 5 }),
    error: fc.constantFrom(...INJECTABLE_ERRORS),
    count: fc.integer({ min: 1, max: 1000 }),
  }),
  fc.constant({ kind: 'restart-producer' as const }),
);

describe('formatTimedFault', () => {
  it('parses back to the same fault (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600000 }), actionArb, (atMs, action) => {
        const f: TimedFault = { atMs, action };
        expect(parseTimedFault(formatTimedFault(f), LIMITS)).toEqual({ ok: true, value: f });
      }),
    );
  });

  it('orders a timeline by time, keeping the given order of ties', () => {
    const a: TimedFault = { atMs: 5, action: { kind: 'crash', broker: 0 } };
    const b: TimedFault = { atMs: 1, action: { kind: 'crash', broker: 1 } };
    const c: TimedFault = { atMs: 5, action: { kind: 'restart', broker: 0 } };
    expect(inTimeOrder([a, b, c])).toEqual([b, a, c]);
    expect(inTimeOrder([c, b, a])).toEqual([b, c, a]);
  });
});
