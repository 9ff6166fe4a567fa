import { expect, test } from '@playwright/test';

test('the built page opens and says how to use the simulator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka Producer Explorer');
  await expect(page.getByText('npm run sim', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: 'reports/screenshots/shell.png', fullPage: true });
});
