/**
 * The batches back in the accumulator after a retriable error, each with the error and a countdown to the earliest
 * time its backoff (retry.backoff.ms, doubled per attempt, jittered) lets it go again. A click on one inspects it.
 */
import { useShallow } from 'zustand/react/shallow';
import type { RetryWaitView } from '../../../model/run/RunSnapshot';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { formatMs } from '../../diagram/format';

const NO_RETRIES: readonly RetryWaitView[] = [];
const selectRetries = (s: AppState) => ({
  retries: s.snapshot?.sender.retries ?? NO_RETRIES,
  nowMs: s.snapshot?.nowMs ?? 0,
});

/** The footer has room for two lines: two retries, or one and a count of the rest. */
const LINES = 2;

export function RetryList({ x, width, y }: { x: number; width: number; y: number }) {
  const { retries, nowMs } = useAppStore(useShallow(selectRetries));
  if (retries.length === 0) return null;
  const shown = retries.length <= LINES ? retries.length : LINES - 1;
  return (
    <g className="retries" data-testid="retries">
      {retries.slice(0, shown).map((r, i) => {
        const left = Math.max(0, r.earliestRetryMs - nowMs);
        const share = r.nominalBackoffMs > 0 ? Math.min(1, left / r.nominalBackoffMs) : 0;
        return (
          <g key={r.batchId} className="retry" data-batch={r.batchId}>
            <text className="stage-small warn" x={x} y={y + 10 + i * 18}>
              ↻ batch-{r.batchId} P{r.partition} in {formatMs(left)}
            </text>
            <rect
              className="retry-bar"
              x={x}
              y={y + 12 + i * 18}
              width={width * share}
              height={2}
            />
            <title>
              {`batch-${r.batchId} (partition ${r.partition}, ${r.recordCount} records) got ${r.error}; ` +
                `retry ${r.attempts} after ${formatMs(r.nominalBackoffMs)} ±20 %`}
            </title>
          </g>
        );
      })}
      {retries.length > shown && (
        <text className="stage-small muted" x={x} y={y + 10 + shown * 18}>
          +{retries.length - shown} more waiting
        </text>
      )}
    </g>
  );
}
