// @vitest-environment node
/**
 * SimulationHost's commands end to end: the host and the page's connection over a real MessageChannel, wall time
 * from a FakeHostClock. Pacing and determinism are in SimulationHostPacing.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEndpointConnection } from '../client/EndpointConnection';
import { ProducerRun } from '../model/run/ProducerRun';
import { type HostReply, PROTOCOL_VERSION } from '../protocol/messages';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { HostHarness, isSnapshot } from './HostHarness';

/** Producer configs to slip past the decoder (a scenario the model refuses cannot be written as a query). */
const smuggled = vi.hoisted(() => ({ producer: null as Record<string, string> | null }));
vi.mock('../scenario/ScenarioCodec', async (importOriginal) => {
  const codec = await importOriginal<typeof import('../scenario/ScenarioCodec')>();
  return {
    ...codec,
    decodeScenario(query: string) {
      const decoded = codec.decodeScenario(query);
      if (smuggled.producer === null) return decoded;
      return { ...decoded, scenario: { ...decoded.scenario, producer: smuggled.producer } };
    },
  };
});

type ErrorReply = Extract<HostReply, { type: 'error' }>;
const isError = (r: HostReply): r is ErrorReply => r.type === 'error';

const IMPOSSIBLE = 'max.in.flight.requests.per.connection=6&enable.idempotence=true';
const KAFKA_IDEMPOTENCE_MESSAGE =
  'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. ' +
  'Current value is 6.';

let h: HostHarness;
afterEach(() => {
  h?.close();
  smuggled.producer = null;
  vi.restoreAllMocks();
});

function harness(): HostHarness {
  h = new HostHarness(createEndpointConnection);
  return h;
}

describe('SimulationHost init', () => {
  it('replies ready, then loaded with the canonical query, then a first snapshot at 0 ms', async () => {
    const h = harness();
    const first = await h.init('acks=1&linger.ms=20', 250);
    expect(h.raw.map((r) => r.type)).toEqual(['ready', 'loaded', 'snapshot']);
    expect(h.raw[0]).toEqual({ type: 'ready', version: PROTOCOL_VERSION });
    expect(h.raw[1]).toMatchObject({ type: 'loaded', query: 'linger.ms=20&acks=1', notice: null });
    const snap = h.lastSnapshot();
    expect(snap).toMatchObject({ seq: 1, playing: false, speed: 250 });
    expect(first.nowMs).toBe(0);
    expect(first.settings.lingerMs).toBe(20);
    expect(first.settings.acks).toBe(1);
    // The subscriber saw the same, in the same order (the snapshot on the next frame).
    expect(h.delivered.map((r) => r.type)).toEqual(['ready', 'loaded', 'snapshot']);
  });

  it("runs a bad URL with defaults and lists the decoder's problems by key in `loaded`", async () => {
    const h = harness();
    const snap = await h.init('linger.ms=-1&foo=1&partitions=abc');
    const loaded = h.raw.find((r) => r.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.problems.map((p) => p.key).sort()).toEqual([
      'foo',
      'linger.ms',
      'partitions',
    ]);
    expect(loaded?.type === 'loaded' && loaded.query).toBe('');
    expect(snap.settings.lingerMs).toBe(5);
    expect(snap.settings.partitions).toBe(6);
  });

  it('refuses a page of another protocol version with a fatal error naming both versions', async () => {
    const h = harness();
    const reply = await h.request(
      { type: 'init', version: PROTOCOL_VERSION + 1, query: '', speed: 1000 },
      isError,
    );
    expect(reply.fatal).toBe(true);
    expect(reply.message).toContain(String(PROTOCOL_VERSION + 1));
    expect(reply.message).toContain(String(PROTOCOL_VERSION));
    await h.settle();
    expect(h.raw.some((r) => r.type === 'ready' || r.type === 'snapshot')).toBe(false);
  });

  it('answers commands sent before init finished, in order', async () => {
    const h = harness();
    h.send({ type: 'init', version: PROTOCOL_VERSION, query: '', speed: 1000 });
    h.send({ type: 'step' });
    h.send({ type: 'setSpeed', speed: 42 });
    await h.until(() => h.rawSnapshots()[2], 'the setSpeed snapshot');
    expect(h.raw.map((r) => r.type)).toEqual([
      'ready',
      'loaded',
      'snapshot',
      'snapshot',
      'snapshot',
    ]);
    expect(h.rawSnapshots().map((s) => s.speed)).toEqual([1000, 1000, 42]);
  });
});

