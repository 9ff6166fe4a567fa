// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MARK_STAGE, MARK_STRIDE } from '../../model/run/RunSnapshot';
import {
  MARK_FIELDS,
  STAGE_ACCUMULATOR,
  STAGE_ACKED,
  STAGE_COUNT,
  STAGE_FAILED,
  STAGE_IN_FLIGHT,
  STAGE_REQUEST,
  STAGE_SENDING,
} from './markCodes';

describe('markCodes', () => {
  it("matches the model's mark stages and stride", () => {
    expect({
      sending: STAGE_SENDING,
      accumulator: STAGE_ACCUMULATOR,
      request: STAGE_REQUEST,
      inFlight: STAGE_IN_FLIGHT,
      acked: STAGE_ACKED,
      failed: STAGE_FAILED,
    }).toEqual(MARK_STAGE);
    expect(STAGE_COUNT).toBe(Object.keys(MARK_STAGE).length);
    expect(MARK_FIELDS).toBe(MARK_STRIDE);
  });
});
