/**
 * Time: play / pause, step to the next event, speed, the simulated clock, reset (same seed) and a new seed, with
 * the seed shown. Space and → work from anywhere on the page that does not need those keys itself.
 */
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectPlaying, selectSeed } from '../../store/selectors';
import { SimClock } from './SimClock';
import { SpeedSlider } from './SpeedSlider';
import { useTimeShortcuts } from './useTimeShortcuts';

export function TimeBar() {
  const api = useAppStoreApi();
  const playing = useAppStore(selectPlaying);
  const seed = useAppStore(selectSeed);
  useTimeShortcuts();
  return (
    <section className="time-bar" aria-label="time">
      <button
        type="button"
        className="primary"
        aria-keyshortcuts="Space"
        onClick={() => api.getState().togglePlay()}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        aria-keyshortcuts="ArrowRight"
        title="Run every event due at the next event time, then pause (→)"
        onClick={() => api.getState().step()}
      >
        Step
      </button>
      <SpeedSlider />
      <SimClock />
      <button
        type="button"
        title="Start the same scenario over from 0 ms, same seed"
        onClick={() => api.getState().reset()}
      >
        Reset
      </button>
      <button type="button" onClick={() => api.getState().newSeed()}>
        New seed
      </button>
      <span className="seed">seed {seed}</span>
      <span className="muted">
        <kbd>Space</kbd> play/pause · <kbd>→</kbd> step
      </span>
    </section>
  );
}
