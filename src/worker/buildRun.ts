/**
 * Turns a scenario query into a running ProducerRun and its SnapshotBuilder, the way the CLI does (a decoded
 * Scenario is the RunSpec itself), or into a refusal that names each key and Kafka's own message.
 */
import { ProducerRun } from '../model/run/ProducerRun';
import { SnapshotBuilder } from '../model/run/SnapshotBuilder';
import type { Problem, Scenario } from '../scenario/Scenario';
import { decodeScenario, encodeScenario, scenarioProblemsFatal } from '../scenario/ScenarioCodec';

export interface BuiltRun {
  readonly run: ProducerRun;
  readonly builder: SnapshotBuilder;
  readonly scenario: Scenario;
  /** The canonical query (encodeScenario), what the page's URL should hold. */
  readonly query: string;
  readonly problems: readonly Problem[];
}

export type BuildResult =
  | { readonly ok: true; readonly built: BuiltRun }
  | { readonly ok: false; readonly message: string };

export interface BuildOptions {
  /** Refuse a query the decoder had to correct (a value replaced by its default) instead of running it. */
  readonly strict: boolean;
  readonly markBudget?: number;
}

/** Decodes `query` and builds its run; never throws. */
export function buildRun(query: string, options: BuildOptions): BuildResult {
  const { scenario, problems } = decodeScenario(query);
  if (options.strict && scenarioProblemsFatal(problems)) {
    const refused = problems.filter((p) => p.severity === 'error');
    return {
      ok: false,
      message: refused.map((p) => `${p.key || '(query)'}: ${p.message}`).join('\n'),
    };
  }
  return buildScenario(scenario, problems, options.markBudget);
}

/** A fresh run of an already decoded scenario (reset: same query, same seed). */
export function buildScenario(
  scenario: Scenario,
  problems: readonly Problem[],
  markBudget?: number,
): BuildResult {
  try {
    const run = new ProducerRun(scenario);
    const builder = new SnapshotBuilder(run, markBudget === undefined ? {} : { markBudget });
    return {
      ok: true,
      built: { run, builder, scenario, query: encodeScenario(scenario), problems },
    };
  } catch (e) {
    // ProducerRun's message is one `key: Kafka's message` line per refused config.
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
