/**
 * HTML inside the SVG (a foreignObject), for a stage's words: text that must wrap in a narrow column, which SVG text
 * cannot do. React puts the children in the XHTML namespace.
 */
import type { ReactNode } from 'react';

export interface StageHtmlProps {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly className?: string;
  readonly children: ReactNode;
}

export function StageHtml({ x, y, width, height, className, children }: StageHtmlProps) {
  return (
    <foreignObject x={x} y={y} width={Math.max(0, width)} height={Math.max(0, height)}>
      <div className={className === undefined ? 'stage-html' : `stage-html ${className}`}>
        {children}
      </div>
    </foreignObject>
  );
}

/** A class name with break opportunities between its words (`Record​Accumulator`), for narrow columns. */
export function breakable(name: string): ReactNode[] {
  const words = name.split(/(?<=[a-z])(?=[A-Z])/);
  const out: ReactNode[] = [];
  words.forEach((word, i) => {
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string never reorder
    if (i > 0) out.push(<wbr key={i} />);
    out.push(word);
  });
  return out;
}
