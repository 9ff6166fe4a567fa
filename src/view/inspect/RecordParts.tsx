/**
 * The first half of the record inspector: the ProducerRecord as the application built it, its key and value as
 * the serializers turned them into bytes (hex and text, with the model's note when either is cut), and the
 * partition decision with the model's explanation.
 */
import type { PartitionReason, RecordDetail } from '../../model/run/RunSnapshot';
import { byteCount, simMs } from './format';
import { Fact, Facts, InspectorSection } from './parts';

/** Characters of the value shown in the ProducerRecord (all of it is under "Serialized"). */
const VALUE_PREVIEW = 100;

const REASON_WORDS: Readonly<Record<PartitionReason, string>> = {
  '': 'not chosen yet',
  explicit: 'given in the ProducerRecord',
  'custom-partitioner': 'chosen by partitioner.class',
  'key-hash': 'hash of the key (murmur2)',
  sticky: 'sticky partitioner (no key)',
};

export function ProducerRecordSection({ record }: { record: RecordDetail }) {
  const value = record.valueText;
  return (
    <InspectorSection title="ProducerRecord">
      <Facts>
        <Fact label="topic">{record.topic}</Fact>
        <Fact label="key">{record.key === null ? 'null' : <code>"{record.key}"</code>}</Fact>
        <Fact label="value">
          {value === null ? (
            'null'
          ) : (
            <code className="value-preview">
              {value.length > VALUE_PREVIEW ? `${value.slice(0, VALUE_PREVIEW)}…` : value}
            </code>
          )}
        </Fact>
        <Fact label="partition">
          {record.requestedPartition === null
            ? 'null (the partitioner chooses)'
            : record.requestedPartition}
        </Fact>
        <Fact label="timestamp">{simMs(record.timestamp)} (CreateTime)</Fact>
        <Fact label="headers">
          {record.headers.length === 0 ? (
            'none'
          ) : (
            <ul className="plain-list">
              {record.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: header keys may repeat; order is the identity
                <li key={i}>
                  <code>{h.key}</code> ={' '}
                  {h.valueText === null ? 'null' : <code>{h.valueText}</code>}
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </Facts>
    </InspectorSection>
  );
}

export function SerializedSection({ record }: { record: RecordDetail }) {
  return (
    <InspectorSection title="Serialized">
      <Bytes
        label="key"
        size={record.keySizeInBytes}
        hex={record.keyHex}
        hexNote={null}
        text={record.keyText}
        textNote={null}
      />
      <Bytes
        label="value"
        size={record.valueSizeInBytes}
        hex={record.valueHex}
        hexNote={record.valueHexNote}
        text={record.valueText}
        textNote={record.valueTextNote}
      />
    </InspectorSection>
  );
}

interface BytesProps {
  readonly label: string;
  readonly size: number;
  readonly hex: string | null;
  readonly hexNote: string | null;
  readonly text: string | null;
  readonly textNote: string | null;
}

function Bytes({ label, size, hex, hexNote, text, textNote }: BytesProps) {
  if (size < 0 || hex === null) {
    return (
      <p className="bytes-head">
        <strong>{label}</strong>: null (no bytes)
      </p>
    );
  }
  return (
    <div className="bytes">
      <p className="bytes-head">
        <strong>{label}</strong>: {byteCount(size)}
      </p>
      <p className="bytes-label">hex{hexNote === null ? '' : ` (${hexNote})`}</p>
      <pre className="bytes-dump">{hex}</pre>
      <p className="bytes-label">text{textNote === null ? '' : ` (${textNote})`}</p>
      <pre className="bytes-dump">{text ?? ''}</pre>
    </div>
  );
}

export function PartitionSection({ record }: { record: RecordDetail }) {
  return (
    <InspectorSection title="Partition">
      <p className="partition-choice">
        {record.partition < 0 ? (
          'Not partitioned yet.'
        ) : (
          <>
            Partition <strong data-testid="record-partition">{record.partition}</strong>:{' '}
            {REASON_WORDS[record.partitionReason]}
          </>
        )}
      </p>
      <p className="explanation" data-testid="partition-explanation">
        <code>{record.partitionExplanation}</code>
      </p>
    </InspectorSection>
  );
}
