/**
 * The batch and request inspectors' data: a BatchDetail (bytes against batch.size, compression, why it closed and
 * became ready, every attempt, its timeline) and a RequestDetail (its batches and the partitions that shared it),
 * built from what JourneyRecorder saw. Simulation-only.
 */
import type {
  BatchAttemptDetail,
  BatchDetail,
  BatchStatus,
  JourneyStep,
  RequestBatchDetail,
  RequestDetail,
} from './Inspection';
import {
  type AttemptJourney,
  type BatchFacts,
  type BatchJourney,
  factsOf,
  type JourneyRecorder,
  type RequestJourney,
} from './JourneyRecorder';
import {
  attemptSteps,
  closeText,
  formatCount,
  type JourneyContext,
  readyText,
} from './JourneySteps';

const EMPTY_FACTS: BatchFacts = {
  recordCount: 0,
  firstRecordId: -1,
  lastRecordId: -1,
  recordIds: [],
  sizeInBytes: 0,
  writeLimit: 0,
  estimatedSizeInBytes: 0,
  compressedSizeInBytes: -1,
  compressionRatio: -1,
  compressionMeasured: false,
  closedMs: -1,
  closeReason: null,
  readyMs: -1,
  readyReason: null,
  baseSequence: -1,
  producerId: -1,
  finalState: null,
  splitInto: null,
  error: null,
};

/** The outcome of the batch in that attempt's request. */
function outcomeOf(a: AttemptJourney) {
  return a.event.batches[a.index];
}

export function batchStatus(j: BatchJourney, f: BatchFacts): BatchStatus {
  if (f.finalState === 'SUCCEEDED') return 'succeeded';
  if (f.finalState === 'FAILED') return 'failed';
  if (f.finalState === 'ABORTED') return 'aborted';
  if (f.splitInto !== null) return 'split';
  const last = j.attempts[j.attempts.length - 1];
  if (last !== undefined && outcomeOf(last)?.outcome === 'pending') return 'in-flight';
  if (last !== undefined) return 'retrying';
  return f.closeReason === null ? 'open' : 'queued';
}

/** Where the batch landed: the acknowledged base offset, else the latest leader append still in the log. */
export function batchBaseOffset(j: BatchJourney): number {
  for (let i = j.attempts.length - 1; i >= 0; i--) {
    const b = outcomeOf(j.attempts[i]);
    if (b?.outcome === 'acked' && b.baseOffset >= 0) return b.baseOffset;
  }
  for (let i = j.attempts.length - 1; i >= 0; i--) {
    const a = j.attempts[i];
    if (a.leaderAppendMs >= 0 && a.truncatedMs < 0) return a.baseOffset;
  }
  return -1;
}

function attemptDetail(a: AttemptJourney): BatchAttemptDetail {
  const e = a.event;
  const b = outcomeOf(a);
  return {
    attempt: a.attempt,
    requestId: e.requestId,
    node: e.node,
    readyMs: a.readyMs,
    readyReason: a.readyReason,
    builtMs: e.createdMs,
    writtenMs: e.sentMs,
    leaderAppendMs: a.leaderAppendMs,
    leaderBroker: a.leaderBroker,
    leaderBaseOffset: a.baseOffset,
    replicatedMs: a.replicatedMs,
    truncatedMs: a.truncatedMs,
    responseMs: e.responseMs,
    error: e.clientError ?? b?.error ?? null,
    outcome: b?.outcome ?? 'pending',
  };
}

/** The batch a split batch came from: where its first record was appended (if that record is still kept). */
function splitParent(recorder: JourneyRecorder, j: BatchJourney, f: BatchFacts): number {
  if (!j.isSplitBatch || f.firstRecordId < 0) return -1;
  const parent = recorder.record(f.firstRecordId)?.appendBatch ?? null;
  return parent === null || parent === j ? -1 : parent.id;
}

