/**
 * Pieces of the batch inspector: its bytes against batch.size as a bar (with the numbers in words beside it), its
 * compression (measured by the real codec or estimated from a sampled ratio, and which), and one card per send
 * attempt with the model's words for the request that carried it and the partitions that shared it.
 */
import type { BatchAttemptDetail, BatchDetail } from '../../model/run/RunSnapshot';
import { byteCount, percentOf, ratioText, simMs } from './format';
import { Fact, Facts, InspectLink, Status } from './parts';

export function SizeBar({ batch }: { batch: BatchDetail }) {
  const limit = Math.max(1, batch.batchSize, batch.writeLimit);
  const words = `${byteCount(batch.sizeInBytes)} of ${byteCount(batch.batchSize)} (batch.size): ${percentOf(batch.sizeInBytes, batch.batchSize)}`;
  return (
    <div className="size">
      <meter
        className="size-bar"
        aria-label="bytes against batch.size"
        min={0}
        max={limit}
        value={Math.min(batch.sizeInBytes, limit)}
      />
      <p className="size-words">{words}</p>
      {batch.writeLimit > batch.batchSize && (
        <p className="size-words">
          Its buffer holds {byteCount(batch.writeLimit)}: its first record was bigger than
          batch.size.
        </p>
      )}
    </div>
  );
}

export function CompressionFacts({ batch }: { batch: BatchDetail }) {
  const none = batch.compressionType === 'none';
  const how = none
    ? 'no codec: the records go as they are'
    : batch.compressionMeasured
      ? 'measured: the real codec compressed it'
      : 'estimated from a sampled ratio';
  return (
    <Facts>
      <Fact label="compression.type">{batch.compressionType}</Fact>
      <Fact label="uncompressed">{byteCount(batch.sizeInBytes)}</Fact>
      <Fact label="on the wire">
        {batch.compressedSizeInBytes < 0
          ? 'not built yet (compressed when drained)'
          : byteCount(batch.compressedSizeInBytes)}
      </Fact>
      <Fact label="ratio">
        {batch.compressionRatio < 0 ? '—' : `${ratioText(batch.compressionRatio)} (${how})`}
      </Fact>
    </Facts>
  );
}

export function AttemptCard({
  batch,
  attempt,
}: {
  batch: BatchDetail;
  attempt: BatchAttemptDetail;
}) {
  // The model's words for the drain say which partitions' batches shared the request.
  const drained = batch.journey.find((s) => s.stage === 'drained' && s.attempt === attempt.attempt);
  return (
    <li className="attempt">
      <p className="attempt-head">
        {attempt.attempt === 0 ? 'First send' : `Retry ${attempt.attempt}`}:{' '}
        <InspectLink target={{ kind: 'request', id: attempt.requestId }} /> to broker {attempt.node}{' '}
        — <Status status={attempt.outcome} />
        {attempt.error !== null && <span className="inspector-error"> {attempt.error}</span>}
      </p>
      {drained !== undefined && <p className="attempt-note">{drained.text}</p>}
      <Facts>
        <Fact label="ready">
          {simMs(attempt.readyMs)}
          {attempt.readyReason !== null && ` (${attempt.readyReason})`}
        </Fact>
        <Fact label="drained">{simMs(attempt.builtMs)}</Fact>
        <Fact label="written">{simMs(attempt.writtenMs)}</Fact>
        <Fact label="leader append">
          {attempt.leaderAppendMs < 0
            ? '—'
            : `${simMs(attempt.leaderAppendMs)} on broker ${attempt.leaderBroker}, base offset ${attempt.leaderBaseOffset}`}
        </Fact>
        <Fact label="replicated">{simMs(attempt.replicatedMs)}</Fact>
        {attempt.truncatedMs >= 0 && (
          <Fact label="truncated">{simMs(attempt.truncatedMs)} (a leader change cut it)</Fact>
        )}
        <Fact label="response">{simMs(attempt.responseMs)}</Fact>
      </Facts>
    </li>
  );
}
