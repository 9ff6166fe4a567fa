/**
 * One stage of the diagram: its column, its Kafka class name as title (with a subtitle, both HTML so they wrap in a
 * narrow column), and the focus and hover handling that shows its explanation (StageTooltips draws the text; the
 * stage points at it with aria-describedby). Stage contents are its children.
 */
import type { ReactNode } from 'react';
import { HEADER_HEIGHT, type Span, type StageId } from './layout';
import { breakable, StageHtml } from './StageHtml';
import { STAGE_INFO } from './stageInfo';
import { tipId, useStageTips } from './tips';

export interface StageFrameProps {
  readonly id: StageId;
  readonly span: Span;
  readonly height: number;
  /** Defaults to the stage's Kafka class (STAGE_INFO). */
  readonly title?: string;
  readonly subtitle?: string;
  readonly children?: ReactNode;
}

/** Average advance of a bold sans-serif glyph, in em. */
const SANS_BOLD_EM = 0.56;

/** Title px: 13, smaller when the longest word of the class name would not fit the column (never below 10). */
export function titleSize(title: string, columnWidth: number): number {
  const longest = Math.max(...title.split(/(?<=[a-z])(?=[A-Z])/).map((w) => w.length));
  return Math.max(10, Math.min(13, (columnWidth - 12) / (longest * SANS_BOLD_EM)));
}

export function StageFrame({ id, span, height, title, subtitle, children }: StageFrameProps) {
  const { store, idPrefix } = useStageTips();
  const width = span.x1 - span.x0;
  const titleId = `${idPrefix}-title-${id}`;
  const text = title ?? STAGE_INFO[id].title;
  const show = () => store.getState().show(id);
  const hide = () => store.getState().hide(id);
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; a focusable group is the stage
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the g is focusable only to explain itself
    <g
      className={`stage stage-${id}`}
      data-stage={id}
      role="group"
      tabIndex={0}
      aria-labelledby={titleId}
      aria-describedby={tipId(idPrefix, id)}
      onFocus={show}
      onBlur={hide}
      onPointerEnter={show}
      onPointerLeave={hide}
      onKeyDown={(event) => {
        // A tooltip must be dismissible without moving focus (WCAG 1.4.13).
        if (event.key === 'Escape') hide();
      }}
    >
      <rect className="stage-bg" x={span.x0} y={0} width={width} height={height} />
      <StageHtml x={span.x0} y={0} width={width} height={HEADER_HEIGHT} className="stage-head">
        <div id={titleId} className="stage-title" style={{ fontSize: titleSize(text, width) }}>
          {breakable(text)}
        </div>
        {subtitle !== undefined && <div className="stage-subtitle">{breakable(subtitle)}</div>}
      </StageHtml>
      {children}
    </g>
  );
}
