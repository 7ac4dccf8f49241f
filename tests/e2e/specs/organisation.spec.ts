// The organisation and its leaders (Decree 224/2026 Art. 9.1.b), from the portal fixture's
// to-chuc.json and en/to-chuc.json: sample functions, chart, two leaders (one of them in
// English too), two units and a history.
import { expect, test } from './fixtures';
import { SITES } from '../sites';
import { appStarted, axeViolationsInBothThemes, isSameDocument, markDocument, watchForErrors } from './helpers';

const portal = SITES.portal.url;
const organisation = `${portal}to-chuc/`;
const director = `${organisation}nguyen-van-mau/`;
const english = `${portal}en/organisation/`;
const englishDirector = `${english}nguyen-van-mau/`;
type Page = import('./fixtures').Page;
const headings = (page: Page) => page.locator('.article__heading');

for (const width of [360, 1280]) {
  test(`the organisation shows its functions, chart, leaders, units and history, and a leader's page, within the app, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(portal);
    await appStarted(page);
    await markDocument(page);
    // On a phone the menu is one line that scrolls: the link is there, maybe out of view.
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Tổ chức' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(organisation);
    await expect(page.locator('h1')).toHaveText('Cơ cấu tổ chức');
    await expect(headings(page)).toHaveText(['Chức năng, nhiệm vụ, quyền hạn', 'Lãnh đạo', 'Các đơn vị', 'Lịch sử hình thành']);
    await expect(page.locator('.article__meta')).toHaveText('Cập nhật: 20/11/2026 09:00');
    // The chart, described for those who cannot see it, opens in the viewer.
    const chart = page.locator('figure img');
    await expect(chart).toHaveAttribute('alt', 'Sơ đồ mẫu: Ban Giám đốc mẫu ở trên, ba đơn vị mẫu A, B, C ở dưới');
    await page.locator('figure a').first().click();
    const viewer = page.getByRole('dialog');
    await expect(viewer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    // The leaders, each with photo, position and contacts.
    const leaders = page.locator('.leader-card');
    await expect(leaders.locator('.leader-card__name')).toHaveText(['Nguyễn Văn Mẫu', 'Trần Thị Đào Mẫu']);
    await expect(leaders.locator('.leader-card__position')).toHaveText(['Giám đốc (mẫu)', 'Phó Giám đốc (mẫu)']);
    await expect(leaders.first().locator('img')).toHaveAttribute('alt', 'Nguyễn Văn Mẫu');
    await expect(leaders.first().getByRole('link', { name: '0292.3000001' })).toHaveAttribute('href', 'tel:02923000001');
    await expect(leaders.first().getByRole('link', { name: 'giamdoc.mau@example.gov.vn' })).toHaveAttribute('href', 'mailto:giamdoc.mau@example.gov.vn');
    // The units as contact cards.
    const units = page.locator('.unit-card');
    await expect(units.locator('.unit-card__name')).toHaveText(['Văn phòng mẫu', 'Trung tâm mẫu C']);
    await expect(units.first().getByRole('link', { name: '0292.3000010' })).toHaveAttribute('href', 'tel:02923000010');
    await expect(units.first()).toContainText('Chánh Văn phòng mẫu');
    // A leader's page: duties and biography.
    await page.getByRole('link', { name: 'Nguyễn Văn Mẫu' }).click();
    await expect(page).toHaveURL(director);
    await expect(page.locator('h1')).toHaveText('Nguyễn Văn Mẫu');
    await expect(headings(page)).toHaveText(['Nhiệm vụ được phân công', 'Tiểu sử']);
    await expect(page.locator('.article__body').last()).toHaveText('Tiểu sử mẫu: sinh năm 1970, tiến sĩ (văn bản mẫu).');
    await expect(page).toHaveTitle('Nguyễn Văn Mẫu – Sở KH&CN TP. Cần Thơ');
    // Back to the organisation, then the other leader, who has no biography.
    await page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await page.getByRole('link', { name: 'Trần Thị Đào Mẫu' }).click();
    await expect(page).toHaveURL(`${organisation}tran-thi-dao-mau/`);
    await expect(headings(page)).toHaveText(['Nhiệm vụ được phân công']);
    expect(await isSameDocument(page)).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test(`the English organisation and its leader, with the Vietnamese pages as their alternates, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${portal}en/`);
    await appStarted(page);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Organisation' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(english);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Organisation');
    await expect(headings(page)).toHaveText(['Functions, tasks and powers', 'Leadership', 'History']);
    await page.getByRole('link', { name: 'Nguyễn Văn Mẫu' }).click();
    await expect(page).toHaveURL(englishDirector);
    await expect(page.locator('.leader-card__position')).toHaveText('Director (sample)');
    await expect(headings(page)).toHaveText(['Duties', 'Biography']);
    expect(errors).toEqual([]);
  });
}

test('the static pages carry hreflang alternates between the two languages', async ({ request }) => {
  for (const [url, vi, en] of [
    [organisation, '/to-chuc/', '/en/organisation/'],
    [englishDirector, '/to-chuc/nguyen-van-mau/', '/en/organisation/nguyen-van-mau/'],
  ]) {
    const html = await (await request.get(url)).text();
    expect(html).toContain(`<link rel="alternate" hreflang="vi" href="https://sokhcn.cantho.gov.vn${vi}"`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="https://sokhcn.cantho.gov.vn${en}"`);
  }
  // A leader only in Vietnamese has none.
  const html = await (await request.get(`${organisation}tran-thi-dao-mau/`)).text();
  expect(html).not.toContain('<link rel="alternate" hreflang="en"');
});

