// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readConsoleLines } from './LineMessageReader';

describe('readConsoleLines (kafka-console-producer semantics)', () => {
  it('sends each line as a value with a null key by default', () => {
    const { records, problems } = readConsoleLines('Hello World\nAnother message\n', {
      parseKey: false,
      keySeparator: '\t',
    });
    expect(records).toEqual([
      { line: 1, key: null, value: 'Hello World' },
      { line: 2, key: null, value: 'Another message' },
    ]);
    expect(problems).toEqual([]);
  });

  it('splits key and value at the first separator with parse.key=true', () => {
    const { records } = readConsoleLines(
      'user-123:Order placed\nuser-456:Order shipped\nuser-123:Order delivered: late\n',
      { parseKey: true, keySeparator: ':' },
    );
    expect(records.map((r) => [r.key, r.value])).toEqual([
      ['user-123', 'Order placed'],
      ['user-456', 'Order shipped'],
      ['user-123', 'Order delivered: late'],
    ]);
  });

  it("reports a line without the separator in the console producer's words and keeps the others", () => {
    const { records, problems } = readConsoleLines('a:1\nhhh\nb:2', {
      parseKey: true,
      keySeparator: ':',
    });
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(problems).toEqual([
      { line: 2, message: "No key separator found on line number 2: 'hhh'" },
    ]);
  });

  it('keeps empty lines as empty values and handles CRLF', () => {
    const { records } = readConsoleLines('x\r\n\r\ny\r\n', { parseKey: false, keySeparator: '\t' });
    expect(records.map((r) => r.value)).toEqual(['x', '', 'y']);
  });

  it('uses a multi-character separator and an empty key', () => {
    const { records } = readConsoleLines('k=>v\n=>only-value', {
      parseKey: true,
      keySeparator: '=>',
    });
    expect(records.map((r) => [r.key, r.value])).toEqual([
      ['k', 'v'],
      ['', 'only-value'],
    ]);
  });
});
