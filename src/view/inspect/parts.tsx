/**
 * Small pieces every inspector uses: a definition list of facts, a link-like button that opens another inspector
 * (`batch-7`), a status that says itself in words and a symbol (never by colour alone), and a section with a
 * heading.
 */
import type { ReactNode } from 'react';
import type { InspectTarget } from '../../model/run/RunSnapshot';
import { useAppStoreApi } from '../../store/context';
import { targetName } from './format';

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts">{children}</dl>;
}

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function InspectorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Opens the inspector on `target`; its name is the model's id. */
export function InspectLink({ target }: { target: InspectTarget }) {
  const api = useAppStoreApi();
  const name = targetName(target);
  return (
    <button
      type="button"
      className="inspect-link"
      title={`Inspect ${name}`}
      onClick={() => api.getState().select(target)}
    >
      {name}
    </button>
  );
}

/** `req-1, req-4` as links, or `none yet`. */
export function InspectLinks({
  kind,
  ids,
  none = 'none yet',
}: {
  kind: InspectTarget['kind'];
  ids: readonly number[];
  none?: string;
}) {
  if (ids.length === 0) return <span className="muted">{none}</span>;
  return (
    <span className="inspect-links">
      {ids.map((id) => (
        <InspectLink key={id} target={{ kind, id }} />
      ))}
    </span>
  );
}

const STATUS_SYMBOL: Readonly<Record<string, string>> = {
  acked: '✓',
  succeeded: '✓',
  sent: '✓',
  answered: '✓',
  failed: '✗',
  aborted: '✗',
  expired: '✗',
  pending: '…',
  open: '…',
  queued: '…',
  built: '…',
  'in-flight': '→',
  retry: '↻',
  retrying: '↻',
  split: '⑂',
};

const BAD = new Set(['failed', 'aborted', 'expired']);
const GOOD = new Set(['acked', 'succeeded', 'sent', 'answered']);

/** A status word with its symbol, tinted good / bad / in progress. */
export function Status({ status }: { status: string }) {
  const tone = BAD.has(status) ? 'is-bad' : GOOD.has(status) ? 'is-ok' : 'is-busy';
  return (
    <span className={`status ${tone}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status] ?? '•'} </span>
      {status}
    </span>
  );
}