test('the organisation and its leaders have no axe violations, in both themes', async ({ page }) => {
  expect(await axeViolationsInBothThemes(page, [organisation, director, english, englishDirector])).toEqual([]);
});

test('without JavaScript the organisation, a leader and the English pages are all there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(organisation);
  await expect(page.locator('.leader-card__name')).toHaveText(['Nguyễn Văn Mẫu', 'Trần Thị Đào Mẫu']);
  // The chart opens as a file.
  await expect(page.locator('figure a').first()).toHaveAttribute('href', /\/content\/anh\/.+\.jpg$/);
  await page.getByRole('link', { name: 'Nguyễn Văn Mẫu' }).click();
  await expect(page).toHaveURL(director);
  await expect(headings(page)).toHaveText(['Nhiệm vụ được phân công', 'Tiểu sử']);
  await page.goto(english);
  await expect(page.locator('h1')).toHaveText('Organisation');
  await context.close();
});

test('the search finds a leader by name, and says it is a leader', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(`${portal}tim-kiem/?q=tran+thi+dao+mau`);
  await appStarted(page);
  const first = page.locator('.result').first();
  await expect(first.locator('.result__link')).toHaveText('Trần Thị Đào Mẫu');
  await expect(first.locator('.result__category')).toHaveText('Lãnh đạo · Phó Giám đốc (mẫu)');
  await first.locator('.result__link').click();
  await expect(page).toHaveURL(`${organisation}tran-thi-dao-mau/`);
  await expect(page.locator('h1')).toHaveText('Trần Thị Đào Mẫu');
  expect(errors).toEqual([]);
});

test('the sitemap lists the organisation and its leaders in both languages', async ({ request }) => {
  const sitemap = await (await request.get(`${portal}sitemap.xml`)).text();
  for (const path of ['to-chuc/', 'to-chuc/nguyen-van-mau/', 'to-chuc/tran-thi-dao-mau/', 'en/organisation/', 'en/organisation/nguyen-van-mau/']) {
    expect(sitemap).toContain(`<loc>https://sokhcn.cantho.gov.vn/${path}</loc>`);
  }
});

test.describe('under --public-url', () => {
  const sub = SITES.portalSubPath.url; // the portal, built with --public-url /tin-tuc/

  test('the organisation, a leader and the English organisation carry the prefix', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(sub);
    await appStarted(page);
    await markDocument(page);
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Tổ chức' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(`${sub}to-chuc/`);
    await expect(page.locator('.leader-card img').first()).toHaveAttribute('src', /^\/tin-tuc\/content\//);
    await page.getByRole('link', { name: 'Nguyễn Văn Mẫu' }).click();
    await expect(page).toHaveURL(`${sub}to-chuc/nguyen-van-mau/`);
    await expect(page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Cơ cấu tổ chức' })).toHaveAttribute('href', '/tin-tuc/to-chuc/');
    expect(await isSameDocument(page)).toBe(true);
    // The language switch leads to the English organisation.
    await page.locator('.site-header__language').click();
    await expect(page).toHaveURL(`${sub}en/organisation/`);
    await expect(page.locator('h1')).toHaveText('Organisation');
    expect(errors).toEqual([]);
  });
});

test('on a phone the menu with every section is still one line that scrolls, and the page does not', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${portal}to-chuc/`);
  await appStarted(page);
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' }).locator('.site-nav__list');
  await expect(menu.getByRole('link')).toHaveText([
    'Trang chủ',
    'Tin hoạt động',
    'Khoa học – Công nghệ',
    'Thông báo',
    'Văn bản',
    'Thủ tục hành chính',
    'Nhiệm vụ KH&CN',
    'Tổ chức',
    'Biểu mẫu và kinh phí',
  ]);
  const shape = await menu.evaluate((list) => {
    const tops = new Set([...list.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top)));
    return { lines: tops.size, scrolls: list.scrollWidth > list.clientWidth };
  });
  expect(shape).toEqual({ lines: 1, scrolls: true });
  // The current section is scrolled into the line's view.
  await expect(menu.getByRole('link', { name: 'Tổ chức' })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
