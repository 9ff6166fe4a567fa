// @vitest-environment node
/**
 * The producer notices dead leaders without a request in flight (Kafka: NetworkClient.processDisconnection →
 * DefaultMetadataUpdater.handleServerDisconnect → metadata.requestUpdate): two of three brokers crash while their
 * connections are idle; the disconnects and the refused reconnects ask for metadata, the refresh goes to the
 * surviving broker, and once the controller has moved every partition there (~500 ms later) the producer's cache
 * follows within the refresh backoff (retry.backoff.max.ms = 1000), so no batch waits for a dead leader until
 * delivery.timeout.ms.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScenario, scenarioProblemsFatal } from '../../scenario/ScenarioCodec';
import { initCompression } from '../common/compress/Compression';
import { ProducerRun } from './ProducerRun';

beforeAll(async () => {
  await initCompression();
});

function newRun(query: string): ProducerRun {
  const { scenario, problems } = decodeScenario(query);
  if (scenarioProblemsFatal(problems)) throw new Error(JSON.stringify(problems));
  return new ProducerRun(scenario);
}

/** Every partition led by `node`, in the given view. */
function allLedBy(
  view: { partitionCount(): number; leaderOf(p: number): number | null },
  node: number,
) {
  for (let p = 0; p < view.partitionCount(); p++) if (view.leaderOf(p) !== node) return false;
  return true;
}

describe('producer metadata after broker crashes on idle connections', () => {
  for (const crashMs of [100, 700]) {
    it(`brokers 1 and 2 crash at ${crashMs} ms: the cache moves to broker 0 and every record is acked`, () => {
      const r = newRun(
        'seed=1&acks=1&min.insync.replicas=2&throughput=1000&duration.ms=3000&delivery.timeout.ms=2000' +
          `&request.timeout.ms=1000&fault=${crashMs}:crash:1&fault=${crashMs}:crash:2`,
      );
      r.advanceTo(crashMs - 1);
      const metadata = r.producers[0].metadata;
      expect(metadata.requestsSent).toBe(0); // metadata.max.age.ms (5 min) is far away
      r.advanceTo(crashMs + 1);
      // The disconnects asked for a refresh at once; it went to the live broker 0 and did not fail.
      expect(metadata.requestsSent).toBeGreaterThan(0);
      expect(metadata.requestsFailed).toBe(0);
      let movedMs = -1;
      let cachedMs = -1;
      for (let t = crashMs + 1; t <= 3000 && cachedMs < 0; t++) {
        r.advanceTo(t);
        if (movedMs < 0 && allLedBy(r.cluster, 0)) movedMs = t;
        if (allLedBy(metadata, 0)) cachedMs = t;
      }
      expect(movedMs).toBeGreaterThan(crashMs);
      expect(cachedMs).toBeGreaterThanOrEqual(movedMs);
      expect(cachedMs - movedMs).toBeLessThanOrEqual(1000 + 1);
      r.runToEnd();
      expect(r.failed).toBe(0);
      // Only the last few records, still in flight when the run ends, may be pending.
      const settled = r.records.filter((x) => x.sendMs < 2900);
      expect(settled.length).toBeGreaterThan(2500);
      expect(settled.every((x) => x.status === 'acked')).toBe(true);
    });
  }
});
