/**
 * The page's keys: space plays or pauses, → steps to the next event. They stay out of the way wherever a key
 * already means something: text fields, selects, sliders, radios (arrows and space are theirs), and for space
 * also buttons, links and summaries (space presses them).
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/context';

const OWN_KEYS_ROLES = new Set([
  'slider',
  'radio',
  'spinbutton',
  'textbox',
  'combobox',
  'listbox',
  'menuitem',
  'tab',
  'checkbox',
  'switch',
]);
const PRESSED_BY_SPACE = new Set(['BUTTON', 'A', 'SUMMARY']);

/** True when `target` has its own use for `key`, so the page must not take it. */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = target.getAttribute('role');
  if (role !== null && OWN_KEYS_ROLES.has(role)) return true;
  return key === ' ' && PRESSED_BY_SPACE.has(tag);
}

export function useTimeShortcuts(): void {
  const api = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== ' ' && e.key !== 'ArrowRight') return;
      if (keyBelongsToTarget(e.target, e.key)) return;
      e.preventDefault();
      if (e.key === ' ') {
        if (!e.repeat) api.getState().togglePlay();
      } else {
        api.getState().step();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api]);
}
