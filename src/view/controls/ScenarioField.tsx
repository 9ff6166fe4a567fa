/**
 * One cluster, workload or cost key of the scenario (ScenarioKeys.ts): its accessible name is the key, its control
 * follows the key's kind, and the decoder's message shows beside it when a value is refused. Setting a key back to
 * its default removes it from the URL.
 */
import { type ReactNode, useId } from 'react';
import type { ScenarioKey } from '../../scenario/ScenarioKeys';
import { showValue } from '../../scenario/ScenarioValues';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectConfigError, selectSetting } from '../../store/selectors';
import { ChoiceSelect, CommitInput, FieldRow } from './FieldParts';

function defaultTextOf(def: ScenarioKey): string {
  // The only default that depends on another key.
  if (def.key === 'replication.factor') return 'min(3, brokers)';
  return showValue(def.defaultValue);
}

function rangeOf(def: ScenarioKey): string {
  if (def.kind !== 'int' && def.kind !== 'number' && def.kind !== 'optional-int') return '';
  const low = 'minExclusive' in def && def.minExclusive ? `>${def.min}` : `${def.min}`;
  const minusOne =
    'minusOne' in def && def.minusOne !== undefined ? ` or -1 (${def.minusOne})` : '';
  const unset = def.kind === 'optional-int' ? '; empty = unset' : '';
  return ` Range ${low} … ${def.max}${minusOne}${unset}.`;
}

const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function ScenarioField({ def }: { def: ScenarioKey }) {
  const id = useId();
  const api = useAppStoreApi();
  const value = useAppStore(selectSetting(def.key)) ?? '';
  const error = useAppStore(selectConfigError(def.key));
  const apply = (text: string): boolean => {
    api.getState().setSetting(def.key, text);
    return api.getState().configErrors[def.key] === undefined;
  };
  const choose = (text: string) => {
    apply(text);
  };

  let control: ReactNode;
  if (def.kind === 'boolean' || def.kind === 'enum') {
    const options = choices(def.kind === 'boolean' ? ['true', 'false'] : def.values);
    control = (
      <ChoiceSelect id={id} value={value} options={options} error={error} onChoose={choose} />
    );
  } else {
    const numeric = def.kind === 'int' || def.kind === 'number' || def.kind === 'optional-int';
    control = (
      <CommitInput
        id={id}
        type={numeric ? 'number' : 'text'}
        step={def.kind === 'number' ? 'any' : undefined}
        value={value}
        placeholder={def.kind === 'optional-int' || def.kind === 'list' ? 'unset' : undefined}
        error={error}
        onCommit={apply}
      />
    );
  }
  return (
    <FieldRow
      id={id}
      name={def.key}
      defaultText={defaultTextOf(def)}
      doc={`${def.doc}${rangeOf(def)}`}
      error={error}
    >
      {control}
    </FieldRow>
  );
}
