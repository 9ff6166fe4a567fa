/**
 * The batch inspector: its bytes against batch.size, its records, its compression, when it was created, closed
 * (and why), found ready (and why) and completed, the sticky partitioner's pick when it took sticky records, each
 * send attempt, and its own timeline.
 */
import type { BatchDetail } from '../../model/run/RunSnapshot';
import { AttemptCard, CompressionFacts, SizeBar } from './BatchParts';
import { countText, simMs } from './format';
import { JourneyTimeline } from './JourneyTimeline';
import { Fact, Facts, InspectLink, InspectLinks, InspectorSection, Status } from './parts';

export function BatchInspector({ batch }: { batch: BatchDetail }) {
  return (
    <>
      <p className="inspector-status">
        <Status status={batch.status} /> · partition {batch.partition}
        {batch.error !== null && <span className="inspector-error"> {batch.error}</span>}
      </p>
      <InspectorSection title="Size">
        <SizeBar batch={batch} />
        <Facts>
          <Fact label="records">
            {batch.recordCount} <RecordIds batch={batch} />
          </Fact>
          <Fact label="estimated size">{countText(batch.estimatedSizeInBytes)} bytes</Fact>
        </Facts>
      </InspectorSection>
      <InspectorSection title="Compression">
        <CompressionFacts batch={batch} />
      </InspectorSection>
      <InspectorSection title="Lifecycle">
        <Facts>
          <Fact label="created">{simMs(batch.createdMs)}</Fact>
          <Fact label="closed">
            {batch.closedMs < 0 ? 'open (still taking records)' : simMs(batch.closedMs)}
            {batch.closeText !== null && `: ${batch.closeText}`}
          </Fact>
          <Fact label="ready">
            {batch.readyMs < 0 ? 'not yet' : simMs(batch.readyMs)}
            {batch.readyText !== null && `: ${batch.readyText}`}
          </Fact>
          <Fact label="sent">
            {batch.attempts.length === 0
              ? 'not yet'
              : batch.attempts.map((a) => simMs(a.writtenMs)).join(', ')}
          </Fact>
          <Fact label="completed">
            {batch.completedMs < 0 ? 'not yet' : simMs(batch.completedMs)}
          </Fact>
          {batch.producerId >= 0 && (
            <Fact label="sequence">
              base {countText(batch.baseSequence)} (producer id {batch.producerId})
            </Fact>
          )}
          <Fact label="base offset">{countText(batch.baseOffset)}</Fact>
          {batch.splitFrom >= 0 && (
            <Fact label="split from">
              <InspectLink target={{ kind: 'batch', id: batch.splitFrom }} />
            </Fact>
          )}
          {batch.splitInto !== null && (
            <Fact label="split into">
              <InspectLinks kind="batch" ids={batch.splitInto} />
            </Fact>
          )}
        </Facts>
        {batch.stickyPick !== null && (
          <p className="explanation">
            Sticky partitioner: <code>{batch.stickyPick}</code>
            {batch.stickySwitchReason !== null && ` (switched: ${batch.stickySwitchReason})`}
          </p>
        )}
      </InspectorSection>
      <InspectorSection title="Attempts">
        {batch.attempts.length === 0 ? (
          <p className="muted">Not sent yet.</p>
        ) : (
          <ol className="attempts">
            {batch.attempts.map((a) => (
              <AttemptCard key={a.attempt} batch={batch} attempt={a} />
            ))}
          </ol>
        )}
      </InspectorSection>
      <InspectorSection title="Timeline (simulated time)">
        <JourneyTimeline journey={batch.journey} />
      </InspectorSection>
    </>
  );
}

function RecordIds({ batch }: { batch: BatchDetail }) {
  if (batch.recordIds !== null) return <InspectLinks kind="record" ids={batch.recordIds} none="" />;
  if (batch.firstRecordId < 0) return null;
  return (
    <>
      <InspectLink target={{ kind: 'record', id: batch.firstRecordId }} /> …{' '}
      <InspectLink target={{ kind: 'record', id: batch.lastRecordId }} />
    </>
  );
}
