/**
 * The words for what the canvas shows, for its aria-label and the on-screen sampling note: screen readers cannot
 * see moving dots, so they get the counts per stage instead.
 */
import { format } from 'd3-format';
import {
  STAGE_ACCUMULATOR,
  STAGE_ACKED,
  STAGE_FAILED,
  STAGE_IN_FLIGHT,
  STAGE_REQUEST,
  STAGE_SENDING,
} from './markCodes';

const count = format(',');

/** "312 records in flight: 4 in send(), 280 in the accumulator, …" (stage counts by MarkStage code). */
export function summarizeMarks(
  stageCounts: ArrayLike<number>,
  total: number,
  sampleEvery: number,
): string {
  const parts = [
    `${count(stageCounts[STAGE_SENDING])} in send()`,
    `${count(stageCounts[STAGE_ACCUMULATOR])} in the accumulator`,
    `${count(stageCounts[STAGE_REQUEST])} in requests waiting to be written`,
    `${count(stageCounts[STAGE_IN_FLIGHT])} on the wire or at the leader`,
    `${count(stageCounts[STAGE_ACKED])} just acknowledged`,
    `${count(stageCounts[STAGE_FAILED])} just failed`,
  ];
  const noun = total === 1 ? 'record' : 'records';
  const sampled = sampleEvery > 1 ? ` (drawing 1 in ${count(sampleEvery)} records)` : '';
  return `${count(total)} ${noun} in flight${sampled}: ${parts.join(', ')}`;
}

/** The on-screen note when not every record is drawn, or null when all are. */
export function samplingNote(sampleEvery: number): string | null {
  return sampleEvery > 1
    ? `Drawing 1 in ${count(sampleEvery)} records (batches are all drawn)`
    : null;
}
