/**
 * The counters under the diagram: records sent, acknowledged, failed and pending; bytes sent; batches; requests —
 * each a labelled figure with a data-testid the e2e tests read.
 */
import { memo } from 'react';
import type { Counters } from '../../model/run/RunSnapshot';
import { useAppStore } from '../../store/context';
import { selectCounters } from '../../store/selectors';
import { formatBytes, formatCount } from './format';

interface CounterDef {
  readonly id: string;
  readonly label: string;
  readonly value: (c: Counters) => string;
  readonly title: string;
}

const COUNTERS: readonly CounterDef[] = [
  {
    id: 'sent',
    label: 'records sent',
    value: (c) => formatCount(c.sendCalls),
    title: 'send() calls so far',
  },
  {
    id: 'acked',
    label: 'acknowledged',
    value: (c) => formatCount(c.acked),
    title: 'records whose callback ran without an exception',
  },
  {
    id: 'failed',
    label: 'failed',
    value: (c) => formatCount(c.failed),
    title: 'records whose callback ran with an exception',
  },
  {
    id: 'pending',
    label: 'pending',
    value: (c) => formatCount(c.pending),
    title: 'sent, neither acknowledged nor failed yet',
  },
  {
    id: 'bytes',
    label: 'bytes sent',
    value: (c) => formatBytes(c.bytesSent),
    title: 'bytes written to the network in produce requests (outgoing-byte-total)',
  },
  {
    id: 'batches',
    label: 'batches',
    value: (c) => formatCount(c.batchesCreated),
    title: 'ProducerBatches created',
  },
  {
    id: 'requests',
    label: 'requests',
    value: (c) => formatCount(c.requestsSent),
    title: 'produce requests sent (request-total)',
  },
];

export const CountersRow = memo(function CountersRow() {
  const counters = useAppStore(selectCounters);
  if (counters === null) return null;
  return (
    <dl className="counters" aria-label="Counters">
      {COUNTERS.map((c) => (
        <div key={c.id} className="counter" title={c.title}>
          <dt>{c.label}</dt>
          <dd data-testid={`counter-${c.id}`}>{c.value(counters)}</dd>
        </div>
      ))}
    </dl>
  );
});
