/** What the e2e specs read and move on the explorer page. */
import type { Page } from '@playwright/test';

/** A counter's number (`1,234` → 1234; `49.8 kB` → 49.8). */
export async function counter(page: Page, name: string): Promise<number> {
  const text = (await page.getByTestId(`counter-${name}`).textContent()) ?? '';
  return Number(text.replace(/[^0-9.]/g, ''));
}

/**
 * Moves a log slider to the stop that reads `valueText` and releases it there: input events while "dragging"
 * (through the native setter, so React's value tracking sees them), one change event at the end, as a release does.
 */
export async function setSliderStop(page: Page, name: string, valueText: string): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  const max = Number(await slider.getAttribute('max'));
  for (let i = 0; i <= max; i++) {
    await slider.evaluate((el, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, i);
    if ((await slider.getAttribute('aria-valuetext')) === valueText) {
      await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
      return;
    }
  }
  throw new Error(`${name} has no stop ${valueText}`);
}
