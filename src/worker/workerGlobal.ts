/**
 * What both worker entries need from the worker global, given to them as parameters so the entries stay the only
 * files that touch `self`: a HostClock on performance.now() and timers, and one report of anything uncaught.
 */
import type { HostClock } from './PlayLoop';

/** The worker global's failure events, as the entries see them. */
export interface WorkerFailures {
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
}

/**
 * A zero delay goes through a MessageChannel: setTimeout(0) is clamped to 4 ms once timers nest, which would idle
 * the worker for a third of every tick at 'max' speed. Incoming commands still run between two such tasks.
 */
export function createWorkerClock(): HostClock {
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

/** Reports an uncaught error or rejection once, as `<what>: <message>`, through `report`. */
export function reportUncaught(
  scope: WorkerFailures,
  what: string,
  report: (message: string) => void,
): void {
  scope.addEventListener('error', (event) => {
    // Reported here, with its message; unprevented it would also reach the page as a second, vaguer failure.
    event.preventDefault();
    console.error(event.error ?? event.message);
    report(`${what}: ${event.message || 'unknown error'}`);
  });
  scope.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    report(`${what}: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
}
