/**
 * The simulator's presets (scenario/presets.ts) by name, each option carrying its description; picking one loads
 * its query. The select shows the preset the current scenario is, or "custom" once a setting has moved away.
 */
import { useId } from 'react';
import { PRESETS } from '../../scenario/presets';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectQuery } from '../../store/selectors';

const CUSTOM = '';

export function PresetSelect() {
  const id = useId();
  const api = useAppStoreApi();
  const query = useAppStore(selectQuery);
  const current = PRESETS.find((p) => p.query === query);
  return (
    <div className="header-field">
      <label htmlFor={id}>preset</label>
      <select
        id={id}
        value={current?.id ?? CUSTOM}
        aria-describedby={`${id}-description`}
        title={current?.description}
        onChange={(e) => {
          const preset = PRESETS.find((p) => p.id === e.currentTarget.value);
          if (preset !== undefined) api.getState().loadQuery(preset.query, `preset ${preset.name}`);
        }}
      >
        {current === undefined ? <option value={CUSTOM}>custom scenario</option> : null}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>
            {p.name}
          </option>
        ))}
      </select>
      <span id={`${id}-description`} className="visually-hidden">
        {current?.description ?? 'Settings changed from any preset.'}
      </span>
    </div>
  );
}
