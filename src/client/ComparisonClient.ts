/**
 * The page's ComparisonConnection: a module Web Worker of its own (worker/comparison.worker.ts), so a comparison
 * never stops the live simulation. The worker is made on the first command, not at page load (most visits never
 * compare, and the page's start stays light). A worker that fails becomes an `error` reply (id -1); the next
 * command starts a fresh worker. Replies are delivered in order, uncoalesced (they are few and small).
 */
import type {
  ComparisonCommand,
  ComparisonConnection,
  ComparisonReply,
} from '../protocol/comparison';
import type { Endpoint } from '../protocol/messages';
import type { WorkerLike } from './SimulationClient';

export interface ComparisonConnectionOptions {
  /** Makes the worker (default: the comparison module worker, bundled by Vite). */
  readonly createWorker?: () => WorkerLike;
}

function createComparisonWorker(): WorkerLike {
  // Vite recognises exactly this form and bundles the worker (with the model) as its own chunk.
  return new Worker(new URL('../worker/comparison.worker.ts', import.meta.url), { type: 'module' });
}

/** Over any Endpoint (a MessagePort in tests): replies to subscribers in order. */
export function createComparisonEndpointConnection(
  endpoint: Endpoint,
  onDispose?: () => void,
): ComparisonConnection & { receive(reply: ComparisonReply): void } {
  const listeners = new Set<(reply: ComparisonReply) => void>();
  let disposed = false;
  const receive = (reply: ComparisonReply): void => {
    if (disposed) return;
    for (const listener of [...listeners]) {
      try {
        listener(reply);
      } catch (e) {
        // One failing subscriber must not starve the others.
        console.error(e);
      }
    }
  };
  const onMessage = (event: MessageEvent): void => receive(event.data as ComparisonReply);
  endpoint.addEventListener('message', onMessage);
  return {
    receive,
    send(command: ComparisonCommand): void {
      if (!disposed) endpoint.postMessage(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      endpoint.removeEventListener('message', onMessage);
      onDispose?.();
    },
  };
}

/** The comparison worker behind a connection; the worker starts with the first command. */
export function createComparisonConnection(
  options: ComparisonConnectionOptions = {},
): ComparisonConnection {
  const create = options.createWorker ?? createComparisonWorker;
  const listeners = new Set<(reply: ComparisonReply) => void>();
  let worker: WorkerLike | null = null;
  let disposed = false;

  const deliver = (reply: ComparisonReply): void => {
    for (const listener of [...listeners]) {
      try {
        listener(reply);
      } catch (e) {
        console.error(e);
      }
    }
  };
  const onMessage = (event: MessageEvent): void => deliver(event.data as ComparisonReply);
  const onFailure = (event: Event): void => {
    // An ErrorEvent carries a message; a worker script that failed to load fires a plain Event.
    const message = (event as Partial<ErrorEvent>).message;
    const detail = typeof message === 'string' && message !== '' ? message : 'it could not start';
    drop();
    deliver({
      type: 'error',
      id: -1,
      message: `The comparison worker failed: ${detail}`,
      keys: [],
    });
  };

  function drop(): void {
    if (worker === null) return;
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onFailure);
    worker.removeEventListener('messageerror', onFailure);
    worker.terminate();
    worker = null;
  }

  function ensureWorker(): WorkerLike {
    if (worker !== null) return worker;
    const w = create();
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onFailure);
    w.addEventListener('messageerror', onFailure);
    worker = w;
    return w;
  }

  return {
    send(command) {
      if (disposed) return;
      // Nothing to cancel before the worker exists.
      if (command.type === 'cancel' && worker === null) return;
      ensureWorker().postMessage(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      drop();
      listeners.clear();
    },
  };
}
