/**
 * The size of the element the diagram is drawn in, kept current by a ResizeObserver. Where nothing can be measured
 * (jsdom, the first render) it reports the fallback size, so the layout always has numbers to work with.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { FALLBACK_HEIGHT, FALLBACK_WIDTH } from './layout';

export interface Size {
  readonly width: number;
  readonly height: number;
}

const FALLBACK: Size = { width: FALLBACK_WIDTH, height: FALLBACK_HEIGHT };

export function useContainerSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size>(FALLBACK);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = (width: number, height: number) => {
      const next = {
        width: width > 0 ? Math.floor(width) : FALLBACK.width,
        height: height > 0 ? Math.floor(height) : FALLBACK.height,
      };
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    };
    measure(element.clientWidth, element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box !== undefined) measure(box.width, box.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return [ref, size] as const;
}
