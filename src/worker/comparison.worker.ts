/**
 * The comparison module Web Worker's entry, and the only file of it that touches `self`: wires ComparisonHost to
 * the worker global (performance.now() and a zero-delay scheduler) and reports anything uncaught as an `error`
 * reply. It is a worker of its own, beside the simulation's, so running a comparison never stops the live
 * simulation. Created by client/ComparisonClient.ts.
 */
import type { ComparisonReply } from '../protocol/comparison';
import type { Endpoint } from '../protocol/messages';
import { ComparisonHost } from './ComparisonHost';
import { createWorkerClock, reportUncaught, type WorkerFailures } from './workerGlobal';

const endpoint = self as unknown as Endpoint;

reportUncaught(self as unknown as WorkerFailures, 'The comparison worker failed', (message) => {
  const reply: ComparisonReply = { type: 'error', id: -1, message, keys: [] };
  endpoint.postMessage(reply);
});

new ComparisonHost({ endpoint, clock: createWorkerClock() });
