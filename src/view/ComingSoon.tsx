/** The page until the explorer lands: what is coming, how to run the simulator today. */
export function ComingSoon() {
  return (
    <main className="shell">
      <h1>Kafka Producer Explorer</h1>
      <p className="lede">
        Watch, poke and break an Apache Kafka producer. The explorer page — records flowing through
        the serializer, partitioner, <code>RecordAccumulator</code> batches and <code>Sender</code>{' '}
        to the partition leaders, with sliders for <code>linger.ms</code>, <code>batch.size</code>,{' '}
        <code>acks</code> and <code>compression.type</code> — is being built.
      </p>
      <section aria-labelledby="today">
        <h2 id="today">Use the simulator today</h2>
        <p>The same model the page will run is available from the command line:</p>
        <pre>
          <code>
            npm run sim -- --scenario 'linger.ms=20&amp;batch.size=65536&amp;acks=all&amp;keys=100'
          </code>
        </pre>
        <pre>
          <code>
            {
              "printf 'user-123:Order placed\\nuser-456:Order shipped\\n' \\\n  | npm run sim -- --stdin --scenario 'parse.key=true&key.separator=:'"
            }
          </code>
        </pre>
        <p>
          Add <code>--json</code> for every effective config, metric, record, batch and partition
          log.
        </p>
      </section>
    </main>
  );
}
