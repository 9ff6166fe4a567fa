/**
 * How far the running comparison is: a progress bar (role=progressbar, percent in aria-valuenow, the step in
 * aria-valuetext) with what the worker runs now written under it, and a button to cancel.
 */
import type { ComparisonKind } from '../../protocol/comparison';
import type { ComparisonTable } from '../../store/comparisons';

export const KIND_TITLES: Readonly<Record<ComparisonKind, string>> = {
  acks: 'ACKS COMPARISON',
  compression: 'COMPRESSION COMPARISON',
  recommended: 'RECOMMENDED CONFIGURATIONS',
};

export interface CompareProgressProps {
  readonly table: ComparisonTable;
  onCancel(): void;
}

export function CompareProgress({ table, onCancel }: CompareProgressProps) {
  const progress = table.progress;
  const percent = progress === null ? 0 : Math.round((100 * progress.done) / progress.total);
  const step = progress === null ? 'starting the runs' : progress.label;
  const steps = progress === null ? '' : `${progress.done} of ${progress.total} steps: `;
  return (
    <div className="compare-progress">
      <div
        role="progressbar"
        aria-label={`${KIND_TITLES[table.kind]} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${steps}${step}`}
        className="compare-progress-track"
      >
        <div className="compare-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="compare-progress-label">
        {percent}% · {step}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel comparison
      </button>
    </div>
  );
}
