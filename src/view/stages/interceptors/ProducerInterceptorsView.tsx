/**
 * The ProducerInterceptors stage (shown only when interceptor.classes is set): the interceptor classes in the order
 * onSend() runs them.
 */
import { memo } from 'react';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { breakable, StageHtml } from '../../diagram/StageHtml';

const NONE: readonly string[] = [];
const selectInterceptors = (s: AppState) => s.snapshot?.pipeline.interceptors ?? NONE;

export const ProducerInterceptorsView = memo(function ProducerInterceptorsView({
  layout,
}: {
  layout: DiagramLayout;
}) {
  const names = useAppStore(selectInterceptors);
  const span = layout.stages.interceptors;
  return (
    <StageFrame id="interceptors" span={span} height={layout.height} subtitle="onSend()">
      <StageHtml
        x={span.x0 + 4}
        y={layout.bodyY0}
        width={span.x1 - span.x0 - 8}
        height={layout.bodyY1 - layout.bodyY0}
        className="interceptors"
      >
        <ol>
          {names.map((name) => (
            <li key={name} className="chip" title={name}>
              {breakable(name.replace(/Interceptor$/, ''))}
            </li>
          ))}
        </ol>
      </StageHtml>
    </StageFrame>
  );
});
