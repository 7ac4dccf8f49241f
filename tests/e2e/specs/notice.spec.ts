// An outage notice (site.json's `notice`, Decree 224/2026 Art. 13): above the header of every
// page in both languages, shown or hidden by the reader's clock once the app runs, and at its
// times while a page stays open. The site is the seed with tests/fixtures/notice.json, built on
// 20 May 2026, before the notice's window (27 May 08:00 to 6 June 06:00, Vietnam's time): its
// pages carry the notice hidden. Pages built within the window carry it shown: tests/notice.rs.
// The site is built and served under --public-url /tin-tuc/.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, Page, test } from './fixtures';
import { SEED_SLUG, SITES } from '../sites';
import { appStarted, watchForErrors } from './helpers';

const site = SITES.notice.url;
const notice = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/notice.json'), 'utf8'));
const pages = [['the home page', site], ['an article', `${site}bai-viet/${SEED_SLUG}/`], ['an English page', `${site}en/contact/`]];

const banner = (page: Page) => page.getByRole('status').filter({ hasText: notice.text });

/** Sets the reader's clock to `at` for the pages opened next; it runs on from there. `Date.now`,
 * which the app reads, not Playwright's `clock`, which also stands in for `performance`, whose
 * first-paint entry the app waits for before it starts. The last clock set wins. */
async function readerClock(page: Page, at: string) {
  await page.addInitScript((offset) => {
    const clock = globalThis as unknown as { realNow?: () => number };
    const realNow = (clock.realNow ??= Date.now);
    Date.now = () => realNow() + offset;
  }, Date.parse(at) - Date.now());
}

for (const width of [360, 1280]) {
  test(`within its window the reader's clock shows the notice above the header of every page, in both languages, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    // The reader's clock on 3 June, whatever their time zone.
    await readerClock(page, '2026-06-03T10:00:00+07:00');
    for (const [where, url] of pages) {
      const response = await page.goto(url);
      // The page as built carries it hidden ...
      expect(await response!.text(), where).toMatch(/<div[^>]* hidden[ >][^>]*class="site-notice"|<div[^>]*class="site-notice"[^>]* hidden[ >]/);
      // ... and the app shows it.
      await appStarted(page);
      await expect(banner(page), where).toBeVisible();
      await expect(banner(page)).toHaveAttribute('lang', 'vi');
      const [notice, header] = [await banner(page).boundingBox(), await page.locator('.site-header').boundingBox()];
      expect(notice!.y + notice!.height).toBeLessThanOrEqual(header!.y + 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
}

test('the reader\'s clock keeps the notice hidden before its time and after it', async ({ page }) => {
  for (const [when, clock] of [
    ['before', '2026-05-27T07:30:00+07:00'],
    ['after', '2026-06-06T06:30:00+07:00'],
  ]) {
    await readerClock(page, clock);
    await page.goto(pages[1][1]);
    await appStarted(page);
    await expect(page.locator('.site-notice'), when).toHaveAttribute('hidden', '');
    await expect(banner(page), when).toBeHidden();
  }
});

test('an open page shows the notice at its start and hides it at its end', async ({ page }) => {
  // Five seconds before each time: the app has started well before it.
  await readerClock(page, '2026-05-27T07:59:55+07:00');
  await page.goto(site);
  await appStarted(page);
  await expect(banner(page)).toBeHidden({ timeout: 0 });
  await expect(banner(page)).toBeVisible({ timeout: 15_000 });
  await readerClock(page, '2026-06-06T05:59:55+07:00');
  await page.goto(site);
  await appStarted(page);
  await expect(banner(page)).toBeVisible({ timeout: 0 });
  await expect(banner(page)).toBeHidden({ timeout: 15_000 });
});

test('without JavaScript the page is as the build placed the notice', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [where, url] of pages) {
    await page.goto(url);
    await expect(page.locator('.site-notice'), where).toHaveAttribute('hidden', '');
    await expect(banner(page), where).toBeHidden();
  }
  await context.close();
});

test('the notice has no axe violations, in both themes', async ({ page }) => {
  await readerClock(page, '2026-06-03T10:00:00+07:00');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(site);
    await appStarted(page);
    await expect(banner(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }
});
