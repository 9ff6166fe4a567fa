/**
 * Test helpers for the journey of a record (imported by tests only): a run with its JourneyRecorder and Inspector
 * attached before any advance, and typed inspection shortcuts that fail loudly on a 'missing' answer.
 */
import type {
  BatchDetail,
  InspectTarget,
  JourneyStage,
  RecordDetail,
  RequestDetail,
} from './Inspection';
import { Inspector } from './Inspector';
import { JourneyRecorder, type JourneyRecorderOptions } from './JourneyRecorder';
import type { ProducerRun } from './ProducerRun';

export interface Watched {
  readonly run: ProducerRun;
  readonly recorder: JourneyRecorder;
  readonly inspector: Inspector;
}

/** Attaches a recorder and an inspector to a run that has not advanced yet. */
export function watch(run: ProducerRun, journey?: JourneyRecorderOptions): Watched {
  const recorder = new JourneyRecorder(run, journey);
  return { run, recorder, inspector: new Inspector(run, recorder) };
}

function inspectAs<K extends 'record' | 'batch' | 'request'>(
  inspector: Inspector,
  target: InspectTarget & { kind: K },
) {
  const found = inspector.inspect(target);
  if (found.kind !== target.kind) {
    throw new Error(`${target.kind} ${target.id}: ${JSON.stringify(found)}`);
  }
  return found;
}

export function recordDetail(inspector: Inspector, id: number): RecordDetail {
  const found = inspectAs(inspector, { kind: 'record', id });
  if (found.kind !== 'record') throw new Error('unreachable');
  return found.record;
}

export function batchDetail(inspector: Inspector, id: number): BatchDetail {
  const found = inspectAs(inspector, { kind: 'batch', id });
  if (found.kind !== 'batch') throw new Error('unreachable');
  return found.batch;
}

export function requestDetail(inspector: Inspector, id: number): RequestDetail {
  const found = inspectAs(inspector, { kind: 'request', id });
  if (found.kind !== 'request') throw new Error('unreachable');
  return found.request;
}

export function stagesOf(d: { journey: readonly { stage: JourneyStage }[] }): JourneyStage[] {
  return d.journey.map((s) => s.stage);
}

/** The first step of `stage`; fails the test if there is none. */
export function stepOf(d: RecordDetail | BatchDetail, stage: JourneyStage) {
  const step = d.journey.find((s) => s.stage === stage);
  if (step === undefined) throw new Error(`no ${stage} step in ${JSON.stringify(d.journey)}`);
  return step;
}
