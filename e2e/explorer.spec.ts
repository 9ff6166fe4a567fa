/**
 * The explorer page in real Chromium: records flow, the URL holds the scenario both ways, controls restart the
 * run with the new setting, bad links list their problems, and axe finds nothing serious. Screenshots go to
 * reports/screenshots (look at them: a test can pass on a blank page).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { counter, setSliderStop } from './pageControls';

const SHOTS = 'reports/screenshots';

async function clockMs(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-clock').textContent()) ?? '';
  return Number(text.replace(/[^0-9.]/g, ''));
}

test('the default page shows records flowing: the clock advances and the counters rise', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka Producer Explorer');
  await expect.poll(() => clockMs(page)).toBeGreaterThan(0);
  const t0 = await clockMs(page);
  const sent0 = await counter(page, 'sent');
  await expect.poll(() => clockMs(page)).toBeGreaterThan(t0 + 50);
  await expect.poll(() => counter(page, 'sent')).toBeGreaterThan(sent0);
  await expect.poll(() => counter(page, 'acked')).toBeGreaterThan(0);
  await expect.poll(() => counter(page, 'requests')).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/explorer-default.png` });
});

test('linger.ms and batch.size from the URL show in the controls', async ({ page }) => {
  await page.goto('/?linger.ms=200&batch.size=65536');
  await expect(page.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
    'aria-valuetext',
    '200 ms',
  );
  await expect(page.getByRole('slider', { name: 'batch.size' })).toHaveAttribute(
    'aria-valuetext',
    '64 KiB',
  );
  await expect(page.getByText('batch.size 65536', { exact: false }).first()).toBeVisible();
});

test('moving linger.ms rewrites the URL, restarts the run, and batches grow', async ({ page }) => {
  await page.goto('/?throughput=5000&partitions=3');
  await page.getByRole('slider', { name: 'speed' }).focus();
  await expect.poll(() => counter(page, 'batches'), { timeout: 15_000 }).toBeGreaterThan(20);
  const before = (await counter(page, 'sent')) / (await counter(page, 'batches'));

  await setSliderStop(page, 'linger.ms', '200 ms');
  await expect(page).toHaveURL(/linger\.ms=200/);
  await expect(page.getByRole('status').filter({ hasText: 'linger.ms' }).first()).toBeVisible();
  await expect(page.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
    'aria-valuetext',
    '200 ms',
  );
  await expect.poll(() => counter(page, 'batches'), { timeout: 20_000 }).toBeGreaterThan(5);
  const after = (await counter(page, 'sent')) / (await counter(page, 'batches'));
  expect(after).toBeGreaterThan(before * 2);
  await page.screenshot({ path: `${SHOTS}/explorer-linger-200.png` });
});

test('acks=0 takes effect: the URL, the control and the sender say so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radiogroup', { name: 'acks' }).getByRole('radio', { name: '0' }).check();
  await expect(page).toHaveURL(/acks=0/);
  const network = page.getByRole('group', { name: 'NetworkClient' });
  await expect(network).toContainText('acks=0');
  await expect(network).not.toContainText('acks=all');
  await expect.poll(() => counter(page, 'acked')).toBeGreaterThan(0);
});

test('a copied link opens the same settings in a new page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?compression.type=lz4&partitions=4');
  await page.getByRole('radiogroup', { name: 'acks' }).getByRole('radio', { name: '1' }).check();
  await expect(page).toHaveURL(/acks=1/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('acks=1');

  const other = await context.newPage();
  await other.goto(link);
  await expect(
    other.getByRole('radiogroup', { name: 'acks' }).getByRole('radio', { name: '1' }),
  ).toBeChecked();
  await expect(other.getByRole('combobox', { name: 'compression.type' })).toHaveValue('lz4');
  await expect(other.getByRole('spinbutton', { name: 'partitions' })).toHaveValue('4');
});

test('a bad URL opens with defaults and lists each problem by key', async ({ page }) => {
  await page.goto('/?linger.ms=-5&acks=2&partitions=lots');
  const alert = page.getByRole('alert').filter({ hasText: 'Problems in this link' });
  await expect(alert).toBeVisible();
  for (const key of ['linger.ms', 'acks', 'partitions']) await expect(alert).toContainText(key);
  await expect(page.getByRole('slider', { name: 'linger.ms' })).toHaveAttribute(
    'aria-valuetext',
    '5 ms',
  );
  await expect.poll(() => counter(page, 'sent')).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/explorer-bad-link.png` });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 720 },
    });
    const page = await context.newPage();
    await page.goto('/?keys=20');
    await expect.poll(() => counter(page, 'acked')).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explorer-${colorScheme}.png` });
    await context.close();
  });
}
