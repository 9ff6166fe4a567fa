/**
 * The simulated clock, the one number that moves every frame: it subscribes to nothing else. A timer role with no
 * live announcements, so a screen reader reads it on demand rather than sixty times a second.
 */
import { useAppStore } from '../../store/context';
import { selectNowMs, selectRunEnd } from '../../store/selectors';
import { formatClock } from './format';

export function SimClock() {
  const nowMs = useAppStore(selectNowMs);
  const end = useAppStore(selectRunEnd);
  return (
    <>
      <span className="sim-clock" role="timer" aria-label="simulated time" data-testid="sim-clock">
        {formatClock(nowMs)}
      </span>
      {end !== 'running' ? <span className="muted">run ended</span> : null}
    </>
  );
}
