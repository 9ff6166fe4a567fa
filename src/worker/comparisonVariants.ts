/**
 * The rows of each comparison table: the model's acks and codec variants, and the seed's three recommended
 * configurations (§12), taken from the scenario presets so the table and the presets menu never disagree. Each
 * preset's producer configs (and its topic min.insync.replicas, when it sets one) are laid over the current scenario.
 */
import {
  acksVariants,
  type ComparisonKind,
  compressionVariants,
  type VariantSpec,
} from '../model/run/ComparisonVariants';
import { presetById } from '../scenario/presets';
import { DEFAULT_CLUSTER } from '../scenario/Scenario';
import { decodeScenario } from '../scenario/ScenarioCodec';

/** The presets that follow the seed's §12 tables, in the seed's order. */
export const RECOMMENDED_PRESETS = ['high-throughput', 'high-durability', 'low-latency'] as const;

export function variantsFor(kind: ComparisonKind): VariantSpec[] {
  switch (kind) {
    case 'acks':
      return acksVariants();
    case 'compression':
      return compressionVariants();
    case 'recommended':
      return RECOMMENDED_PRESETS.map(recommendedVariant);
  }
}

function recommendedVariant(id: string): VariantSpec {
  const preset = presetById(id);
  if (preset === undefined) throw new Error(`The preset ${id} is missing`);
  const { scenario } = decodeScenario(preset.query);
  const minIsr = scenario.cluster.minInsyncReplicas;
  return {
    id,
    label: preset.name,
    producer: scenario.producer,
    ...(minIsr === DEFAULT_CLUSTER.minInsyncReplicas ? {} : { minInsyncReplicas: minIsr }),
  };
}
