/** `compression.type` as a select of Kafka's codecs; a pick applies at once (the run restarts with it). */
import { useId } from 'react';
import { producerConfig } from '../../scenario/ConfigTable';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectConfigError, selectSetting } from '../../store/selectors';
import { ConfigError } from './ConfigError';

const NAME = 'compression.type';

export function CompressionSelect() {
  const id = useId();
  const api = useAppStoreApi();
  const entry = producerConfig(NAME);
  const raw = useAppStore(selectSetting(NAME))?.trim();
  const error = useAppStore(selectConfigError(NAME));
  const defaultText = entry?.defaultText ?? 'none';
  const current = raw ?? defaultText;
  return (
    <div className="control">
      <div className="control-head">
        <label htmlFor={id}>{NAME}</label>
        <output className="value" htmlFor={id} aria-live="off">
          {current}
        </output>
        <span className="default-mark">
          {current === defaultText ? '(default)' : `default ${defaultText}`}
        </span>
      </div>
      <select
        id={id}
        value={current}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(e) => api.getState().setSetting(NAME, e.currentTarget.value)}
      >
        {(entry?.choices ?? []).map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <ConfigError id={`${id}-error`} message={error} />
    </div>
  );
}