function batchSteps(
  j: BatchJourney,
  f: BatchFacts,
  ctx: JourneyContext,
  parent: number,
): JourneyStep[] {
  const steps: JourneyStep[] = [];
  const created =
    j.isSplitBatch && parent >= 0
      ? `created by splitting batch-${parent} (it keeps that batch's creation time for delivery.timeout.ms)`
      : `created for partition ${j.partition} in a ${formatCount(f.writeLimit)}-byte buffer from the BufferPool`;
  steps.push({ atMs: j.createdMs, stage: 'created', text: created, attempt: null });
  if (f.closedMs >= 0 && f.closeReason !== null && f.closeReason !== 'split') {
    steps.push({
      atMs: f.closedMs,
      stage: 'closed',
      text: `closed with ${f.recordCount} records: ${closeText(f.closeReason, ctx)}`,
      attempt: null,
    });
  }
  for (const a of j.attempts) steps.push(...attemptSteps(j, a, ctx));
  if (j.completedMs >= 0) {
    if (f.finalState !== 'SUCCEEDED' && !steps.some((s) => s.stage === 'failed')) {
      steps.push({
        atMs: j.completedMs,
        stage: 'failed',
        text: `failed: ${f.error ?? 'aborted'}`,
        attempt: null,
      });
    }
    steps.push({
      atMs: j.completedMs,
      stage: 'callback',
      text: `the callbacks of its ${f.recordCount} records ran`,
      attempt: null,
    });
  }
  return sortSteps(steps);
}

/** Time order; ties keep the order the steps were listed in (pipeline order). */
export function sortSteps(steps: JourneyStep[]): JourneyStep[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.atMs - b.s.atMs || a.i - b.i)
    .map((x) => x.s);
}

export function batchDetail(
  recorder: JourneyRecorder,
  j: BatchJourney,
  ctx: JourneyContext,
): BatchDetail {
  const f = factsOf(j) ?? EMPTY_FACTS;
  const parent = splitParent(recorder, j, f);
  return {
    id: j.id,
    partition: j.partition,
    status: batchStatus(j, f),
    recordCount: f.recordCount,
    firstRecordId: f.firstRecordId,
    lastRecordId: f.lastRecordId,
    recordIds: f.recordIds,
    sizeInBytes: f.sizeInBytes,
    batchSize: ctx.batchSize,
    writeLimit: f.writeLimit,
    estimatedSizeInBytes: f.estimatedSizeInBytes,
    compressedSizeInBytes: f.compressedSizeInBytes,
    compressionType: ctx.compressionType,
    compressionRatio: f.compressionRatio,
    compressionMeasured: f.compressionMeasured,
    createdMs: j.createdMs,
    closedMs: f.closedMs,
    closeReason: f.closeReason,
    closeText: f.closeReason === null ? null : closeText(f.closeReason, ctx),
    // A retried batch is not ready again until ready() finds its backoff over: null until then.
    readyMs: f.readyMs,
    readyReason: f.readyReason,
    readyText: f.readyReason === null ? null : readyText(f.readyReason, ctx),
    stickyPick: j.stickyPick,
    stickySwitchReason: j.stickySwitchReason,
    attempts: j.attempts.map(attemptDetail),
    baseSequence: f.baseSequence,
    producerId: f.producerId,
    baseOffset: batchBaseOffset(j),
    error: f.error,
    requestIds: j.attempts.map((a) => a.event.requestId),
    completedMs: j.completedMs,
    splitFrom: parent,
    splitInto: f.splitInto,
    journey: batchSteps(j, f, ctx, parent),
  };
}

export function requestDetail(r: RequestJourney): RequestDetail {
  const e = r.event;
  const batches: RequestBatchDetail[] = e.batches.map((b, i) => {
    const journey = r.batches[i] ?? null;
    const attempt = journey?.attempts.find((a) => a.event === e) ?? null;
    return {
      batchId: b.batchId,
      partition: b.partition,
      recordCount: b.recordCount,
      sizeInBytes: b.sizeInBytes,
      attempt: b.attempt,
      baseSequence: b.baseSequence,
      outcome: b.outcome,
      error: e.clientError ?? b.error,
      baseOffset: b.baseOffset >= 0 ? b.baseOffset : (attempt?.baseOffset ?? -1),
      leaderAppendMs: attempt?.leaderAppendMs ?? -1,
      replicatedMs: attempt?.replicatedMs ?? -1,
    };
  });
  let recordCount = 0;
  for (const b of e.batches) recordCount += b.recordCount;
  return {
    id: e.requestId,
    node: e.node,
    acks: e.acks,
    sizeInBytes: e.sizeInBytes,
    createdMs: e.createdMs,
    sentMs: e.sentMs,
    responseMs: e.responseMs,
    latencyMs: e.responseMs < 0 ? -1 : e.responseMs - e.createdMs,
    clientError: e.clientError,
    status: e.responseMs >= 0 ? 'answered' : e.sentMs >= 0 ? 'in-flight' : 'built',
    recordCount,
    batches,
    partitions: [...new Set(e.batches.map((b) => b.partition))].sort((a, b) => a - b),
  };
}
