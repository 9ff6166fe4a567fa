import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCompression } from '../../model/common/compress/Compression';
import { snapshotAt } from '../testing/modelSnapshots';
import { SPEED_STOPS } from './format';
import { renderPage } from './renderPage';
import { TimeBar } from './TimeBar';

beforeAll(async () => {
  await initCompression();
});

describe('TimeBar', () => {
  it('plays and pauses, steps, resets and draws a new seed', async () => {
    const user = userEvent.setup();
    const { connection, store } = renderPage(<TimeBar />, 'seed=5');
    connection.sent.length = 0;
    expect(screen.getByText('seed 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    expect(connection.sent.map((c) => c.type)).toEqual(['pause', 'play', 'step', 'reset', 'load']);
    expect(store.getState().query).toBe('seed=4242');
    expect(screen.getByText('seed 4242')).toBeInTheDocument();
  });

  it('shows the simulated clock of a model snapshot', () => {
    const { connection } = renderPage(<TimeBar />);
    const clock = screen.getByTestId('sim-clock');
    expect(clock).toHaveTextContent('0.0 ms');
    expect(screen.getByRole('timer', { name: 'simulated time' })).toBe(clock);
    const snapshot = snapshotAt('', 1234.5);
    act(() => connection.emit({ type: 'snapshot', seq: 1, playing: true, speed: 100, snapshot }));
    expect(clock).toHaveTextContent('1,234.5 ms');
  });

  it('sets the speed on a log scale from 1 ms per second to max', () => {
    const { connection } = renderPage(<TimeBar />);
    const slider = screen.getByRole('slider', { name: 'speed' });
    expect(slider).toHaveAttribute('aria-valuetext', '100 ms per second');
    fireEvent.change(slider, { target: { value: String(SPEED_STOPS.indexOf(1000)) } });
    expect(slider).toHaveAttribute('aria-valuetext', 'real time');
    fireEvent.change(slider, { target: { value: '0' } });
    expect(slider).toHaveAttribute('aria-valuetext', '1 ms per second');
    fireEvent.change(slider, { target: { value: String(SPEED_STOPS.length - 1) } });
    expect(slider).toHaveAttribute('aria-valuetext', 'max');
    expect(connection.sentOf('setSpeed').map((c) => c.speed)).toEqual([1000, 1, 'max']);
  });

  it('plays or pauses with space and steps with →, from the page', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(<TimeBar />);
    connection.sent.length = 0;
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    await user.keyboard(' ');
    expect(connection.sent.map((c) => c.type)).toEqual(['pause', 'step', 'play']);
  });

  it('leaves space and → to sliders, text fields and buttons', async () => {
    const user = userEvent.setup();
    const { connection } = renderPage(
      <>
        <TimeBar />
        <input aria-label="a text field" />
      </>,
    );
    connection.sent.length = 0;
    await user.click(screen.getByRole('textbox', { name: 'a text field' }));
    await user.keyboard(' {ArrowRight}');
    screen.getByRole('slider', { name: 'speed' }).focus();
    await user.keyboard('{ArrowRight} ');
    // Space on a focused button presses that button, once.
    screen.getByRole('button', { name: 'Reset' }).focus();
    await user.keyboard(' ');
    expect(connection.sent.map((c) => c.type)).toEqual(['reset']);
  });
});
