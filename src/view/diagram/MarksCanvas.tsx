/**
 * The canvas layer of record marks over the SVG diagram. React only mounts it; MarksLoop paints it every animation
 * frame from the latest snapshot without a React render. `data-marks` holds how many marks the last frame drew (the
 * UI benchmark reads it) and the aria-label says what they are. A click picks a mark for the inspector
 * (useMarkClicks; the keyboard's way is the inspector's pick list).
 */
import { useEffect, useRef } from 'react';
import { useAppStoreApi } from '../../store/context';
import { useMarkClicks } from '../inspect/useMarkClicks';
import type { DiagramLayout } from './layout';
import { MarksLoop } from './MarksLoop';

export function MarksCanvas({ layout }: { layout: DiagramLayout }) {
  const store = useAppStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const loopRef = useRef<MarksLoop | null>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const loop = new MarksLoop(canvas, store, layoutRef.current);
    loopRef.current = loop;
    return () => {
      loop.dispose();
      loopRef.current = null;
    };
  }, [store]);

  useEffect(() => {
    loopRef.current?.setLayout(layout);
  }, [layout]);

  useMarkClicks(canvasRef, loopRef);

  return <canvas ref={canvasRef} className="marks-canvas" role="img" aria-label="No records yet" />;
}
