/**
 * Lets a pointer pick from the diagram: a click selects the record mark, batch box or request under it
 * (targetAtPoint) and the pointer turns into a hand over anything pickable. The marks canvas lets pointer events
 * through to the SVG, so the listeners sit on the canvas' container and reach the SVG elements as event targets.
 */
import { type RefObject, useEffect } from 'react';
import { useAppStoreApi } from '../../store/context';
import { targetAtPoint } from './diagramClick';
import type { MarkPositions } from './markHit';
import './diagramCues.css';

/** Whatever holds the marks' current positions (the MarksLoop), read at click time. */
export interface MarkSource {
  readonly field: MarkPositions;
}

export function useMarkClicks(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  sourceRef: RefObject<MarkSource | null>,
): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const canvas = canvasRef.current;
    const area = canvas?.parentElement;
    if (canvas == null || area == null) return;
    const targetOf = (e: MouseEvent) => {
      const rect = canvas.getBoundingClientRect();
      const element = e.target instanceof Element ? e.target : null;
      const field = sourceRef.current?.field ?? null;
      return targetAtPoint(field, e.clientX - rect.left, e.clientY - rect.top, element);
    };
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.defaultPrevented) return;
      const target = targetOf(e);
      if (target !== null) store.getState().select(target);
    };
    let pickable = false;
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const now = targetOf(e) !== null;
      if (now === pickable) return;
      pickable = now;
      area.classList.toggle('is-pickable', now);
    };
    area.addEventListener('click', onClick);
    area.addEventListener('pointermove', onMove);
    return () => {
      area.removeEventListener('click', onClick);
      area.removeEventListener('pointermove', onMove);
      area.classList.remove('is-pickable');
    };
  }, [store, canvasRef, sourceRef]);
}
