/**
 * The live pipeline diagram: every stage a record passes, left to right, each titled with its Kafka class and
 * explained on hover and focus; the stages' structure is SVG (React-owned, each stage memoised on its slice of the
 * snapshot), the records are marks on a canvas layer above it, and the counters sit beneath. Before the first
 * snapshot a calm placeholder stands in.
 */
import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/AppState';
import { useAppStore } from '../../store/context';
import { RecordAccumulatorView } from '../stages/accumulator/RecordAccumulatorView';
import { ApplicationView } from '../stages/application/ApplicationView';
import { BrokersView } from '../stages/brokers/BrokersView';
import { CallbackView } from '../stages/callbacks/CallbackView';
import { ProducerInterceptorsView } from '../stages/interceptors/ProducerInterceptorsView';
import { NetworkClientView } from '../stages/network/NetworkClientView';
import { PartitionerView } from '../stages/partitioner/PartitionerView';
import { SenderView } from '../stages/sender/SenderView';
import { SerializerView } from '../stages/serializer/SerializerView';
import { ColourByControl } from './ColourByControl';
import { CountersRow } from './CountersRow';
import { computeLayout } from './layout';
import { MarksCanvas } from './MarksCanvas';
import { SamplingNote } from './SamplingNote';
import { StageTooltips } from './StageTooltips';
import { createTipStore, StageTipContext, type StageTips } from './tips';
import { useContainerSize } from './useContainerSize';
import './diagram.css';

/** Muted rows and brokers that are down are hatched (a pattern, so not told by colour alone). */
const HATCH_ID = 'kpe-hatch';
const selectHasSnapshot = (s: AppState) => s.snapshot !== null;
const selectShape = (s: AppState) => ({
  partitions: s.snapshot?.settings.partitions ?? 1,
  brokers: s.snapshot?.settings.brokers ?? 1,
  interceptors: (s.snapshot?.pipeline.interceptors.length ?? 0) > 0,
});

export function PipelineDiagram() {
  const ready = useAppStore(selectHasSnapshot);
  if (!ready) {
    return (
      <section className="diagram diagram-placeholder" aria-label="Pipeline diagram">
        <p role="status">Starting the simulation…</p>
      </section>
    );
  }
  return <LiveDiagram />;
}

function LiveDiagram() {
  const shape = useAppStore(useShallow(selectShape));
  const [areaRef, size] = useContainerSize<HTMLDivElement>();
  const layout = useMemo(
    () =>
      computeLayout(size.width, size.height, shape.partitions, shape.brokers, {
        interceptors: shape.interceptors,
      }),
    [size.width, size.height, shape.partitions, shape.brokers, shape.interceptors],
  );
  const idPrefix = useId();
  const [tips] = useState<StageTips>(() => ({ store: createTipStore(), idPrefix }));
  return (
    <section className="diagram" aria-label="Pipeline diagram">
      <StageTipContext.Provider value={tips}>
        <div className="diagram-area" ref={areaRef}>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG's stages are grouped by role, not by fieldset */}
          <svg
            className="diagram-svg"
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-label="Producer pipeline stages, left to right"
          >
            <defs>
              <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse">
                <path d="M0,6 L6,0" className="hatch-line" />
              </pattern>
            </defs>
            <ApplicationView layout={layout} />
            {layout.interceptors && <ProducerInterceptorsView layout={layout} />}
            <SerializerView layout={layout} />
            <PartitionerView layout={layout} />
            <RecordAccumulatorView layout={layout} />
            <SenderView layout={layout} />
            <NetworkClientView layout={layout} />
            <BrokersView layout={layout} />
            <CallbackView layout={layout} />
          </svg>
          <MarksCanvas layout={layout} />
          <StageTooltips layout={layout} />
        </div>
      </StageTipContext.Provider>
      <div className="diagram-footer">
        <CountersRow />
        <SamplingNote />
        <ColourByControl />
      </div>
    </section>
  );
}
