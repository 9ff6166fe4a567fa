/** Light or dark: a toggle button (pressed = dark), whatever the system prefers. */
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectTheme } from '../../store/selectors';

export function ThemeToggle() {
  const api = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  return (
    <button
      type="button"
      aria-pressed={theme === 'dark'}
      onClick={() => api.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
    >
      Dark theme
    </button>
  );
}
