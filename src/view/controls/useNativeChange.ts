/**
 * Listens to an element's native `change` event. React's onChange fires on every `input` (each pixel of a slider
 * drag); the native event fires once, on release or commit, which is when a costly restart should happen.
 */
import { type RefObject, useEffect, useRef } from 'react';

export function useNativeChange<T extends HTMLElement>(
  ref: RefObject<T | null>,
  onChange: (element: T) => void,
): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const listener = () => handler.current(element);
    element.addEventListener('change', listener);
    return () => element.removeEventListener('change', listener);
  }, [ref]);
}
