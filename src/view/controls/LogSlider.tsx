/**
 * A slider for one numeric producer config over log-scale stops (`linger.ms`, `batch.size`): its accessible name is
 * the Kafka key, it shows the current value and marks the default, shows the pending value while dragging, and
 * applies on release (the native change event), since each change restarts the run.
 */
import { useId, useRef, useState } from 'react';
import { producerConfig } from '../../scenario/ConfigTable';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectConfigError, selectSetting } from '../../store/selectors';
import { ConfigError } from './ConfigError';
import { stopsWith } from './format';
import { useNativeChange } from './useNativeChange';

export interface LogSliderProps {
  /** The Kafka config it sets, e.g. `linger.ms`. */
  readonly name: string;
  readonly stops: readonly number[];
  readonly format: (value: number) => string;
}

export function LogSlider({ name, stops, format }: LogSliderProps) {
  const id = useId();
  const api = useAppStoreApi();
  const raw = useAppStore(selectSetting(name));
  const error = useAppStore(selectConfigError(name));
  const defaultValue = Number(producerConfig(name)?.defaultText);
  const given = raw === undefined ? Number.NaN : Number(raw.trim());
  const current = Number.isFinite(given) ? given : defaultValue;
  const allStops = stopsWith(stops, current);
  const [pending, setPending] = useState<number | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  useNativeChange(ref, (input) => {
    const value = allStops[Number(input.value)];
    setPending(null);
    if (value !== undefined) api.getState().setSetting(name, String(value));
  });

  const index = pending ?? allStops.indexOf(current);
  const shown = allStops[index] ?? current;
  const isDefault = current === defaultValue;
  return (
    <div className="control">
      <div className="control-head">
        <label htmlFor={id}>{name}</label>
        <output className="value" htmlFor={id} aria-live="off">
          {format(current)}
        </output>
        {pending !== null && shown !== current ? (
          <span className="pending">→ {format(shown)} (release to apply)</span>
        ) : null}
        <span className="default-mark">
          {isDefault ? '(default)' : `default ${format(defaultValue)}`}
        </span>
      </div>
      <input
        ref={ref}
        id={id}
        type="range"
        min={0}
        max={allStops.length - 1}
        step={1}
        value={index}
        aria-valuetext={format(shown)}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(e) => setPending(Number(e.currentTarget.value))}
      />
      <ConfigError id={`${id}-error`} message={error} />
    </div>
  );
}
