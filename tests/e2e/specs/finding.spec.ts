// Finding news: categories, pages, and search without diacritics.
import { expect, test } from './fixtures';
import { SEED_SLUG, SEED_TITLE, SITES } from '../sites';
import { appStarted, isSameDocument, markDocument, watchForErrors } from './helpers';

const seed = SITES.seed.url;

test('the header lists the categories, then the menu pages, and marks the current one', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  const nav = page.getByRole('navigation', { name: 'Chuyên mục' });
  await expect(nav.getByRole('link')).toHaveText(['Trang chủ', 'Tin hoạt động', 'Khoa học – Công nghệ', 'Thông báo', 'Giới thiệu', 'Liên hệ']);
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Trang chủ');
  await markDocument(page);
  await nav.getByRole('link', { name: 'Tin hoạt động' }).click();
  await expect(page).toHaveURL(seed + 'chuyen-muc/tin-hoat-dong/');
  await expect(page.locator('h1')).toHaveText('Tin hoạt động');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Tin hoạt động');
  await expect(page.locator('.card')).toHaveCount(1);
  await nav.getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.locator('h1')).toHaveText('Thông báo');
  await expect(page.locator('.listing')).toContainText('Chưa có bài viết nào trong mục này.');
  expect(await isSameDocument(page)).toBe(true);
  // The article's breadcrumb leads to its category too.
  await page.goto(seed + `bai-viet/${SEED_SLUG}/`);
  await page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Tin hoạt động' }).click();
  await expect(page.locator('h1')).toHaveText('Tin hoạt động');
});

test('paging through 25 articles reaches every article exactly once, newest first', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(SITES.many.url);
  await appStarted(page);
  const seen: string[] = [];
  const times: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    await expect(page.locator('.card').first()).toBeVisible();
    seen.push(...(await page.locator('.card__link').allInnerTexts()));
    times.push(...(await page.locator('.card time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!))));
    const nav = page.getByRole('navigation', { name: 'Phân trang' });
    await expect(nav.locator('[aria-current="page"]')).toContainText(String(pageNumber));
    const next = nav.getByRole('link', { name: 'Trang sau ›' });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(SITES.many.url + `trang/${pageNumber + 1}/`);
    await expect(page.locator('h1')).toHaveText(`Tin mới nhất – Trang ${pageNumber + 1}`);
  }
  expect(seen).toHaveLength(25);
  expect(new Set(seen).size).toBe(25);
  const instants = times.map((t) => Date.parse(t));
  expect([...instants].sort((a, b) => b - a)).toEqual(instants);
  // Each page is a real, shareable address.
  const third = await page.request.get(SITES.many.url + 'trang/3/');
  expect(third.status()).toBe(200);
  expect(await third.text()).toContain('Tin mới nhất – Trang 3');
  expect(errors).toEqual([]);
});

test('a category pages through its own articles only', async ({ page }) => {
  await page.goto(SITES.many.url + 'chuyen-muc/tin-hoat-dong/');
  await appStarted(page);
  const categories = new Set<string>();
  let total = 0;
  for (;;) {
    for (const c of await page.locator('.card__category').allInnerTexts()) categories.add(c);
    total += await page.locator('.card').count();
    const next = page.getByRole('link', { name: 'Trang sau ›' });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(/chuyen-muc\/tin-hoat-dong\/trang\/\d+\/$/);
  }
  expect([...categories]).toEqual(['Tin hoạt động']);
  expect(total).toBe(8); // articles 3, 6, …, 24 of the generated 25
});

test('searching "co do" from the header finds the seed article with Cờ Đỏ highlighted', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(seed + `bai-viet/${SEED_SLUG}/`);
  await appStarted(page);
  await markDocument(page);
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).fill('co do');
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).press('Enter');
  await expect(page).toHaveURL(seed + 'tim-kiem/?q=co+do');
  await expect(page.locator('.search__count')).toHaveText('Tìm thấy 1 kết quả cho “co do”');
  const result = page.locator('.result');
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link')).toHaveText(SEED_TITLE);
  await expect(result.getByRole('link')).toHaveAttribute('href', `/bai-viet/${SEED_SLUG}/`);
  // The title's own spelling is "Cở Đỏ"; the snippet's is "Cờ Đỏ". Both are found.
  await expect(result.locator('.result__title mark')).toHaveText(['Cở', 'Đỏ']);
  await expect(result.locator('.result__snippet mark').first()).toHaveText('Cờ');
  await expect(result.locator('.result__snippet')).toContainText('Cờ Đỏ');
  await expect(result.locator('time')).toHaveText('13/08/2023 15:11');
  await expect(result.locator('.result__category')).toHaveText('Tin hoạt động');
  await expect(page).toHaveTitle('Tìm kiếm “co do” – Sở KH&CN TP. Cần Thơ');
  // Within the app, as every link is.
  expect(await isSameDocument(page)).toBe(true);
  await result.getByRole('link').click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect(page.locator('figcaption')).toHaveCount(5);
  expect(await isSameDocument(page)).toBe(true);
  // A new search from there stays within that app too.
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).fill('huyện Cờ Đỏ');
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).press('Enter');
  await expect(page.locator('.search__count')).toHaveText('Tìm thấy 1 kết quả cho “huyện Cờ Đỏ”');
  expect(await isSameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
});

