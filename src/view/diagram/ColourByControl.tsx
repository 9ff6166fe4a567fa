/**
 * How record marks are coloured: by partition (where the partitioner sent them) or by key (the same key, the same
 * colour: watch a key always land on one partition). A radiogroup, so the keyboard's arrows switch it.
 */
import { useId } from 'react';
import type { ColourBy } from '../../store/AppState';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectColourBy } from '../../store/selectors';

const CHOICES: readonly { value: ColourBy; label: string }[] = [
  { value: 'partition', label: 'partition' },
  { value: 'key', label: 'key' },
];

export function ColourByControl() {
  const id = useId();
  const api = useAppStoreApi();
  const colourBy = useAppStore(selectColourBy);
  return (
    <div className="colour-by" role="radiogroup" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>Colour records by</span>
      {CHOICES.map((c) => (
        <label key={c.value}>
          <input
            type="radio"
            name={`${id}-colour`}
            value={c.value}
            checked={colourBy === c.value}
            onChange={() => api.getState().setColourBy(c.value)}
          />
          {c.label}
        </label>
      ))}
    </div>
  );
}
