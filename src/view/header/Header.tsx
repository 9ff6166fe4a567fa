/** The page's title bar: its name, the presets, "Copy link" and the theme toggle. */
import { CopyLinkButton } from './CopyLinkButton';
import { PresetSelect } from './PresetSelect';
import { ThemeToggle } from './ThemeToggle';

export function Header() {
  return (
    <header className="app-header">
      <h1>Kafka Producer Explorer</h1>
      <PresetSelect />
      <CopyLinkButton />
      <ThemeToggle />
    </header>
  );
}
