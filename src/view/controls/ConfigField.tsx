/**
 * One producer config in the configuration panel: a control typed by the config's type (number field, a select
 * for booleans, enums and classes, a text field otherwise), its default, doc line, the value Kafka resolved when it
 * differs, and Kafka's error text when the setting is refused. Empty / "default" removes the key, so Kafka's
 * default applies (an explicit value, even the default's, is kept: explicitness matters to Kafka).
 */
import { type ReactNode, useId } from 'react';
import { choiceFor, effectiveDiffers, type ProducerConfigEntry } from '../../scenario/ConfigTable';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectConfigError, selectEffectiveConfig, selectSetting } from '../../store/selectors';
import { ChoiceSelect, CommitInput, FieldRow } from './FieldParts';

export function ConfigField({ entry }: { entry: ProducerConfigEntry }) {
  const id = useId();
  const api = useAppStoreApi();
  const { name } = entry;
  const raw = useAppStore(selectSetting(name));
  const error = useAppStore(selectConfigError(name));
  const effective = useAppStore((s) => selectEffectiveConfig(s)[name]);
  const resolved =
    effective !== undefined && effectiveDiffers(name, raw, effective) ? effective : undefined;

  const apply = (text: string): boolean => {
    api.getState().setSetting(name, text.trim() === '' ? '' : text);
    return api.getState().configErrors[name] === undefined;
  };

  let control: ReactNode;
  if (entry.choices !== null) {
    const chosen = raw === undefined ? '' : (choiceFor(name, raw) ?? raw);
    const options = [{ value: '', label: `(default: ${entry.defaultText})` }, ...entry.choices];
    if (chosen !== '' && !options.some((o) => o.value === chosen)) {
      options.push({ value: chosen, label: chosen });
    }
    control = (
      <ChoiceSelect id={id} value={chosen} options={options} error={error} onChoose={apply} />
    );
  } else {
    control = (
      <CommitInput
        id={id}
        type={entry.control === 'number' ? 'number' : 'text'}
        value={raw?.trim() ?? ''}
        placeholder={`default ${entry.defaultText}`}
        error={error}
        onCommit={apply}
      />
    );
  }
  return (
    <FieldRow
      id={id}
      name={name}
      defaultText={entry.defaultText}
      doc={entry.documentation}
      resolved={resolved}
      error={error}
    >
      {control}
    </FieldRow>
  );
}
