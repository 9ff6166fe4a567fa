/**
 * How the e2e tests and the UI benchmark start Chromium here: Debian's /usr/bin/chromium (CHROMIUM_PATH overrides;
 * no browser can be downloaded) with the flags this closed, GPU-less machine needs.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};
