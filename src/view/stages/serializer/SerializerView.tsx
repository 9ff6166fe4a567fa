/**
 * The Serializer stage: which key and value serializers run, and the last record's key and value as bytes (their
 * sizes), with its header count.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { formatBytes } from '../../diagram/format';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { StageHtml } from '../../diagram/StageHtml';

const selectSerializer = (s: AppState) => {
  const pipeline = s.snapshot?.pipeline;
  const last = pipeline?.lastRecord ?? null;
  return {
    keySerializer: pipeline?.keySerializer ?? '',
    valueSerializer: pipeline?.valueSerializer ?? '',
    hasRecord: last !== null,
    key: last?.key ?? null,
    keySize: last?.keySizeInBytes ?? 0,
    valueSize: last?.valueSizeInBytes ?? 0,
    headers: last?.headerCount ?? 0,
  };
};

/** `"user-12"` shortened to fit a narrow column; `null` for a null key. */
export function shownKey(key: string | null, max = 10): string {
  if (key === null) return 'null';
  return key.length > max ? `"${key.slice(0, max - 1)}…"` : `"${key}"`;
}

function shortClass(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).replace(/Serializer$/, '');
}

export const SerializerView = memo(function SerializerView({ layout }: { layout: DiagramLayout }) {
  const r = useAppStore(useShallow(selectSerializer));
  const span = layout.stages.serializer;
  const subtitle =
    r.keySerializer === r.valueSerializer
      ? shortClass(r.keySerializer)
      : `${shortClass(r.keySerializer)} / ${shortClass(r.valueSerializer)}`;
  return (
    <StageFrame id="serializer" span={span} height={layout.height} subtitle={subtitle}>
      <StageHtml
        x={span.x0 + 4}
        y={layout.bodyY0}
        width={span.x1 - span.x0 - 8}
        height={layout.bodyY1 - layout.bodyY0}
        className="serializer"
      >
        {r.hasRecord ? (
          <div data-testid="serializer-sizes">
            <div className="muted">key {shownKey(r.key)}</div>
            {r.key !== null && <div>key {formatBytes(r.keySize)}</div>}
            <div>value {formatBytes(r.valueSize)}</div>
            {r.headers > 0 && (
              <div className="muted">
                {r.headers} header{r.headers === 1 ? '' : 's'}
              </div>
            )}
          </div>
        ) : (
          <div className="muted">no record yet</div>
        )}
      </StageHtml>
    </StageFrame>
  );
});
