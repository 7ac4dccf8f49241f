// The site on a phone's home screen: its web app manifest, in Vietnamese and in the
// department's colours, with icons a phone may cut to its own shape; Chromium's own
// installability check passes, at the root and under --public-url.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SEED_SLUG, SITES } from '../sites';

for (const [where, site, base] of [
  ['at the root', SITES.seedWith404.url, '/'],
  ['under --public-url', SITES.subPath.url, '/tin-tuc/'],
] as const) {
  test(`Chromium finds the site installable, ${where}`, async ({ browserName }, testInfo) => {
    // Chromium never offers to install from an incognito profile, which every Playwright
    // context is: a profile of its own, on disk.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-install-'));
    const launch = testInfo.project.use.launchOptions ?? {};
    const context = await chromium.launchPersistentContext(profile, { ...launch, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${site}bai-viet/${SEED_SLUG}/`);
      await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0b4a8b');
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url).toBe(new URL(`${base}manifest.webmanifest`, site).href);
      expect(manifest.errors).toEqual([]);
      const data = JSON.parse(manifest.data!);
      expect(data).toMatchObject({ lang: 'vi', start_url: base, scope: base, display: 'standalone', short_name: 'KH&CN Cần Thơ' });
      for (const icon of data.icons) {
        const response = await page.request.get(new URL(icon.src, site).href);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type']).toBe('image/png');
      }
      expect(data.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`).sort()).toEqual(
        ['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable'],
      );
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
      expect(browserName).toBe('chromium');
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
}
