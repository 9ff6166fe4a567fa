// @vitest-environment node
/**
 * SimulationHost's pacing end to end (host + connection over a MessageChannel, FakeHostClock): sim time follows
 * fake wall time × speed, a tick never spends more than its wall budget, snapshots are throttled and coalesced, and
 * the same query gives the same snapshots at the same sim times.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEndpointConnection } from '../client/EndpointConnection';
import { initCompression } from '../model/common/compress/Compression';
import { ProducerRun } from '../model/run/ProducerRun';
import { SnapshotBuilder } from '../model/run/SnapshotBuilder';
import type { HostCommand } from '../protocol/messages';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { HostHarness, isSnapshot } from './HostHarness';
import { TICK_BUDGET_MS } from './Pacer';

const harnesses: HostHarness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.close();
  vi.restoreAllMocks();
});

function harness(): HostHarness {
  const h = new HostHarness(createEndpointConnection);
  harnesses.push(h);
  return h;
}

/** Makes every simulated ms the model advances cost `perSimMs` of fake wall time (changeable later). */
function costPerSimMs(h: HostHarness, perSimMs: number): { perSimMs: number } {
  const cost = { perSimMs };
  const advanceTo = ProducerRun.prototype.advanceTo;
  vi.spyOn(ProducerRun.prototype, 'advanceTo').mockImplementation(function (
    this: ProducerRun,
    targetMs: number,
  ) {
    const from = this.nowMs;
    advanceTo.call(this, targetMs);
    h.clock.charge((this.nowMs - from) * cost.perSimMs);
  });
  return cost;
}

/** Plays at `speed` for `wallMs` of fake wall time, then pauses; returns the sim time reached. */
async function playFor(h: HostHarness, wallMs: number): Promise<number> {
  await h.snapshotAfter({ type: 'play' });
  await h.advance(wallMs);
  return (await h.snapshotAfter({ type: 'pause' })).snapshot.nowMs;
}

describe('SimulationHost pacing', () => {
  it('advances sim time in proportion to wall time and speed', async () => {
    const h = harness();
    await h.init('', 1000);
    const atRealTime = await playFor(h, 500);
    expect(atRealTime).toBeGreaterThan(490);
    expect(atRealTime).toBeLessThanOrEqual(500);
    await h.snapshotAfter({ type: 'setSpeed', speed: 100 });
    const slow = (await playFor(h, 500)) - atRealTime;
    expect(slow).toBeGreaterThan(45);
    expect(slow).toBeLessThanOrEqual(50);
  });

  it('deep slow motion: one simulated ms per wall second', async () => {
    const h = harness();
    await h.init('', 1);
    expect(await playFor(h, 3000)).toBeCloseTo(3, 1);
  });

  it('setSpeed changes the pace from the moment it arrives, and the snapshot says so', async () => {
    const h = harness();
    await h.init('', 1000);
    await h.snapshotAfter({ type: 'play' });
    await h.advance(100);
    const changed = await h.snapshotAfter({ type: 'setSpeed', speed: 10 });
    expect(changed).toMatchObject({ speed: 10, playing: true });
    const before = changed.snapshot.nowMs;
    await h.advance(1000);
    const after = (await h.snapshotAfter({ type: 'pause' })).snapshot.nowMs;
    expect(after - before).toBeGreaterThan(9);
    expect(after - before).toBeLessThanOrEqual(10.5);
  });

  it('waits for the page to show a snapshot before sending the next (flow control)', async () => {
    const h = harness();
    await h.init();
    await h.snapshotAfter({ type: 'play' });
    h.autoFrames = false;
    h.runFrames();
    const from = h.rawSnapshots().length;
    await h.advance(1000);
    const unanswered = h.rawSnapshots().length - from;
    // A page that shows nothing gets one snapshot per 250 ms, not one per 16 ms.
    expect(unanswered).toBeGreaterThanOrEqual(3);
    expect(unanswered).toBeLessThanOrEqual(5);
    h.autoFrames = true;
    const answeredFrom = h.rawSnapshots().length;
    await h.advance(480);
    expect(h.rawSnapshots().length - answeredFrom).toBeGreaterThanOrEqual(20);
  });

  it('sends at most one snapshot per 16 ms of wall time while playing', async () => {
    const h = harness();
    await h.init();
    await h.snapshotAfter({ type: 'play' });
    const from = h.rawSnapshots().length;
    await h.advance(480);
    await h.settle();
    const sent = h.rawSnapshots().length - from;
    expect(sent).toBeGreaterThanOrEqual(25);
    expect(sent).toBeLessThanOrEqual(31);
  });

  it('sends a costly snapshot less often: at least twice its cost apart', async () => {
    const h = harness();
    await h.init();
    const build = SnapshotBuilder.prototype.build;
    vi.spyOn(SnapshotBuilder.prototype, 'build').mockImplementation(function (
      this: SnapshotBuilder,
    ) {
      h.clock.charge(30);
      return build.call(this);
    });
    await h.snapshotAfter({ type: 'play' });
    const from = h.rawSnapshots().length;
    await h.advance(1200);
    const sent = h.rawSnapshots().length - from;
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(sent).toBeLessThanOrEqual(1200 / 60 + 1);
  });

  it('pause stops the clock and the ticks', async () => {
    const h = harness();
    await h.init();
    const paused = await playFor(h, 200);
    const count = h.rawSnapshots().length;
    await h.advance(1000);
    await h.settle();
    expect(h.clock.pending).toBe(0);
    expect(h.rawSnapshots().length).toBe(count);
    expect(h.lastSnapshot()).toMatchObject({ playing: false });
    expect(h.lastSnapshot().snapshot.nowMs).toBe(paused);
  });

  it('never spends more than the tick budget: a huge speed falls behind and each tick returns', async () => {
    const h = harness();
    costPerSimMs(h, 1); // a model that manages only 1000 simulated ms per wall second
    await h.init('duration.ms=3600000', 1e9);
    await h.snapshotAfter({ type: 'play' });
    for (let tick = 0; tick < 5; tick++) {
      const started = h.clock.runNext();
      expect(started).not.toBeNull();
      expect(h.clock.peekMs() - (started ?? 0)).toBeLessThanOrEqual(TICK_BUDGET_MS + 2);
    }
    const reached = (await h.snapshotAfter({ type: 'pause' })).snapshot.nowMs;
    // About a budget's worth of simulated ms per tick (this model does 1 per wall ms): far behind, no burst.
    expect(reached).toBeGreaterThan(3 * TICK_BUDGET_MS);
    expect(reached).toBeLessThanOrEqual(5 * TICK_BUDGET_MS);
  });

  it('re-bases when behind: once the model is fast again there is no burst to catch up', async () => {
    const h = harness();
    const cost = costPerSimMs(h, 1);
    await h.init('duration.ms=3600000', 2000);
    await h.snapshotAfter({ type: 'play' });
    // In one stretch: the charged model time moves the fake clock itself.
    await h.advance(1000, 1000);
    const behind = h.lastSnapshot().snapshot.nowMs;
    expect(behind).toBeGreaterThan(900); // at most ~1000 of the 2000 asked for
    expect(behind).toBeLessThan(1100);
    cost.perSimMs = 0;
    await h.advance(100);
    const caughtUp = (await h.snapshotAfter({ type: 'pause' })).snapshot.nowMs;
    // 100 wall ms at 2000 = 200, plus at most one tick of lag (20): not the ~1000 it was behind.
    expect(caughtUp - behind).toBeGreaterThan(180);
    expect(caughtUp - behind).toBeLessThanOrEqual(200 + (2000 * TICK_BUDGET_MS) / 1000);
  });

  it("at 'max' runs to the end of the run, then pauses with a final snapshot", async () => {
    const h = harness();
    await h.init('duration.ms=300', 'max');
    await h.snapshotAfter({ type: 'play' });
    h.clock.readCostMs = 0.5;
    await h.advance(10_000);
    await h.settle();
    const last = h.lastSnapshot();
    expect(last.playing).toBe(false);
    expect(last.snapshot.nowMs).toBe(300);
    expect(last.snapshot.end).toBe('duration');
    expect(h.clock.pending).toBe(0);
  });
});

