/**
 * The rows of a journey timeline: every step the model recorded, in its order (retries repeat stages; off-path
 * stages such as 'retry' or 'failed' appear where they happened), with each stage of the record's path that has
 * not happened slotted in where it belongs — "pending" while the record is on its way and nothing later has
 * happened, else "not reached" (a failed record, or a stage this run did not wait for).
 */
import type { JourneyStage, JourneyStep } from '../../model/run/RunSnapshot';

export type TimelineState = 'done' | 'pending' | 'not-reached';

export interface TimelineRow {
  /** Stable within one timeline (React key). */
  readonly key: string;
  readonly stage: JourneyStage;
  /** Simulated ms, null for a stage that has not happened. */
  readonly atMs: number | null;
  readonly text: string;
  readonly attempt: number | null;
  readonly state: TimelineState;
}

/**
 * @param path the stages this record goes through, in order (RecordDetail.path); [] for a batch
 * @param inProgress whether the record is still pending (its callback has not run)
 */
export function timelineRows(
  journey: readonly JourneyStep[],
  path: readonly JourneyStage[],
  inProgress: boolean,
): TimelineRow[] {
  const rows: TimelineRow[] = journey.map((step, i) => ({
    key: `s${i}`,
    stage: step.stage,
    atMs: step.atMs,
    text: step.text,
    attempt: step.attempt,
    state: 'done',
  }));
  const reached = new Set(journey.map((s) => s.stage));
  let furthest = -1;
  for (const stage of reached) furthest = Math.max(furthest, path.indexOf(stage));
  path.forEach((stage, k) => {
    if (reached.has(stage)) return;
    // After the last row of an earlier path stage (a pending row inserted before counts too).
    let at = 0;
    rows.forEach((row, i) => {
      const j = path.indexOf(row.stage);
      if (j >= 0 && j < k) at = i + 1;
    });
    const pending = inProgress && furthest < k;
    rows.splice(at, 0, {
      key: `p-${stage}`,
      stage,
      atMs: null,
      text: pending ? 'pending' : 'not reached',
      attempt: null,
      state: pending ? 'pending' : 'not-reached',
    });
  });
  return rows;
}
