/**
 * The pieces every settings row shares: the row (label = the key, its default, doc line, Kafka's resolved value and
 * error), a text or number field that applies on Enter or when focus leaves it, and a select. Each keeps what the
 * person typed while Kafka refuses it, so the error and the value stay side by side.
 */
import { type ReactNode, useState } from 'react';
import { ConfigError } from './ConfigError';

export interface FieldRowProps {
  readonly id: string;
  /** The key, also the control's accessible name. */
  readonly name: string;
  readonly defaultText: string;
  readonly doc: string;
  /** What Kafka made of it, when that is not simply the value set. */
  readonly resolved?: string;
  readonly error?: string;
  readonly children: ReactNode;
}

/** The ids a row's control points its aria-describedby at. */
export function describedBy(id: string, error: string | undefined): string {
  return error === undefined ? `${id}-doc` : `${id}-doc ${id}-error`;
}

export function FieldRow({ id, name, defaultText, doc, resolved, error, children }: FieldRowProps) {
  return (
    <div className="control">
      <div className="control-head">
        <label htmlFor={id}>{name}</label>
        <span className="default-mark">default {defaultText}</span>
      </div>
      {children}
      <p className="doc" id={`${id}-doc`}>
        {doc}
      </p>
      {resolved !== undefined ? (
        <p className="resolved">
          Kafka resolved it to <code>{resolved}</code>
        </p>
      ) : null}
      <ConfigError id={`${id}-error`} message={error} />
    </div>
  );
}

export interface CommitInputProps {
  readonly id: string;
  readonly type: 'text' | 'number';
  /** The value the query holds ('' = not set). */
  readonly value: string;
  readonly placeholder?: string;
  readonly step?: string;
  readonly error?: string;
  /** Applies the text; returns false when it was refused (the text then stays for correcting). */
  readonly onCommit: (text: string) => boolean;
}

export function CommitInput({
  id,
  type,
  value,
  placeholder,
  step,
  error,
  onCommit,
}: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      return;
    }
    if (onCommit(draft)) setDraft(null);
  };
  return (
    <input
      id={id}
      type={type}
      inputMode={type === 'number' ? 'decimal' : undefined}
      step={step}
      value={draft ?? value}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      aria-invalid={error !== undefined}
      aria-describedby={describedBy(id, error)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export interface ChoiceSelectProps {
  readonly id: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string;
  readonly onChoose: (value: string) => void;
}

export function ChoiceSelect({ id, value, options, error, onChoose }: ChoiceSelectProps) {
  return (
    <select
      id={id}
      value={value}
      aria-invalid={error !== undefined}
      aria-describedby={describedBy(id, error)}
      onChange={(e) => onChoose(e.currentTarget.value)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