describe('SimulationHost snapshots', () => {
  it('numbers snapshots 1, 2, 3, … and the connection delivers only the newest per frame', async () => {
    const h = harness();
    await h.init();
    await h.snapshotAfter({ type: 'play' });
    h.autoFrames = false;
    h.runFrames();
    const deliveredBefore = h.delivered.filter(isSnapshot).length;
    const rawBefore = h.rawSnapshots().length;
    // No frame runs, so the page never says it applied one: the host falls back to its 250 ms timeout.
    await h.advance(800);
    await h.settle();
    const raw = h.rawSnapshots();
    expect(raw.length - rawBefore).toBeGreaterThanOrEqual(3);
    expect(raw.map((s) => s.seq)).toEqual(raw.map((_, i) => i + 1));
    expect(h.delivered.filter(isSnapshot)).toHaveLength(deliveredBefore);
    expect(h.runFrames()).toBe(1);
    const delivered = h.delivered.filter(isSnapshot);
    expect(delivered).toHaveLength(deliveredBefore + 1);
    expect(delivered[delivered.length - 1].seq).toBe(raw[raw.length - 1].seq);
  });

  it('same query, same commands: the same snapshots at the same sim times, however time was sliced', async () => {
    const script = async (h: HostHarness, readCostMs: number) => {
      await h.init('keys=20&linger.ms=10&seed=7', 700);
      h.clock.readCostMs = readCostMs;
      const steps: HostCommand[] = [{ type: 'play' }, { type: 'pause' }];
      for (const c of steps) {
        await h.snapshotAfter(c);
        await h.advance(300);
      }
      h.clock.readCostMs = 0;
      return h.rawSnapshots().map((s) => s.snapshot);
    };
    const a = await script(harness(), 0);
    const b = await script(harness(), 0);
    expect(b).toEqual(a);
    // Sliced differently (a costlier clock means more, shorter slices), each snapshot is what a run advanced
    // straight to its time shows.
    const sliced = await script(harness(), 0.25);
    await initCompression();
    const times = sliced.map((s) => s.nowMs);
    expect(new Set(times).size).toBeGreaterThan(5);
    const reference = new ProducerRun(decodeScenario('keys=20&linger.ms=10&seed=7').scenario);
    const builder = new SnapshotBuilder(reference);
    // A snapshot taken before anything ran (init, play) precedes the events due at 0 ms; advanceTo runs them.
    for (const snapshot of sliced.filter((s) => s.nowMs > 0)) {
      reference.advanceTo(snapshot.nowMs);
      expect(builder.build()).toEqual(snapshot);
    }
  });
});
