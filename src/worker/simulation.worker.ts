/**
 * The module Web Worker's entry, and the only file that touches `self`: wires SimulationHost to the worker global
 * with performance.now() and timers, and turns anything uncaught into a fatal `error` reply so the page can offer a
 * restart instead of waiting forever. Created by client/SimulationClient.ts.
 */
import type { Endpoint, HostReply } from '../protocol/messages';
import { type HostClock, SimulationHost } from './SimulationHost';

/** The worker global as the host sees it (messages), and as this file sees it (failures). */
const endpoint = self as unknown as Endpoint;

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;

/**
 * A zero delay goes through a MessageChannel: setTimeout(0) is clamped to 4 ms once timers nest, which would idle
 * the worker for a third of every tick at 'max' speed. Incoming commands still run between two such tasks.
 */
function createClock(): HostClock {
  const channel = new MessageChannel();
  const due: (() => void)[] = [];
  channel.port1.onmessage = () => due.shift()?.();
  return {
    nowMs: () => performance.now(),
    schedule(fn, delayMs) {
      if (delayMs > 0) {
        const id = setTimeout(fn, delayMs);
        return () => clearTimeout(id);
      }
      let cancelled = false;
      due.push(() => {
        if (!cancelled) fn();
      });
      channel.port2.postMessage(null);
      return () => {
        cancelled = true;
      };
    },
  };
}

function postFatal(message: string): void {
  const reply: HostReply = { type: 'error', message, fatal: true };
  scope.postMessage(reply);
}

scope.addEventListener('error', (event) => {
  // Reported here, with its message; unprevented it would also reach the page as a second, vaguer failure.
  event.preventDefault();
  console.error(event.error ?? event.message);
  postFatal(`The simulation worker failed: ${event.message || 'unknown error'}`);
});
scope.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  postFatal(
    `The simulation worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  );
});

new SimulationHost({ endpoint, clock: createClock() });
