import { defineConfig } from '@playwright/test';
import { SITES } from './sites';

// Debian's Chromium, never a downloaded browser. These flags keep it from calling home on a
// machine whose network is closed, and let it run as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumArgs },
    locale: 'vi-VN',
    trace: 'off',
  },
  webServer: Object.values(SITES).map((site) => ({
    command: site.command,
    url: site.url,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  })),
});
