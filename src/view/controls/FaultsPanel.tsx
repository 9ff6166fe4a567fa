/**
 * Faults, the live timed commands: each button sends one fault in FaultSyntax's text (`crash:1`, `isolate:0`,
 * `drop-responses:2:1`, `restart-producer`) to the running simulation, which applies it at the current simulated
 * time; the store then adds it to the URL's fault timeline, so the link replays it. The button's name is the
 * command it sends.
 */
import { useId, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectScenario } from '../../store/selectors';

interface BrokerFault {
  readonly command: (broker: number) => string;
  readonly explanation: string;
}

/** The broker faults that make sense on a click (slow and error need more arguments than a button has). */
const BROKER_FAULTS: readonly BrokerFault[] = [
  {
    command: (b) => `crash:${b}`,
    explanation: 'the broker stops; its partitions elect new leaders',
  },
  { command: (b) => `restart:${b}`, explanation: 'the broker comes back and catches up' },
  {
    command: (b) => `isolate:${b}`,
    explanation: 'cuts the network between the producer and the broker',
  },
  { command: (b) => `heal:${b}`, explanation: 'restores the network to the broker' },
  {
    command: (b) => `stall-follower:${b}`,
    explanation: 'its follower fetches stop; it leaves the ISR after replica.lag.time.max.ms',
  },
  { command: (b) => `resume:${b}`, explanation: 'ends slow and stall-follower' },
  {
    command: (b) => `drop-responses:${b}:1`,
    explanation: 'the broker appends, but its next produce response is lost',
  },
];

const RESTART_PRODUCER =
  'closes the producer at once (incomplete records fail) and starts a new one with a new producer id';

export function FaultsPanel() {
  const id = useId();
  const api = useAppStoreApi();
  const brokers = useAppStore((s) => selectScenario(s).cluster.brokers);
  const [chosen, setChosen] = useState(0);
  // Titles reach only mouse users: the hint line says the same for whoever focuses a button.
  const [hint, setHint] = useState('');
  const broker = Math.min(chosen, brokers - 1);
  const apply = (fault: string) => api.getState().applyFault(fault);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Faults</h2>
      <p className="doc">Applied now, at the simulated clock, and added to the link.</p>
      <div className="control-head">
        <label htmlFor={`${id}-broker`}>broker</label>
        <select
          id={`${id}-broker`}
          value={broker}
          onChange={(e) => setChosen(Number(e.currentTarget.value))}
        >
          {Array.from({ length: brokers }, (_, b) => `broker-${b}`).map((key, b) => (
            <option key={key} value={b}>
              {b}
            </option>
          ))}
        </select>
      </div>
      <div className="faults">
        {BROKER_FAULTS.map((f) => (
          <button
            key={f.command(0)}
            type="button"
            title={f.explanation}
            onFocus={() => setHint(`${f.command(broker)}: ${f.explanation}`)}
            onMouseEnter={() => setHint(`${f.command(broker)}: ${f.explanation}`)}
            onClick={() => apply(f.command(broker))}
          >
            {f.command(broker)}
          </button>
        ))}
        <button
          type="button"
          title={RESTART_PRODUCER}
          onFocus={() => setHint(`restart-producer: ${RESTART_PRODUCER}`)}
          onMouseEnter={() => setHint(`restart-producer: ${RESTART_PRODUCER}`)}
          onClick={() => apply('restart-producer')}
        >
          restart-producer
        </button>
      </div>
      <p className="doc">{hint}</p>
    </section>
  );
}
