/**
 * Whether an element is on screen (IntersectionObserver), so a chart scrolled out of its panel stops redrawing
 * until it comes back. Without an observer (jsdom) everything counts as on screen.
 */
import { type RefCallback, useCallback, useRef, useState } from 'react';

export function useOnScreen<T extends Element>(): [RefCallback<T>, boolean] {
  const [onScreen, setOnScreen] = useState(true);
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    observer.current = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) setOnScreen(last.isIntersecting);
    });
    observer.current.observe(element);
  }, []);
  return [ref, onScreen];
}