test('matching ignores case and diacritics, and needs every word in any order', async ({ page }) => {
  // 4: the article, and the three pages (Giới thiệu, Liên hệ, Contact) that name the department
  // and its editor-in-chief.
  for (const [query, found] of [
    ['CẦN THƠ', 4],
    ['tho can', 4],
    ['Đông Phương', 4],
    ['dong phuong An', 4],
    ['C\u0300\u01a1 \u0110o\u0309', 1], // typed decomposed
    ['co do bong da', 0],
  ] as const) {
    await page.goto(seed + 'tim-kiem/?q=' + encodeURIComponent(query));
    await appStarted(page);
    if (found) await expect(page.locator('.result')).toHaveCount(found);
    else await expect(page.locator('.search__none')).toBeVisible();
  }
});

test('a search without results, and an empty search, each say what to do', async ({ page }) => {
  await page.goto(seed + 'tim-kiem/?q=bong+da+world+cup');
  await appStarted(page);
  await expect(page.locator('.search__none')).toContainText('Không tìm thấy bài viết nào có đủ các từ “bong da world cup”.');
  await expect(page.locator('.search__tips li')).toHaveCount(3);
  await page.goto(seed + 'tim-kiem/');
  await appStarted(page);
  await expect(page.locator('.search__message')).toContainText('Nhập từ khóa rồi bấm Tìm kiếm');
  const noWords = 'Từ khóa cần có ít nhất một từ gồm chữ cái hoặc chữ số, dài không quá 40 ký tự.';
  await page.goto(seed + 'tim-kiem/?q=%3F%21');
  await expect(page.locator('.search__message')).toHaveText(noWords);
  // Words longer than that are not indexed: the message says so rather than "no results".
  await page.goto(seed + 'tim-kiem/?q=' + encodeURIComponent('Siêudàikhôngcókhoảngtrắngnàotrongchuỗinàycảđâu'));
  await expect(page.locator('.search__message')).toHaveText(noWords);
});

test('the search address reloads to the same results', async ({ page }) => {
  await page.goto(seed + 'tim-kiem/?q=Tr%E1%BA%A7n+%C4%90%C3%B4ng');
  expect(await appStarted(page)).toBe('hydrated');
  await expect(page.locator('.result')).toHaveCount(4);
  await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue('Trần Đông');
  const before = await page.locator('.search__results').innerText();
  await page.reload();
  await expect(page.locator('.result')).toHaveCount(4);
  expect(await page.locator('.search__results').innerText()).toBe(before);
});

test('a plain page load makes no request for the search index', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  for (const path of ['', `bai-viet/${SEED_SLUG}/`, 'chuyen-muc/tin-hoat-dong/', 'tim-kiem/']) {
    await page.goto(seed + path);
    await appStarted(page);
  }
  await page.getByRole('link', { name: 'Trang chủ' }).first().click();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  expect(requests.filter((p) => p.includes('/tim-kiem/tu/') || p.includes('/tim-kiem/bai/'))).toEqual([]);
  // Searching does fetch it, and only the words asked for.
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).fill('Cần Thơ');
  await page.getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).press('Enter');
  await expect(page.locator('.result')).toHaveCount(4);
  expect(requests.filter((p) => p.includes('/tim-kiem/tu/')).sort()).toEqual(['/data/tim-kiem/tu/can.json', '/data/tim-kiem/tu/tho.json']);
});

test('search result pages hold ten results each', async ({ page }) => {
  await page.goto(SITES.many.url + 'tim-kiem/?q=tin');
  await appStarted(page);
  // The 25 articles, and the two pages ("Cổng thông tin", "Thông tin liên hệ").
  await expect(page.locator('.search__count')).toHaveText('Tìm thấy 27 kết quả cho “tin”');
  await expect(page.locator('.result')).toHaveCount(10);
  await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau ›' }).click();
  await expect(page).toHaveURL(SITES.many.url + 'tim-kiem/?q=tin&trang=2');
  await expect(page.locator('.result')).toHaveCount(10);
  await expect(page.locator('.search__list')).toHaveAttribute('start', '11');
});

test('an article ends with up to five related articles of its category', async ({ page }) => {
  await page.goto(SITES.many.url + 'chuyen-muc/thong-bao/');
  await appStarted(page);
  await page.locator('.card__link').nth(3).click();
  const related = page.getByRole('complementary', { name: 'Tin liên quan' });
  await expect(related.locator('.card')).toHaveCount(5);
  await expect(related.locator('.card__category')).toHaveText(Array(5).fill('Thông báo'));
  const title = await page.locator('h1').textContent();
  await expect(related.locator('.card__link')).not.toContainText([title!]);
});
