/**
 * Driving the explorer's controls as a person would, through their accessible names (the Kafka property or
 * scenario key each one sets): `speed` and `linger.ms` sliders.
 */
import type { Locator, Page } from '@playwright/test';

export function slider(page: Page, name: string): Locator {
  return page.getByRole('slider', { name, exact: true });
}

/** The slider's value as the page exposes it: aria-valuenow, else the input's value. */
export async function sliderValue(control: Locator): Promise<string> {
  const now = await control.getAttribute('aria-valuenow');
  if (now !== null) return now;
  return control.inputValue().catch(() => '');
}

/**
 * Moves the speed slider to its last position (End key), which the page defines as "as fast as possible".
 * Returns its aria-valuetext afterwards, which should be "max".
 */
export async function setSpeedToMax(page: Page): Promise<string | null> {
  const speed = slider(page, 'speed');
  await speed.focus();
  await page.keyboard.press('End');
  await speed.blur();
  return speed.getAttribute('aria-valuetext');
}

/**
 * Drags the slider's thumb back and forth with the mouse: pointer down at `fromFraction` of its width, moves in
 * `moves` steps about one frame apart to `toFraction`, back, and up. The page keeps running meanwhile.
 */
export async function dragSlider(
  page: Page,
  control: Locator,
  fromFraction: number,
  toFraction: number,
  moves: number,
): Promise<void> {
  const box = await control.boundingBox();
  if (box === null) throw new Error('slider is not visible');
  const y = box.y + box.height / 2;
  const xAt = (fraction: number) => box.x + box.width * fraction;
  await page.mouse.move(xAt(fromFraction), y);
  await page.mouse.down();
  for (const [a, b] of [
    [fromFraction, toFraction],
    [toFraction, fromFraction],
  ]) {
    for (let i = 1; i <= moves; i++) {
      await page.mouse.move(xAt(a + ((b - a) * i) / moves), y);
      await page.waitForTimeout(16);
    }
  }
  await page.mouse.up();
}
