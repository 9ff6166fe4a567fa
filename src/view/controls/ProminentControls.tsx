/**
 * The four settings a learner reaches for first: `linger.ms` and `batch.size` (log sliders), `acks` (0 / 1 / all)
 * and `compression.type`. The full configuration panel lists every other producer config.
 */
import { AcksControl } from './AcksControl';
import { CompressionSelect } from './CompressionSelect';
import { BATCH_SIZE_STOPS, formatBytes, formatMs, LINGER_STOPS } from './format';
import { LogSlider } from './LogSlider';

/** The keys shown here, so the configuration panel does not repeat them (names must stay unique). */
export const PROMINENT_KEYS: readonly string[] = [
  'linger.ms',
  'batch.size',
  'acks',
  'compression.type',
];

export function ProminentControls() {
  return (
    <section aria-labelledby="prominent-heading">
      <h2 id="prominent-heading">Producer</h2>
      <LogSlider name="linger.ms" stops={LINGER_STOPS} format={formatMs} />
      <LogSlider name="batch.size" stops={BATCH_SIZE_STOPS} format={formatBytes} />
      <AcksControl />
      <CompressionSelect />
    </section>
  );
}
