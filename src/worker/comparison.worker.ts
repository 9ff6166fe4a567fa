/**
 * The comparison module Web Worker's entry, and the only file of it that touches `self`: wires ComparisonHost to
 * the worker global with performance.now() and a zero-delay scheduler (a MessageChannel, so steps are not clamped
 * to 4 ms), and reports anything uncaught as an `error` reply. It is a worker of its own, beside the simulation's,
 * so running a comparison never stops the live simulation. Created by client/ComparisonClient.ts.
 */
import type { ComparisonReply } from '../protocol/comparison';
import type { Endpoint } from '../protocol/messages';
import { ComparisonHost } from './ComparisonHost';
import type { HostClock } from './PlayLoop';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;

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

function postError(message: string): void {
  const reply: ComparisonReply = { type: 'error', id: -1, message, keys: [] };
  scope.postMessage(reply);
}

scope.addEventListener('error', (event) => {
  event.preventDefault();
  console.error(event.error ?? event.message);
  postError(`The comparison worker failed: ${event.message || 'unknown error'}`);
});
scope.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  postError(
    `The comparison worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  );
});

new ComparisonHost({ endpoint: self as unknown as Endpoint, clock: createClock() });
