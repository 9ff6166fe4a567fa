/**
 * The codes of RunSnapshot's packed record marks, restated for the view: the view may import only types from the
 * model, so the numbers live here too (markCodes.test.ts checks they match the model's MARK_STAGE / MARK_STRIDE).
 */
import type { MarkStage } from '../../model/run/RunSnapshot';

export const STAGE_SENDING = 0 satisfies MarkStage;
export const STAGE_ACCUMULATOR = 1 satisfies MarkStage;
export const STAGE_REQUEST = 2 satisfies MarkStage;
export const STAGE_IN_FLIGHT = 3 satisfies MarkStage;
export const STAGE_ACKED = 4 satisfies MarkStage;
export const STAGE_FAILED = 5 satisfies MarkStage;
/** How many MarkStage codes there are. */
export const STAGE_COUNT = 6;

/** Int32 fields per mark, and each field's offset. */
export const MARK_FIELDS = 7;
export const F_RECORD = 0;
export const F_STAGE = 1;
export const F_PARTITION = 2;
export const F_NODE = 3;
export const F_BATCH = 4;
export const F_KEY_HASH = 5;
export const F_SINCE = 6;
