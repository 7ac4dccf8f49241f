// An editor's corrections published by `site-build publish` into the last release build's dist/,
// in place (build-sites.sh): of the 25 generated articles, "tin 11" retitled, "tin 13" deleted,
// and one added. A reader sees the site a clean build would give: tests/incremental.rs proves
// the files the same byte for byte; this proves it where readers look.
import { expect, test } from './fixtures';
import { SITES } from '../sites';
import { appStarted, isSameDocument, markDocument, watchForErrors } from './helpers';

const site = SITES.published.url;
const ADDED = 'Tin mới xuất bản tại chỗ';
const RETITLED = 'Tin đã sửa sau khi đăng (tin 11)';
const DELETED = 'tin-tong-hop-00013';

test('the home page lists the added and the retitled article, and not the deleted one', async ({ page }) => {
  const errors = watchForErrors(page);
  // The page as published, before the app runs ...
  const html = await (await page.goto(site))!.text();
  expect(html).toContain(ADDED);
  expect(html).not.toContain(`/bai-viet/${DELETED}/`);
  // ... and as the app shows it.
  await appStarted(page);
  const cards = page.locator('.card__link');
  await expect(cards.first()).toHaveText(ADDED);
  await markDocument(page);
  await cards.first().click();
  await expect(page.locator('h1')).toHaveText(ADDED);
  expect(await isSameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
});

test("the retitled article's page carries its new title, in the page and within the app", async ({ page }) => {
  const response = await page.goto(site + 'bai-viet/tin-tong-hop-00011/');
  expect(response!.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText(RETITLED);
  await expect(page).toHaveTitle(new RegExp(`^${RETITLED.replace(/[()]/g, '\\$&')}`));
  await appStarted(page);
  await expect(page.locator('h1')).toHaveText(RETITLED);
});

test("the deleted article's page, data and feed entry are gone", async ({ page, request }) => {
  const response = await page.goto(site + `bai-viet/${DELETED}/`);
  expect(response!.status()).toBe(404);
  expect((await request.get(site + `data/bai-viet/${DELETED}.json`)).status()).toBe(404);
  const feed = await (await request.get(site + 'feed.xml')).text();
  expect(feed).toContain(ADDED);
  expect(feed).not.toContain(DELETED);
  const sitemap = await (await request.get(site + 'sitemap.xml')).text();
  expect(sitemap).not.toContain(DELETED);
});

test('the search finds the added article without diacritics', async ({ page }) => {
  await page.goto(site);
  await appStarted(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).fill('xuat ban tai cho');
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).press('Enter');
  await expect(page.locator('.search__count')).toBeVisible();
  await expect(page.getByRole('link', { name: ADDED })).toBeVisible();
});
