/**
 * "See why" in real Chromium: the metric readouts answer a linger.ms change, the acks comparison fills the seed's
 * table with measured rows while the live run goes on, and a picked record explains its partition with murmur2.
 */
import { expect, type Page, test } from '@playwright/test';
import { counter, setSliderStop } from './pageControls';

const SHOTS = 'reports/screenshots';

/** The raw value behind a metric readout (empty while Kafka reports NaN). */
async function metricValue(page: Page, name: string): Promise<number> {
  const raw = await page.getByTestId(`metric-${name}`).getAttribute('data-value');
  return raw === null || raw === '' ? Number.NaN : Number(raw);
}

test('raising linger.ms raises batch-size-avg in the readout', async ({ page }) => {
  await page.goto('/?linger.ms=0');
  await expect
    .poll(() => metricValue(page, 'batch-size-avg'), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await page.waitForTimeout(1500);
  const before = await metricValue(page, 'batch-size-avg');

  await setSliderStop(page, 'linger.ms', '50 ms');
  await expect(page).toHaveURL(/linger\.ms=50/);
  await expect
    .poll(() => metricValue(page, 'batch-size-avg'), { timeout: 20_000 })
    .toBeGreaterThan(before * 5);
  await page.screenshot({ path: `${SHOTS}/see-why-linger-50.png` });
});

test('the acks comparison fills three measured rows while the run goes on', async ({ page }) => {
  await page.goto('/?duration.ms=1000');
  const clock = page.getByTestId('sim-clock');
  await page.getByRole('button', { name: 'Compare acks' }).click();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  const atStart = await clock.textContent();
  await expect(page.getByText('ACKS COMPARISON measured: 3 rows.')).toBeAttached({
    timeout: 60_000,
  });
  const table = page.getByRole('table').filter({ hasText: 'Durability' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const label of ['0', '1', 'all']) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name: label, exact: false }) });
    await expect(row.first()).toContainText(/\d/);
    await expect(row.first()).not.toContainText('measuring');
  }
  expect(await clock.textContent()).not.toBe(atStart);
  await page.screenshot({ path: `${SHOTS}/see-why-acks-comparison.png` });
});

test('a picked record of a keyed scenario explains its partition with murmur2', async ({
  page,
}) => {
  await page.goto('/?keys=20&partitions=6');
  await expect.poll(() => counter(page, 'acked')).toBeGreaterThan(20);
  // Paused, the list holds still between reading a line and clicking it.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByText('Pick a record', { exact: true }).click();
  const list = page.getByRole('list', { name: 'Pick a record' });
  await expect(list.getByRole('button').first()).toBeVisible();
  const first = list.getByRole('button').first();
  const label = (await first.textContent()) ?? '';
  await first.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toBeVisible();
  const explanation = inspector.getByTestId('partition-explanation');
  await expect(explanation).toContainText(
    /murmur2\("user-\d+"\) = -?\d+ → toPositive = \d+ → % 6 = \d/,
  );
  const text = (await explanation.textContent()) ?? '';
  const chosen = Number(/% 6 = (\d)/.exec(text)?.[1]);
  await expect(inspector.getByTestId('record-partition')).toHaveText(String(chosen));
  // The record's key, as the list named it, is the one hashed.
  const key = /"(user-\d+)"/.exec(label)?.[1];
  if (key !== undefined) await expect(explanation).toContainText(`"${key}"`);
  await expect(inspector.getByTestId('journey')).toContainText('send');
  await page.screenshot({ path: `${SHOTS}/see-why-record-inspector.png` });
});
