// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isSpeed, readCommand } from './readCommand';

describe('readCommand', () => {
  it('accepts every command of the protocol', () => {
    const commands = [
      { type: 'init', version: 1, query: 'linger.ms=5', speed: 'max' },
      { type: 'load', query: '', reason: 'preset' },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step' },
      { type: 'setSpeed', speed: 0.5 },
      { type: 'reset' },
      { type: 'fault', fault: 'crash:0' },
    ];
    for (const c of commands) expect(readCommand(c)).toEqual({ ok: true, command: c });
  });

  it('names the type of an unknown command and the field of a malformed one', () => {
    expect(readCommand({ type: 'explode' })).toEqual({
      ok: false,
      message: 'Unknown command type "explode"',
    });
    expect(readCommand({ type: 'load', query: 3, reason: '' })).toEqual({
      ok: false,
      message: "Malformed 'load' command: query must be a string",
    });
    expect(readCommand(null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('null'),
    });
    expect(readCommand('play')).toMatchObject({ message: expect.stringContaining('"play"') });
  });

  it('knows a speed: positive and finite, or max', () => {
    expect([1000, 0.001, 'max'].every(isSpeed)).toBe(true);
    expect([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1000', null].some(isSpeed)).toBe(false);
  });
});
