import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../scenario/presets';
import { renderPage } from '../controls/renderPage';
import { Header } from './Header';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Header', () => {
  it('names the page and lists every preset with its description', () => {
    renderPage(<Header />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Kafka Producer Explorer' }),
    ).toBeVisible();
    const select = screen.getByRole('combobox', { name: 'preset' });
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(PRESETS.map((p) => p.name));
    expect(options.map((o) => o.getAttribute('title'))).toEqual(PRESETS.map((p) => p.description));
    expect(select).toHaveValue('default');
    expect(select).toHaveAccessibleDescription(PRESETS[0].description);
  });

  it('loads a preset, and shows "custom" once the scenario is no preset', async () => {
    const user = userEvent.setup();
    const { connection, store } = renderPage(<Header />, 'linger.ms=7');
    const select = screen.getByRole('combobox', { name: 'preset' });
    expect(select).toHaveValue('');
    expect(within(select).getByRole('option', { name: 'custom scenario' })).toBeInTheDocument();
    await user.selectOptions(select, 'High throughput');
    const preset = PRESETS.find((p) => p.id === 'high-throughput');
    expect(connection.sentOf('load').at(-1)).toEqual({
      type: 'load',
      query: preset?.query,
      reason: 'preset High throughput',
    });
    expect(store.getState().query).toBe(preset?.query);
    expect(select).toHaveValue('high-throughput');
  });

  it('copies the link and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(<Header />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
  });

  it('falls back to a selected read-only field when the clipboard refuses', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(<Header />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'link to this scenario' });
    expect(field).toHaveValue(window.location.href);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByText('Copy the selected link')).toBeInTheDocument();
  });

  it('toggles the theme', async () => {
    const user = userEvent.setup();
    const { store } = renderPage(<Header />);
    const toggle = screen.getByRole('button', { name: 'Dark theme' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(store.getState().theme).toBe('dark');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    act(() => store.getState().setTheme('light'));
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});
