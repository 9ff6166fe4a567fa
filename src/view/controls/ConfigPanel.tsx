/**
 * Every producer config the simulation honours, grouped as the seed groups them (batching & buffering,
 * compression, partitioning, acks, retries, idempotence, other), each group a collapsible section. The four
 * prominent keys have their controls above; here they are only mentioned, so every control's name stays unique.
 */

import { useState } from 'react';
import {
  PRODUCER_CONFIG_GROUPS,
  PRODUCER_CONFIGS,
  type ProducerConfigGroup,
} from '../../scenario/ConfigTable';
import { useAppStoreApi } from '../../store/context';
import { selectScenario } from '../../store/selectors';
import { ConfigField } from './ConfigField';
import { PROMINENT_KEYS } from './ProminentControls';

function GroupSection({ group }: { group: ProducerConfigGroup }) {
  const entries = PRODUCER_CONFIGS.filter((c) => c.group === group);
  const fields = entries.filter((c) => !PROMINENT_KEYS.includes(c.name));
  const above = entries.filter((c) => PROMINENT_KEYS.includes(c.name)).map((c) => c.name);
  const api = useAppStoreApi();
  // A group opens by itself when the link sets one of its configs; after that it is the person's to toggle.
  const [initiallyOpen] = useState(() => {
    const producer = selectScenario(api.getState()).producer;
    return fields.some((c) => Object.hasOwn(producer, c.name));
  });
  return (
    <details className="group" open={initiallyOpen}>
      <summary>
        {group} <span className="muted">({entries.length})</span>
      </summary>
      <div className="group-body">
        {above.length > 0 ? (
          <p className="doc">
            {above.map((name, i) => (
              <span key={name}>
                {i > 0 ? ', ' : ''}
                <code>{name}</code>
              </span>
            ))}
            : with the producer controls above.
          </p>
        ) : null}
        {fields.map((entry) => (
          <ConfigField key={entry.name} entry={entry} />
        ))}
      </div>
    </details>
  );
}

export function ConfigPanel() {
  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">All producer configs</h2>
      <p className="doc">
        Kafka reads them once, when the KafkaProducer is built: a change restarts the run.
      </p>
      {PRODUCER_CONFIG_GROUPS.map((group) => (
        <GroupSection key={group} group={group} />
      ))}
    </section>
  );
}
