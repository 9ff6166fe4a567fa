/**
 * A journey in simulated time as an ordered list: each stage with its time and the model's words for what
 * happened, and the stages still ahead greyed as "pending" (journeyRows decides where they go). A list, so a
 * screen reader reads it in order and says how many steps there are.
 */
import type { JourneyStage, JourneyStep } from '../../model/run/RunSnapshot';
import { STAGE_LABELS, simMs } from './format';
import { timelineRows } from './journeyRows';

export interface JourneyTimelineProps {
  readonly journey: readonly JourneyStep[];
  /** The stages still to come are shown from this path ([] for none). */
  readonly path?: readonly JourneyStage[];
  readonly inProgress?: boolean;
}

export function JourneyTimeline({ journey, path = [], inProgress = false }: JourneyTimelineProps) {
  const rows = timelineRows(journey, path, inProgress);
  return (
    <ol className="journey" data-testid="journey">
      {rows.map((row) => (
        <li key={row.key} className={`journey-step is-${row.state}`} data-stage={row.stage}>
          <span className="journey-time">{row.atMs === null ? '' : simMs(row.atMs)}</span>
          <span className="journey-stage">
            {STAGE_LABELS[row.stage]}
            {row.attempt !== null && row.attempt > 0 ? ` (retry ${row.attempt})` : ''}
          </span>
          <span className="journey-text">{row.text}</span>
        </li>
      ))}
    </ol>
  );
}
