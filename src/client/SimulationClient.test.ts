// @vitest-environment node
/**
 * createWorkerConnection over a Worker double: worker failures become fatal `error` replies (so the page never
 * waits forever), restart() swaps in a fresh worker, dispose() ends it.
 */
import { describe, expect, it } from 'vitest';
import type { HostReply } from '../protocol/messages';
import { FakeFrames, FakeWorker } from './FakeEndpoint';
import { createWorkerConnection } from './SimulationClient';

function setup() {
  const workers: FakeWorker[] = [];
  const frames = new FakeFrames();
  const connection = createWorkerConnection({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    requestFrame: frames.request,
  });
  const got: HostReply[] = [];
  connection.subscribe((r) => got.push(r));
  return { workers, frames, connection, got };
}

describe('createWorkerConnection', () => {
  it('talks to the worker it created', () => {
    const { workers, connection, got } = setup();
    expect(workers).toHaveLength(1);
    connection.send({ type: 'pause' });
    expect(workers[0].port.sent).toEqual([{ type: 'pause' }]);
    workers[0].port.emit({ type: 'ready', version: 1 });
    expect(got).toEqual([{ type: 'ready', version: 1 }]);
  });

  it('turns a worker error into a fatal error reply with its message', () => {
    const { workers, got } = setup();
    workers[0].fail('error', 'Uncaught TypeError: x is undefined');
    expect(got).toEqual([
      {
        type: 'error',
        message: 'The simulation worker failed: Uncaught TypeError: x is undefined',
        fatal: true,
      },
    ]);
  });

  it('reports a worker that could not load, and an unreadable message, as fatal', () => {
    const { workers, got } = setup();
    workers[0].fail('error');
    workers[0].fail('messageerror');
    expect(got.map((r) => r.type === 'error' && r.fatal)).toEqual([true, true]);
    expect(got[0]).toMatchObject({ message: 'The simulation worker failed: it could not start' });
    expect(got[1]).toMatchObject({ message: expect.stringContaining('could not be read') });
  });

  it('restart terminates the worker and starts a fresh one; the old one is no longer heard', () => {
    const { workers, connection, got } = setup();
    connection.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
    workers[0].fail('error', 'late');
    workers[0].port.emit({ type: 'ready', version: 1 });
    expect(got).toEqual([]);
    connection.send({ type: 'reset' });
    expect(workers[1].port.sent).toEqual([{ type: 'reset' }]);
    workers[1].fail('error', 'again');
    expect(got).toHaveLength(1);
  });

  it('dispose terminates the worker', () => {
    const { workers, connection } = setup();
    connection.dispose();
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].port.listenerCount).toBe(0);
  });
});
