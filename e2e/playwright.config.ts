import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium';

const port = 4173;

export default defineConfig({
  testDir: '.',
  // e2e specs only: e2e/bench holds the UI benchmark (npm run bench:ui) and its Vitest unit tests.
  testMatch: '*.spec.ts',
  testIgnore: 'bench/**',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '../reports/playwright.json' }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: CHROMIUM_LAUNCH,
    viewport: { width: 1280, height: 720 },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --strictPort --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    cwd: '..',
    timeout: 60_000,
  },
});
