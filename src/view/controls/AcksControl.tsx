/**
 * `acks` as a segmented control of real radios (a radiogroup named `acks`: 0, 1, all). A pick applies at once;
 * Kafka's error shows beside it when the pick contradicts an explicit enable.idempotence=true.
 */
import { useId } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectConfigError, selectSetting } from '../../store/selectors';
import { ConfigError } from './ConfigError';

const CHOICES = ['0', '1', 'all'] as const;

const MEANING: Readonly<Record<(typeof CHOICES)[number], string>> = {
  '0': 'no acknowledgement: the producer does not wait',
  '1': "the leader's log has it",
  all: 'every in-sync replica has it',
};

export function AcksControl() {
  const id = useId();
  const api = useAppStoreApi();
  const raw = useAppStore(selectSetting('acks'))?.trim();
  const error = useAppStore(selectConfigError('acks'));
  // Kafka stores acks=all as -1: both spell the same setting.
  const current = raw === undefined || raw === '-1' ? 'all' : (raw as (typeof CHOICES)[number]);
  return (
    <div className="control">
      <div className="control-head">
        <span className="label" id={`${id}-label`}>
          acks
        </span>
        <span className="default-mark">{current === 'all' ? '(default)' : 'default all'}</span>
      </div>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-meaning${error !== undefined ? ` ${id}-error` : ''}`}
        className="segmented"
      >
        {CHOICES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-acks`}
              value={choice}
              checked={current === choice}
              onChange={() => api.getState().setSetting('acks', choice)}
            />
            <span>{choice}</span>
          </label>
        ))}
      </div>
      <p className="doc" id={`${id}-meaning`}>
        acks={current}: {MEANING[current] ?? ''}
      </p>
      <ConfigError id={`${id}-error`} message={error} />
    </div>
  );
}
