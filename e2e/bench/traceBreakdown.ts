/**
 * Where a thread's time went, in the groups DevTools' Performance panel uses (scripting, GC, style and layout,
 * paint), from the self time of each trace event.
 */
import type { ThreadId, TraceEvent } from './traceAnalysis';

export type WorkKind = 'scripting' | 'gc' | 'styleLayout' | 'paint' | 'other';

const KIND_BY_NAME: Readonly<Record<string, WorkKind>> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  EventDispatch: 'scripting',
  TimerFire: 'scripting',
  FireAnimationFrame: 'scripting',
  FireIdleCallback: 'scripting',
  HandlePostMessage: 'scripting',
  RunMicrotasks: 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'v8.evaluateModule': 'scripting',
  'V8.Execute': 'scripting',
  MinorGC: 'gc',
  MajorGC: 'gc',
  UpdateLayoutTree: 'styleLayout',
  Layout: 'styleLayout',
  HitTest: 'styleLayout',
  PrePaint: 'styleLayout',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  CompositeLayers: 'paint',
};

function kindOf(name: string): WorkKind {
  const kind = KIND_BY_NAME[name];
  if (kind) return kind;
  if (name.startsWith('V8.GC') || name.startsWith('BlinkGC')) return 'gc';
  return 'other';
}

/**
 * Self time (an event's duration minus its direct children's) of the thread's complete events within
 * [from, to) µs, summed by kind. Events nest properly on one thread, so a stack finds each one's parent.
 */
export function breakdown(
  events: readonly TraceEvent[],
  thread: ThreadId,
  from: number,
  to: number,
): Record<WorkKind, number> {
  const own = events
    .filter(
      (e) =>
        e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.ts >= from && e.ts < to,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals: Record<WorkKind, number> = {
    scripting: 0,
    gc: 0,
    styleLayout: 0,
    paint: 0,
    other: 0,
  };
  const stack: { end: number; kind: WorkKind; self: number }[] = [];
  const close = (frame: { kind: WorkKind; self: number }) => {
    totals[frame.kind] += Math.max(0, frame.self) / 1000;
  };
  for (const e of own) {
    const dur = e.dur ?? 0;
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= dur;
    // A GC step inside a function call is GC; any other child inherits its parent's kind when it has none.
    const named = kindOf(e.name);
    stack.push({
      end: e.ts + dur,
      kind: named === 'other' && parent ? parent.kind : named,
      self: dur,
    });
  }
  while (stack.length > 0) close(stack.pop()!);
  return totals;
}
