/**
 * The main-thread half of the worker boundary over any Endpoint (a Worker, a MessagePort in tests): posts
 * HostCommands and hands replies to subscribers in the order they came, except that snapshots are coalesced: only the
 * newest waits for the next animation frame, so at most one snapshot per frame reaches the store. Each snapshot
 * delivery is measured as the performance entry 'kpe:snapshot-apply' (the UI benchmark reads it).
 */
import type { Endpoint, HostCommand, HostReply, SimulationConnection } from '../protocol/messages';

/** requestAnimationFrame, or a test's hand-cranked frame. */
export type RequestFrame = (callback: () => void) => void;

/** The performance measure around each snapshot delivery (listeners included). */
export const SNAPSHOT_APPLY_MEASURE = 'kpe:snapshot-apply';
const SNAPSHOT_APPLY_START = 'kpe:snapshot-apply:start';
/** Measures kept before the oldest are cleared (about three minutes at 60 snapshots a second). */
const MAX_MEASURES = 10_000;

export interface EndpointConnection extends SimulationConnection {
  /** Takes a reply as if the endpoint had sent it: the worker wrapper reports worker failures through this. */
  receive(reply: HostReply): void;
}

export interface EndpointConnectionOptions {
  /**
   * Animation frames per snapshot shown (default 1: every frame). 2 halves the page's rendering work; the canvas
   * still moves its marks every frame, easing toward the newest positions.
   */
  readonly framesPerSnapshot?: number;
}

export interface EndpointConnectionHooks {
  /** Ends the current endpoint and returns a fresh one (a new worker). Without it, restart() only drops the queue. */
  restart?(): Endpoint;
  /** Ends the endpoint for good. */
  dispose?(): void;
}

export function createEndpointConnection(
  initial: Endpoint,
  requestFrame: RequestFrame = defaultRequestFrame(),
  hooks: EndpointConnectionHooks = {},
  options: EndpointConnectionOptions = {},
): EndpointConnection {
  const framesPerSnapshot = Math.max(1, Math.floor(options.framesPerSnapshot ?? 1));
  /** Frames since a snapshot was last shown (starts ready to show one). */
  let framesSinceSnapshot = framesPerSnapshot;
  const listeners = new Set<(reply: HostReply) => void>();
  let endpoint = initial;
  /** Replies not yet delivered: at most one snapshot, and whatever came after it (kept behind it, in order). */
  let queue: HostReply[] = [];
  let frameRequested = false;
  /** Bumped on restart, so a frame requested for the old worker delivers nothing. */
  let generation = 0;
  let disposed = false;
  let measures = 0;

  const onMessage = (event: MessageEvent): void => receive(event.data as HostReply);

  function receive(reply: HostReply): void {
    if (disposed) return;
    if (reply.type === 'snapshot') {
      queue = queue.filter((r) => r.type !== 'snapshot');
      queue.push(reply);
      requestFlush();
    } else if (queue.length === 0) {
      deliver(reply);
    } else {
      queue.push(reply);
    }
  }

  function requestFlush(): void {
    if (frameRequested) return;
    frameRequested = true;
    const requestedFor = generation;
    requestFrame(() => {
      if (requestedFor !== generation || disposed) return;
      frameRequested = false;
      framesSinceSnapshot++;
      if (framesSinceSnapshot < framesPerSnapshot && queue[0]?.type === 'snapshot') {
        requestFlush();
        return;
      }
      const due = queue;
      queue = [];
      for (const reply of due) deliver(reply);
    });
  }

  function deliver(reply: HostReply): void {
    if (reply.type !== 'snapshot') {
      notify(reply);
      return;
    }
    framesSinceSnapshot = 0;
    applySnapshot(reply);
    // Flow control: the host sends the next playing snapshot only once the page has shown this one.
    endpoint.postMessage({ type: 'snapshotApplied', seq: reply.seq });
  }

  function applySnapshot(reply: HostReply): void {
    if (typeof performance === 'undefined') {
      notify(reply);
      return;
    }
    performance.mark(SNAPSHOT_APPLY_START);
    try {
      notify(reply);
    } finally {
      performance.measure(SNAPSHOT_APPLY_MEASURE, SNAPSHOT_APPLY_START);
      performance.clearMarks(SNAPSHOT_APPLY_START);
      if (++measures >= MAX_MEASURES) {
        measures = 0;
        performance.clearMeasures(SNAPSHOT_APPLY_MEASURE);
      }
    }
  }

  function notify(reply: HostReply): void {
    for (const listener of [...listeners]) {
      try {
        listener(reply);
      } catch (e) {
        // One failing subscriber must not starve the others.
        console.error(e);
      }
    }
  }

  endpoint.addEventListener('message', onMessage);

  return {
    receive,
    send(command: HostCommand): void {
      if (!disposed) endpoint.postMessage(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    restart(): void {
      if (disposed) return;
      generation++;
      frameRequested = false;
      queue = [];
      if (hooks.restart === undefined) return;
      endpoint.removeEventListener('message', onMessage);
      endpoint = hooks.restart();
      endpoint.addEventListener('message', onMessage);
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      queue = [];
      listeners.clear();
      endpoint.removeEventListener('message', onMessage);
      hooks.dispose?.();
    },
  };
}

function defaultRequestFrame(): RequestFrame {
  if (typeof requestAnimationFrame === 'function') {
    return (callback) => {
      requestAnimationFrame(() => callback());
    };
  }
  return (callback) => {
    setTimeout(callback, 16);
  };
}
