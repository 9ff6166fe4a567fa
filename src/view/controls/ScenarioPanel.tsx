/**
 * The cluster and the workload (and, folded away, the simulated hardware) from the scenario's key table: brokers,
 * partitions, replication.factor, min.insync.replicas, throughput, keys, record.size, send.mode, … Each control is
 * named by its scenario key; a change restarts the run with the new setting.
 */
import { SCENARIO_KEYS, type ScenarioSection } from '../../scenario/ScenarioKeys';
import { ScenarioField } from './ScenarioField';

interface Group {
  readonly title: string;
  readonly keys: readonly string[];
  readonly open: boolean;
}

const CLUSTER = ['brokers', 'partitions', 'replication.factor', 'min.insync.replicas'];
const WORKLOAD = [
  'throughput',
  'record.size',
  'keys',
  'key.distribution',
  'value.content',
  'send.mode',
];

/** The keys of `section` not already shown (the seed has its own place in the time bar). */
const restOf = (section: ScenarioSection, shown: readonly string[]) =>
  SCENARIO_KEYS.filter(
    (k) => k.section === section && k.key !== 'seed' && !shown.includes(k.key),
  ).map((k) => k.key);

const GROUPS: readonly Group[] = [
  { title: 'Cluster', keys: CLUSTER, open: true },
  { title: 'Workload', keys: WORKLOAD, open: true },
  {
    title: 'More cluster and topic settings',
    keys: [...restOf('top', []), ...restOf('cluster', CLUSTER)],
    open: false,
  },
  { title: 'More workload settings', keys: restOf('workload', WORKLOAD), open: false },
  { title: 'Simulated hardware (cost model)', keys: restOf('cost', []), open: false },
];

export function ScenarioPanel() {
  return (
    <section aria-labelledby="scenario-heading">
      <h2 id="scenario-heading">Cluster and workload</h2>
      {GROUPS.map((group) => (
        <details key={group.title} className="group" open={group.open}>
          <summary>{group.title}</summary>
          <div className="group-body">
            {group.keys.map((key) => {
              const def = SCENARIO_KEYS.find((k) => k.key === key);
              return def === undefined ? null : <ScenarioField key={key} def={def} />;
            })}
          </div>
        </details>
      ))}
    </section>
  );
}
