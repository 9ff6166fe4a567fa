/**
 * Simulation speed on a log scale, from 1 simulated ms per wall second (a linger.ms countdown of 5 ms takes five
 * seconds) through real time to as fast as the worker can go. Speed is not part of the scenario and costs nothing
 * to change, so it applies while dragging.
 */
import { useId } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectSpeed } from '../../store/selectors';
import { SPEED_STOPS, speedIndex, speedText } from './format';

export function SpeedSlider() {
  const id = useId();
  const api = useAppStoreApi();
  const speed = useAppStore(selectSpeed);
  const index = speedIndex(speed);
  return (
    <div className="speed">
      <label htmlFor={id}>speed</label>
      <input
        id={id}
        className="speed-range"
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={index}
        aria-valuetext={speedText(speed)}
        onChange={(e) => {
          const next = SPEED_STOPS[Number(e.currentTarget.value)];
          if (next !== undefined) api.getState().setSpeed(next);
        }}
      />
      <output htmlFor={id} className="value" aria-live="off">
        {speedText(speed)}
      </output>
    </div>
  );
}
