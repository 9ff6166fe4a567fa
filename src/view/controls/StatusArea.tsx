/**
 * What the page has to say: why the run restarted (a status, dismissible), the decoder's problems with the link
 * (each naming its key, the value as given and the reason; an alert when a value was replaced by its default), and
 * a worker error (an alert, with a restart button when the simulation cannot go on).
 */
import { producerConfig } from '../../scenario/ConfigTable';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectError, selectNotice, selectProblems } from '../../store/selectors';

/**
 * The notice names the key first (`linger.ms changed to 20 — …`); for a producer config it says why a change
 * cannot apply to the running producer.
 */
export function restartExplanation(notice: string): string | null {
  const key = notice.split(' ')[0] ?? '';
  return producerConfig(key) !== undefined
    ? 'Kafka reads producer configs once, when the KafkaProducer is built: a new config needs a new producer.'
    : null;
}

function Notice() {
  const api = useAppStoreApi();
  const notice = useAppStore(selectNotice);
  // The live region stays in the page so that a new notice is announced.
  return (
    <div role="status" className={notice === null ? 'visually-hidden' : 'banner info'}>
      {notice === null ? null : (
        <>
          <p>
            {notice.replace(/\.$/, '')}. {restartExplanation(notice)}
          </p>
          <button
            type="button"
            aria-label="Dismiss notice"
            onClick={() => api.getState().dismissNotice()}
          >
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

function Problems() {
  const api = useAppStoreApi();
  const problems = useAppStore(selectProblems);
  if (problems.length === 0) return null;
  const replaced = problems.some((p) => p.severity === 'error');
  // Values that were not used first; notes after.
  const ordered = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  return (
    <div role={replaced ? 'alert' : 'status'} className={`banner ${replaced ? 'bad' : 'warn'}`}>
      <div>
        <h2>{replaced ? 'Problems in this link' : 'Notes on this link'}</h2>
        <ul>
          {ordered.map((p, i) => (
            // Problems have no id; the same key may repeat (fault), so the position is part of the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, replaced as a whole
            <li key={`${i}-${p.key}`}>
              <code>
                {p.key === '' ? '(query)' : p.key}
                {p.value === null ? '' : `=${p.value}`}
              </code>{' '}
              <strong>{p.severity === 'error' ? 'not used:' : 'note:'}</strong> {p.message}
            </li>
          ))}
        </ul>
        {replaced ? <p>The run uses the defaults for the values it could not use.</p> : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss problems"
        onClick={() => api.getState().dismissProblems()}
      >
        Dismiss
      </button>
    </div>
  );
}

function WorkerError() {
  const api = useAppStoreApi();
  const error = useAppStore(selectError);
  if (error === null) return null;
  return (
    <div role="alert" className="banner bad">
      <p>
        {error.fatal ? 'The simulation stopped: ' : 'Not applied: '}
        {error.message}
      </p>
      {error.fatal ? (
        <button type="button" className="primary" onClick={() => api.getState().restartWorker()}>
          Restart simulation
        </button>
      ) : (
        <button
          type="button"
          aria-label="Dismiss error"
          onClick={() => api.getState().dismissError()}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}

export function StatusArea() {
  return (
    <div className="status-area">
      <Notice />
      <Problems />
      <WorkerError />
    </div>
  );
}
