// @vitest-environment node
/**
 * createComparisonConnection over a Worker double: the worker starts with the first command, its replies reach
 * subscribers in order, a failed worker becomes an `error` reply and the next command gets a fresh one.
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonCommand, ComparisonReply } from '../protocol/comparison';
import { createComparisonConnection, createComparisonEndpointConnection } from './ComparisonClient';
import { FakeEndpoint, FakeWorker } from './FakeEndpoint';

const COMPARE: ComparisonCommand = { type: 'compare', version: 1, id: 1, query: '', kind: 'acks' };

function setup() {
  const workers: FakeWorker[] = [];
  const connection = createComparisonConnection({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  const got: ComparisonReply[] = [];
  connection.subscribe((r) => got.push(r));
  return { workers, connection, got };
}

describe('createComparisonConnection', () => {
  it('starts the worker with the first compare, not before, and not for a cancel', () => {
    const { workers, connection } = setup();
    expect(workers).toHaveLength(0);
    connection.send({ type: 'cancel' });
    expect(workers).toHaveLength(0);
    connection.send(COMPARE);
    connection.send({ type: 'cancel' });
    expect(workers).toHaveLength(1);
    expect(workers[0].port.sent).toEqual([COMPARE, { type: 'cancel' }]);
  });

  it('hands the replies to subscribers in order', () => {
    const { workers, connection, got } = setup();
    connection.send(COMPARE);
    const progress: ComparisonReply = {
      type: 'progress',
      id: 1,
      kind: 'acks',
      done: 1,
      total: 9,
      label: 'acks=0',
    };
    workers[0].port.emit(progress);
    workers[0].port.emit({ type: 'done', id: 1, kind: 'acks' });
    expect(got).toEqual([progress, { type: 'done', id: 1, kind: 'acks' }]);
  });

  it('turns a failed worker into an error reply, and starts a fresh one for the next command', () => {
    const { workers, connection, got } = setup();
    connection.send(COMPARE);
    workers[0].fail('error', 'Uncaught RangeError: out of memory');
    expect(got).toEqual([
      {
        type: 'error',
        id: -1,
        message: 'The comparison worker failed: Uncaught RangeError: out of memory',
        keys: [],
      },
    ]);
    expect(workers[0].terminated).toBe(true);
    // The dead worker is no longer heard.
    workers[0].port.emit({ type: 'done', id: 1, kind: 'acks' });
    expect(got).toHaveLength(1);
    connection.send({ ...COMPARE, id: 2 });
    expect(workers).toHaveLength(2);
    expect(workers[1].port.sent).toEqual([{ ...COMPARE, id: 2 }]);
  });

  it('dispose ends the worker and stops delivering', () => {
    const { workers, connection, got } = setup();
    connection.send(COMPARE);
    connection.dispose();
    expect(workers[0].terminated).toBe(true);
    connection.send(COMPARE);
    expect(workers).toHaveLength(1);
    expect(got).toEqual([]);
  });
});

describe('createComparisonEndpointConnection', () => {
  it('posts commands and delivers replies until disposed', () => {
    const endpoint = new FakeEndpoint();
    let ended = false;
    const connection = createComparisonEndpointConnection(endpoint, () => {
      ended = true;
    });
    const got: ComparisonReply[] = [];
    connection.subscribe(() => {
      throw new Error('a failing subscriber');
    });
    connection.subscribe((r) => got.push(r));
    connection.send(COMPARE);
    expect(endpoint.sent).toEqual([COMPARE]);
    const originalError = console.error;
    console.error = () => {};
    try {
      endpoint.emit({ type: 'cancelled', id: 1, kind: 'acks' });
    } finally {
      console.error = originalError;
    }
    expect(got).toEqual([{ type: 'cancelled', id: 1, kind: 'acks' }]);
    connection.dispose();
    expect(ended).toBe(true);
    expect(endpoint.listenerCount).toBe(0);
  });
});