describe('SimulationHost refusals', () => {
  it('names the type of an unknown command and the shape of a malformed one, without stopping', async () => {
    const h = harness();
    await h.init();
    const port = h.connection as unknown as { send(c: unknown): void };
    const from = h.raw.length;
    port.send({ type: 'explode' });
    port.send(42);
    port.send({ type: 'setSpeed', speed: -3 });
    await h.until(() => (h.raw.length >= from + 3 ? true : undefined), 'three refusals');
    const errors = h.raw.slice(from).filter(isError);
    expect(errors.map((e) => e.fatal)).toEqual([false, false, false]);
    expect(errors[0].message).toContain('"explode"');
    expect(errors[1].message).toContain('42');
    expect(errors[2].message).toMatch(/setSpeed.*speed/);
    expect((await h.snapshotAfter({ type: 'setSpeed', speed: 5 })).speed).toBe(5);
  });

  it("refuses a load Kafka would refuse, in Kafka's words, and the old run goes on", async () => {
    const h = harness();
    await h.init('linger.ms=7');
    await h.snapshotAfter({ type: 'play' });
    await h.advance(100);
    const error = await h.request(
      { type: 'load', query: IMPOSSIBLE, reason: 'max.in.flight.requests.per.connection changed' },
      isError,
    );
    expect(error.fatal).toBe(false);
    expect(error.message).toContain('max.in.flight.requests.per.connection');
    expect(error.message).toContain(KAFKA_IDEMPOTENCE_MESSAGE);
    expect(error.message).toContain('previous run goes on');
    await h.advance(100);
    const after = await h.snapshotAfter({ type: 'pause' });
    expect(after.snapshot.nowMs).toBeGreaterThan(150);
    expect(after.snapshot.settings.lingerMs).toBe(7);
    expect(h.raw.filter((r) => r.type === 'loaded')).toHaveLength(1);
  });

  it('says no run exists when the very first run cannot be built', async () => {
    const h = harness();
    smuggled.producer = { 'linger.ms': '-1' };
    const error = await h.request(
      { type: 'init', version: PROTOCOL_VERSION, query: '', speed: 1000 },
      isError,
    );
    expect(error.fatal).toBe(false);
    expect(error.message).toContain(
      'linger.ms: Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(error.message).toContain('No run exists');
    expect(h.raw.map((r) => r.type)).toEqual(['ready', 'error']);
    const play = await h.request({ type: 'play' }, isError);
    expect(play).toMatchObject({ fatal: false });
    expect(play.message).toContain('no run exists');
  });

  it('keeps the old run when a new one cannot be built', async () => {
    const h = harness();
    await h.init('linger.ms=9');
    smuggled.producer = { 'linger.ms': '-1' };
    const error = await h.request({ type: 'load', query: '', reason: 'test' }, isError);
    expect(error.fatal).toBe(false);
    expect(error.message).toContain('previous run goes on');
    smuggled.producer = null;
    const step = await h.snapshotAfter({ type: 'step' });
    expect(step.snapshot.settings.lingerMs).toBe(9);
  });
});

describe('SimulationHost commands', () => {
  it('load restarts from 0 ms with the new scenario, keeping play state and speed, and says why', async () => {
    const h = harness();
    await h.init('', 500);
    await h.snapshotAfter({ type: 'play' });
    await h.advance(200);
    const loaded = await h.request(
      { type: 'load', query: 'linger.ms=50', reason: 'linger.ms changed' },
      (r): r is Extract<HostReply, { type: 'loaded' }> => r.type === 'loaded',
    );
    expect(loaded.query).toBe('linger.ms=50');
    expect(loaded.notice).toMatch(
      /^linger\.ms changed — the run restarted from 0 ms \(same seed\)$/,
    );
    const snap = await h.until(() => h.raw.slice(h.raw.indexOf(loaded)).find(isSnapshot), 'snap');
    expect(snap).toMatchObject({ playing: true, speed: 500 });
    expect(snap.snapshot.nowMs).toBe(0);
    expect(snap.snapshot.settings.lingerMs).toBe(50);
  });

  it('reset starts the same scenario over: the first snapshot again, play state kept', async () => {
    const h = harness();
    const first = await h.init('keys=10&linger.ms=3');
    await h.snapshotAfter({ type: 'play' });
    await h.advance(300);
    expect(h.lastSnapshot().snapshot.nowMs).toBeGreaterThan(200);
    const reset = await h.snapshotAfter({ type: 'reset' });
    expect(reset.playing).toBe(true);
    expect(reset.snapshot).toEqual(first);
    expect(h.raw.filter((r) => r.type === 'loaded')).toHaveLength(1);
  });

  it('step pauses and runs every event due at the next event time', async () => {
    const h = harness();
    await h.init('keys=4');
    const reference = new ProducerRun(decodeScenario('keys=4').scenario);
    await h.snapshotAfter({ type: 'play' });
    await h.snapshotAfter({ type: 'pause' });
    for (let i = 0; i < 5; i++) {
      const expected = reference.sim.nextEventTimeMs();
      reference.stepEvent();
      const step = await h.snapshotAfter({ type: 'step' });
      expect(step.playing).toBe(false);
      expect(step.snapshot.nowMs).toBe(expected);
    }
    const playing = await h.snapshotAfter({ type: 'play' });
    expect(playing.playing).toBe(true);
    const stepped = await h.snapshotAfter({ type: 'step' });
    expect(stepped.playing).toBe(false);
    expect(h.clock.pending).toBe(0);
  });

  it('applies a fault now: faultApplied carries its time and canonical text, the broker shows dead', async () => {
    const h = harness();
    await h.init();
    for (let i = 0; i < 3; i++) await h.snapshotAfter({ type: 'step' });
    const at = h.lastSnapshot().snapshot.nowMs;
    expect(h.lastSnapshot().snapshot.brokers[1].alive).toBe(true);
    const applied = await h.request(
      { type: 'fault', fault: ' crash : 1 ' },
      (r): r is Extract<HostReply, { type: 'faultApplied' }> => r.type === 'faultApplied',
    );
    // At the next whole simulated ms, so the fault's URL key is tidy and replays exactly.
    expect(applied).toEqual({ type: 'faultApplied', atMs: Math.ceil(at), fault: 'crash:1' });
    const next = await h.until(() => h.raw.slice(h.raw.indexOf(applied)).find(isSnapshot), 'snap');
    expect(next.snapshot.nowMs).toBe(Math.ceil(at));
    expect(next.snapshot.brokers[1].alive).toBe(false);
    expect(next.snapshot.brokers[0].alive).toBe(true);
  });

  it('a live fault gives the same run as a link that carries it', async () => {
    const live = harness();
    await live.init('throughput=5000');
    for (let i = 0; i < 40; i++) await live.snapshotAfter({ type: 'step' });
    const applied = await live.request(
      { type: 'fault', fault: 'crash:0' },
      (r): r is Extract<HostReply, { type: 'faultApplied' }> => r.type === 'faultApplied',
    );
    for (let i = 0; i < 200; i++) await live.snapshotAfter({ type: 'step' });
    const liveEnd = live.lastSnapshot().snapshot;

    const linked = harness();
    await linked.init(`throughput=5000&fault=${applied.atMs}:crash:0`);
    let snap = linked.lastSnapshot().snapshot;
    while (snap.nowMs < liveEnd.nowMs)
      snap = (await linked.snapshotAfter({ type: 'step' })).snapshot;
    expect(snap.nowMs).toBe(liveEnd.nowMs);
    expect(snap.counters).toEqual(liveEnd.counters);
    expect(snap.partitions).toEqual(liveEnd.partitions);
    expect(snap.brokers).toEqual(liveEnd.brokers);
  });

  it('refuses a bad fault with a non-fatal error naming it and the reason', async () => {
    const h = harness();
    await h.init();
    const missing = await h.request({ type: 'fault', fault: 'crash:9' }, isError);
    expect(missing.fatal).toBe(false);
    expect(missing.message).toContain('crash:9');
    expect(missing.message).toContain('broker "9" does not exist');
    const unknown = await h.request({ type: 'fault', fault: 'explode:1' }, isError);
    expect(unknown.message).toContain('unknown action "explode"');
    expect(h.raw.some((r) => r.type === 'faultApplied')).toBe(false);
    expect(h.lastSnapshot().snapshot.brokers.every((b) => b.alive)).toBe(true);
  });

  it('stops with a fatal error (message and where) when the model throws while advancing', async () => {
    const h = harness();
    await h.init();
    vi.spyOn(ProducerRun.prototype, 'advanceTo').mockImplementation(() => {
      throw new Error('boom in the model');
    });
    await h.snapshotAfter({ type: 'play' });
    await h.advance(20);
    const error = await h.until(() => h.raw.find(isError), 'the fatal error');
    expect(error.fatal).toBe(true);
    expect(error.message).toMatch(/^The simulation stopped: boom in the model \(at .+\)$/);
    expect(h.clock.pending).toBe(0);
    expect(h.delivered.some((r) => r.type === 'error' && r.fatal)).toBe(true);
  });
});
