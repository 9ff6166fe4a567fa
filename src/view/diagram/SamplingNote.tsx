/** Says on screen when the canvas draws only a sample of the records (the batches are always all drawn). */
import type { AppState } from '../../store/AppState';
import { useAppStore } from '../../store/context';
import { samplingNote } from './markSummary';

const selectSampleEvery = (s: AppState) => s.snapshot?.marks.sampleEvery ?? 1;

export function SamplingNote() {
  const note = samplingNote(useAppStore(selectSampleEvery));
  return note === null ? null : (
    <p className="sampling-note" data-testid="sampling-note">
      {note}
    </p>
  );
}
