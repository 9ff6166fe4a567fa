/**
 * The request inspector: one produce request — the broker it went to, acks, its size, when it was built,
 * written and answered, its latency — the partitions that shared it, and each of its batches with the outcome.
 */
import type { RequestDetail } from '../../model/run/RunSnapshot';
import { byteCount, countText, simMs } from './format';
import { Fact, Facts, InspectLink, InspectorSection, Status } from './parts';

export function RequestInspector({ request }: { request: RequestDetail }) {
  return (
    <>
      <p className="inspector-status">
        <Status status={request.status} /> · broker {request.node}
        {request.clientError !== null && (
          <span className="inspector-error"> {request.clientError}</span>
        )}
      </p>
      <InspectorSection title="ProduceRequest">
        <Facts>
          <Fact label="node">broker {request.node} (leader of its partitions)</Fact>
          <Fact label="acks">{request.acks === -1 ? 'all (-1)' : request.acks}</Fact>
          <Fact label="size">{byteCount(request.sizeInBytes)}</Fact>
          <Fact label="records">{request.recordCount}</Fact>
          <Fact label="built">{simMs(request.createdMs)}</Fact>
          <Fact label="written">{request.sentMs < 0 ? 'not yet' : simMs(request.sentMs)}</Fact>
          <Fact label="response">
            {request.responseMs < 0 ? 'waiting' : simMs(request.responseMs)}
          </Fact>
          <Fact label="latency">{request.latencyMs < 0 ? '—' : simMs(request.latencyMs)}</Fact>
        </Facts>
        <p data-testid="request-partitions">
          {request.partitions.length === 1 ? 'Partition' : 'Partitions'} sharing it:{' '}
          {request.partitions.map((p) => `P${p}`).join(', ')}
        </p>
      </InspectorSection>
      <InspectorSection title="Batches">
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">batch</th>
              <th scope="col">partition</th>
              <th scope="col">records</th>
              <th scope="col">bytes</th>
              <th scope="col">base offset</th>
              <th scope="col">outcome</th>
            </tr>
          </thead>
          <tbody>
            {request.batches.map((b) => (
              <tr key={b.batchId}>
                <th scope="row">
                  <InspectLink target={{ kind: 'batch', id: b.batchId }} />
                </th>
                <td>{b.partition}</td>
                <td>{b.recordCount}</td>
                <td>{countText(b.sizeInBytes)}</td>
                <td>{countText(b.baseOffset)}</td>
                <td>
                  <Status status={b.outcome} />
                  {b.attempt > 0 && ` (retry ${b.attempt})`}
                  {b.error !== null && <span className="inspector-error"> {b.error}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </InspectorSection>
    </>
  );
}
