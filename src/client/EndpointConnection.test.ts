// @vitest-environment node
/**
 * EndpointConnection: replies in order, snapshots coalesced to the newest per frame, each delivery measured, and
 * restart/dispose dropping what belonged to the old endpoint. Fed by a snapshot the model produced.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ProducerRun } from '../model/run/ProducerRun';
import type { RunSnapshot } from '../model/run/RunSnapshot';
import { SnapshotBuilder } from '../model/run/SnapshotBuilder';
import type { HostReply } from '../protocol/messages';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { createEndpointConnection, SNAPSHOT_APPLY_MEASURE } from './EndpointConnection';
import { FakeEndpoint, FakeFrames } from './FakeEndpoint';

let modelSnapshot: RunSnapshot;
beforeAll(() => {
  const run = new ProducerRun(decodeScenario('keys=3').scenario);
  const builder = new SnapshotBuilder(run);
  run.advanceTo(50);
  modelSnapshot = builder.build();
});

const snapshot = (seq: number): HostReply => ({
  type: 'snapshot',
  seq,
  playing: true,
  speed: 1000,
  snapshot: modelSnapshot,
});
const loaded: HostReply = { type: 'loaded', query: 'linger.ms=5', problems: [], notice: 'why' };
const ready: HostReply = { type: 'ready', version: 1 };

function setup() {
  const endpoint = new FakeEndpoint();
  const frames = new FakeFrames();
  const connection = createEndpointConnection(endpoint, frames.request);
  const got: HostReply[] = [];
  connection.subscribe((r) => got.push(r));
  return { endpoint, frames, connection, got };
}

describe('EndpointConnection', () => {
  it('posts commands as they are', () => {
    const { endpoint, connection } = setup();
    connection.send({ type: 'play' });
    connection.send({ type: 'setSpeed', speed: 'max' });
    expect(endpoint.sent).toEqual([{ type: 'play' }, { type: 'setSpeed', speed: 'max' }]);
  });

  it('delivers other replies at once, in order, when no snapshot is waiting', () => {
    const { endpoint, frames, got } = setup();
    endpoint.emit(ready);
    endpoint.emit(loaded);
    expect(got).toEqual([ready, loaded]);
    expect(frames.pending).toBe(0);
  });

  it('tells the host which snapshot it showed, once shown (flow control), and only then', () => {
    const { endpoint, frames } = setup();
    endpoint.emit(snapshot(4));
    endpoint.emit(snapshot(5));
    expect(endpoint.sent).toEqual([]);
    frames.run();
    expect(endpoint.sent).toEqual([{ type: 'snapshotApplied', seq: 5 }]);
  });

  it('shows a snapshot every n-th frame when asked to, always the newest', () => {
    const endpoint = new FakeEndpoint();
    const frames = new FakeFrames();
    const connection = createEndpointConnection(
      endpoint,
      frames.request,
      {},
      { framesPerSnapshot: 2 },
    );
    const got: HostReply[] = [];
    connection.subscribe((r) => got.push(r));
    endpoint.emit(snapshot(1));
    frames.run();
    expect(got.map((r) => (r.type === 'snapshot' ? r.seq : r.type))).toEqual([1]);
    endpoint.emit(snapshot(2));
    frames.run();
    expect(got).toHaveLength(1);
    endpoint.emit(snapshot(3));
    frames.run();
    expect(got.map((r) => (r.type === 'snapshot' ? r.seq : r.type))).toEqual([1, 3]);
    expect(endpoint.sent).toEqual([
      { type: 'snapshotApplied', seq: 1 },
      { type: 'snapshotApplied', seq: 3 },
    ]);
  });

  it('coalesces: three snapshots between frames → one delivered, the newest', () => {
    const { endpoint, frames, got } = setup();
    endpoint.emit(snapshot(1));
    endpoint.emit(snapshot(2));
    endpoint.emit(snapshot(3));
    expect(got).toEqual([]);
    expect(frames.pending).toBe(1);
    frames.run();
    expect(got.map((r) => r.type === 'snapshot' && r.seq)).toEqual([3]);
    frames.run();
    expect(got).toHaveLength(1);
  });

  it('keeps order around a waiting snapshot; a newer snapshot replaces it in its own place', () => {
    const { endpoint, frames, got } = setup();
    endpoint.emit(snapshot(1));
    endpoint.emit(loaded);
    expect(got).toEqual([]);
    frames.run();
    expect(got).toEqual([snapshot(1), loaded]);

    got.length = 0;
    endpoint.emit(snapshot(2));
    endpoint.emit(loaded);
    endpoint.emit(snapshot(3));
    frames.run();
    // The old run's snapshot (2) never shows after `loaded`.
    expect(got).toEqual([loaded, snapshot(3)]);
  });

  it("measures each snapshot delivery as 'kpe:snapshot-apply', listeners included", () => {
    const { endpoint, frames, connection } = setup();
    let inside = 0;
    connection.subscribe((r) => {
      if (r.type === 'snapshot')
        inside = performance.getEntriesByName(SNAPSHOT_APPLY_MEASURE).length;
    });
    const before = performance.getEntriesByName(SNAPSHOT_APPLY_MEASURE).length;
    endpoint.emit(snapshot(1));
    frames.run();
    endpoint.emit(ready);
    endpoint.emit(snapshot(2));
    frames.run();
    expect(inside).toBe(before + 1);
    expect(performance.getEntriesByName(SNAPSHOT_APPLY_MEASURE, 'measure')).toHaveLength(
      before + 2,
    );
  });

  it('a failing subscriber does not starve the others; unsubscribe stops delivery', () => {
    const { endpoint, connection, got } = setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unsubscribe = connection.subscribe(() => {
      throw new Error('listener bug');
    });
    const after: HostReply[] = [];
    connection.subscribe((r) => after.push(r));
    endpoint.emit(ready);
    expect(got).toEqual([ready]);
    expect(after).toEqual([ready]);
    expect(logged).toHaveBeenCalledTimes(1);
    unsubscribe();
    endpoint.emit(loaded);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('restart drops what the old endpoint sent and moves to the new one', () => {
    const old = new FakeEndpoint();
    const fresh = new FakeEndpoint();
    const frames = new FakeFrames();
    const connection = createEndpointConnection(old, frames.request, { restart: () => fresh });
    const got: HostReply[] = [];
    connection.subscribe((r) => got.push(r));
    old.emit(snapshot(7));
    connection.restart();
    frames.run();
    expect(got).toEqual([]);
    old.emit(ready);
    expect(got).toEqual([]);
    connection.send({ type: 'play' });
    expect(fresh.sent).toEqual([{ type: 'play' }]);
    expect(old.sent).toEqual([]);
    fresh.emit(snapshot(1));
    frames.run();
    expect(got).toEqual([snapshot(1)]);
  });

  it('dispose stops listening and sending, and ends the endpoint', () => {
    const endpoint = new FakeEndpoint();
    const frames = new FakeFrames();
    const ended = vi.fn();
    const connection = createEndpointConnection(endpoint, frames.request, { dispose: ended });
    const got: HostReply[] = [];
    connection.subscribe((r) => got.push(r));
    endpoint.emit(snapshot(1));
    connection.dispose();
    frames.run();
    endpoint.emit(ready);
    connection.send({ type: 'play' });
    expect(got).toEqual([]);
    expect(endpoint.sent).toEqual([]);
    expect(endpoint.listenerCount).toBe(0);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
