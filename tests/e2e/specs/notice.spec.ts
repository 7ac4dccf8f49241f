// An outage notice (site.json's `notice`, Decree 224/2026 Art. 13): above the header of every
// page in both languages, as the build's clock placed it, then by the reader's clock once the
// app runs. The site is the seed with tests/fixtures/notice.json, built on 2 June 2026 at 09:00,
// within the notice's window (27 May 08:00 to 6 June 06:00, Vietnam's time).
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

/** Sets the reader's clock (`Date.now`, which the app reads) for the pages opened next. Not
 * Playwright's `clock`, which also stands in for `performance`, whose first-paint entry the app
 * waits for before it starts. The last clock set wins. */
async function readerClock(page: Page, at: string) {
  await page.addInitScript((ms) => (Date.now = () => ms), Date.parse(at));
}

for (const width of [360, 1280]) {
  test(`within its window the notice is above the header of every page, in both languages, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    // The reader's clock on 3 June, whatever their time zone.
    await readerClock(page, '2026-06-03T10:00:00+07:00');
    for (const [, url] of pages) {
      await page.goto(url);
      await appStarted(page);
      await expect(banner(page)).toBeVisible();
      await expect(banner(page)).toHaveAttribute('lang', 'vi');
      const [notice, header] = [await banner(page).boundingBox(), await page.locator('.site-header').boundingBox()];
      expect(notice!.y + notice!.height).toBeLessThanOrEqual(header!.y + 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
}

test('the reader\'s clock hides a notice before its time and after it, on a page built within it', async ({ page }) => {
  for (const [when, clock] of [
    ['before', '2026-05-20T10:00:00+07:00'],
    ['after', '2026-06-06T06:30:00+07:00'],
  ]) {
    await readerClock(page, clock);
    const response = await page.goto(pages[1][1]);
    // The page as built carries it ...
    expect(await response!.text()).toContain(notice.text);
    // ... and the app, by the reader's clock, takes it away.
    await appStarted(page);
    await expect(banner(page), when).toBeHidden();
    await expect(page.locator('.site-notice')).toHaveAttribute('hidden', '');
  }
});

test('without JavaScript the notice is there as the build placed it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [, url] of pages) {
    await page.goto(url);
    await expect(banner(page)).toBeVisible();
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
