/**
 * The stages' explanations, as HTML over the diagram: every one is in the DOM (so aria-describedby always finds its
 * text), and the one of the hovered or focused stage is visible, under that stage's title.
 */
import { useStore } from 'zustand';
import { type DiagramLayout, HEADER_HEIGHT, STAGE_ORDER } from './layout';
import { STAGE_INFO } from './stageInfo';
import { tipId, useStageTips } from './tips';

const TIP_WIDTH = 280;

export function StageTooltips({ layout }: { layout: DiagramLayout }) {
  const { store, idPrefix } = useStageTips();
  const active = useStore(store, (s) => s.active);
  return (
    <div className="stage-tips">
      {STAGE_ORDER.map((id) => {
        if (id === 'interceptors' && !layout.interceptors) return null;
        const span = layout.stages[id];
        const left = Math.max(0, Math.min(span.x0, layout.width - TIP_WIDTH));
        return (
          <div
            key={id}
            id={tipId(idPrefix, id)}
            role="tooltip"
            className={id === active ? 'stage-tip is-active' : 'stage-tip'}
            style={{ left, top: HEADER_HEIGHT - 4, width: TIP_WIDTH }}
          >
            {STAGE_INFO[id].explanation}
          </div>
        );
      })}
    </div>
  );
}
