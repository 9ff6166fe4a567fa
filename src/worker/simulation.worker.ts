/**
 * The module Web Worker's entry, and the only file that touches `self`: wires SimulationHost to the worker global
 * with performance.now() and timers, and turns anything uncaught into a fatal `error` reply so the page can offer a
 * restart instead of waiting forever. Created by client/SimulationClient.ts.
 */
import type { Endpoint, HostReply } from '../protocol/messages';
import { SimulationHost } from './SimulationHost';
import { createWorkerClock, reportUncaught, type WorkerFailures } from './workerGlobal';

const endpoint = self as unknown as Endpoint;

reportUncaught(self as unknown as WorkerFailures, 'The simulation worker failed', (message) => {
  const reply: HostReply = { type: 'error', message, fatal: true };
  endpoint.postMessage(reply);
});

new SimulationHost({ endpoint, clock: createWorkerClock() });
