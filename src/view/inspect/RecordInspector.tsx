/**
 * The record inspector: what the application sent and the partition decision (RecordParts), where it went (its
 * batch, offsets, sequence number, the requests that carried it, attempts, outcome), the timeline of its journey
 * in simulated time with the stages still ahead shown as pending, and last (they are long) its serialized bytes.
 */
import type { RecordDetail } from '../../model/run/RunSnapshot';
import { countText, simMs } from './format';
import { JourneyTimeline } from './JourneyTimeline';
import { Fact, Facts, InspectLink, InspectLinks, InspectorSection, Status } from './parts';
import { PartitionSection, ProducerRecordSection, SerializedSection } from './RecordParts';

export function RecordInspector({ record }: { record: RecordDetail }) {
  return (
    <>
      <p className="inspector-status">
        <Status status={record.status} />
        {record.error !== null && <span className="inspector-error"> {record.error}</span>}
      </p>
      <ProducerRecordSection record={record} />
      <PartitionSection record={record} />
      <DeliverySection record={record} />
      <InspectorSection title="Journey (simulated time)">
        <JourneyTimeline
          journey={record.journey}
          path={record.path}
          inProgress={record.status === 'pending'}
        />
      </InspectorSection>
      <SerializedSection record={record} />
    </>
  );
}

function DeliverySection({ record }: { record: RecordDetail }) {
  const done = record.callbackMs >= 0;
  return (
    <InspectorSection title="Delivery">
      <Facts>
        <Fact label="batch">
          {record.batchId < 0 ? (
            'not appended yet'
          ) : (
            <>
              <InspectLink target={{ kind: 'batch', id: record.batchId }} /> (record{' '}
              {record.indexInBatch} in it)
              {record.firstBatchId !== record.batchId && record.firstBatchId >= 0 && (
                <>
                  {' '}
                  — first appended to{' '}
                  <InspectLink target={{ kind: 'batch', id: record.firstBatchId }} />, then split
                </>
              )}
            </>
          )}
        </Fact>
        <Fact label="base offset">{countText(record.baseOffset)}</Fact>
        <Fact label="offset">{countText(record.offset)}</Fact>
        <Fact label="sequence">
          {record.sequence < 0 ? '— (no idempotence, or not drained yet)' : record.sequence}
          {record.producerId >= 0 && ` (producer id ${record.producerId})`}
        </Fact>
        <Fact label={record.requestIds.length > 1 ? 'requests' : 'request'}>
          <InspectLinks kind="request" ids={record.requestIds} />
        </Fact>
        <Fact label="attempts">{record.attempts}</Fact>
        <Fact label="sent">{simMs(record.sendMs)}</Fact>
        <Fact label="callback">
          {done
            ? `${simMs(record.callbackMs)} (${simMs(record.callbackMs - record.sendMs)} after send)`
            : 'not yet'}
        </Fact>
      </Facts>
    </InspectorSection>
  );
}
