import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initCompression } from '../model/common/compress/Compression';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { App } from './App';
import { renderPage } from './controls/renderPage';
import { snapshotAt } from './testing/modelSnapshots';

beforeAll(async () => {
  await initCompression();
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.theme;
});

/** A matchMedia that answers `matches` for the reduced-motion query, and lets the test change it. */
function stubReducedMotion(matches: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    matches,
    addEventListener: (_: string, l: () => void) => listeners.push(l),
    removeEventListener: () => {},
  };
  vi.stubGlobal('matchMedia', () => query);
  return (next: boolean) => {
    query.matches = next;
    for (const l of listeners) l();
  };
}

describe('App', () => {
  it('lays out the page around a snapshot the model produced', () => {
    const query = 'linger.ms=20&batch.size=65536';
    const { connection } = renderPage(<App />, query);
    const snapshot = snapshotAt(query, 250);
    act(() => connection.emit({ type: 'loaded', query, problems: [], notice: null }));
    act(() => connection.emit({ type: 'snapshot', seq: 1, playing: true, speed: 100, snapshot }));

    expect(
      screen.getByRole('heading', { level: 1, name: 'Kafka Producer Explorer' }),
    ).toBeVisible();
    expect(screen.getByRole('main', { name: 'producer pipeline' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'settings' })).toBeInTheDocument();
    expect(screen.getByTestId('sim-clock')).toHaveTextContent('250.0 ms');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
      'aria-valuetext',
      '20 ms',
    );
    expect(screen.getByRole('slider', { name: 'batch.size' })).toHaveAttribute(
      'aria-valuetext',
      '64 KiB',
    );
    expect(screen.getByRole('radiogroup', { name: 'acks' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'compression.type' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'partitions' })).toHaveValue(6);
    expect(screen.getByRole('button', { name: 'crash:0' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('gives every control a unique accessible name', () => {
    renderPage(<App />);
    const names = new Map<string, number>();
    for (const role of ['slider', 'combobox', 'spinbutton', 'textbox', 'radiogroup', 'button']) {
      for (const el of screen.queryAllByRole(role, { hidden: true })) {
        const label = `${role}:${el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent}`;
        names.set(label, (names.get(label) ?? 0) + 1);
      }
    }
    expect([...names].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('puts the theme on <html> and follows prefers-reduced-motion', async () => {
    const user = userEvent.setup();
    const setReduced = stubReducedMotion(true);
    const { store } = renderPage(<App />);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(store.getState().reducedMotion).toBe(true);
    act(() => setReduced(false));
    expect(store.getState().reducedMotion).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('lists the problems of a bad link', () => {
    const query = 'linger.ms=-5&acks=2';
    const { connection } = renderPage(<App />, query);
    const { problems, scenario } = decodeScenario(query);
    expect(scenario.producer).toEqual({});
    act(() => connection.emit({ type: 'loaded', query: '', problems, notice: null }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      /Problems in this link.*linger\.ms=-5.*acks=2/s,
    );
  });
});
