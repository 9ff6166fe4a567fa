/**
 * The page's SimulationConnection: a module Web Worker running worker/simulation.worker.ts behind the coalescing
 * EndpointConnection. A worker that fails (a load error, an uncaught exception, an unreadable message) becomes a
 * fatal `error` reply, so the page shows a message and a restart button instead of freezing; restart() terminates
 * the worker and starts a fresh one (the caller sends `init` again).
 */
import type { Endpoint, HostReply, SimulationConnection } from '../protocol/messages';
import {
  createEndpointConnection,
  type EndpointConnection,
  type RequestFrame,
} from './EndpointConnection';

export {
  createEndpointConnection,
  type EndpointConnection,
  type EndpointConnectionHooks,
  type RequestFrame,
  SNAPSHOT_APPLY_MEASURE,
} from './EndpointConnection';

/** What the connection needs of a Worker (a test may pass a double). */
export interface WorkerLike extends Endpoint {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerConnectionOptions {
  /** Makes the worker (default: the simulation module worker, bundled by Vite). */
  readonly createWorker?: () => WorkerLike;
  /** Default: requestAnimationFrame. */
  readonly requestFrame?: RequestFrame;
  /** Animation frames per snapshot shown (default 2). */
  readonly framesPerSnapshot?: number;
}

function createSimulationWorker(): WorkerLike {
  // Vite recognises exactly this form and bundles the worker (with the model) as its own chunk.
  return new Worker(new URL('../worker/simulation.worker.ts', import.meta.url), { type: 'module' });
}

export function createWorkerConnection(
  options: WorkerConnectionOptions = {},
): SimulationConnection {
  const create = options.createWorker ?? createSimulationWorker;
  let worker = create();
  // Assigned below; the listeners only run after the connection exists.
  let connection: EndpointConnection | null = null;

  const fatal = (message: string): void => {
    const reply: HostReply = { type: 'error', message, fatal: true };
    connection?.receive(reply);
  };
  const onError = (event: Event): void => {
    // An ErrorEvent carries a message; a worker script that failed to load fires a plain Event.
    const message = (event as Partial<ErrorEvent>).message;
    const detail = typeof message === 'string' && message !== '' ? message : 'it could not start';
    fatal(`The simulation worker failed: ${detail}`);
  };
  const onMessageError = (): void => {
    fatal('A message from the simulation worker could not be read.');
  };
  const watch = (w: WorkerLike): void => {
    w.addEventListener('error', onError);
    w.addEventListener('messageerror', onMessageError);
  };
  const unwatch = (w: WorkerLike): void => {
    w.removeEventListener('error', onError);
    w.removeEventListener('messageerror', onMessageError);
  };

  watch(worker);
  connection = createEndpointConnection(
    worker,
    options.requestFrame,
    {
      restart() {
        unwatch(worker);
        worker.terminate();
        worker = create();
        watch(worker);
        return worker;
      },
      dispose() {
        unwatch(worker);
        worker.terminate();
      },
    },
    // The SVG stages re-render with each snapshot; every other frame keeps the page well inside its frame budget
    // while the canvas marks still move every frame.
    { framesPerSnapshot: options.framesPerSnapshot ?? 2 },
  );
  return connection;
}
