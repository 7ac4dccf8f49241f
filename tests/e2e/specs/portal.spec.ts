// What a department's portal publishes besides news: tables and downloads inside a page and an article
// (tests/fixtures/portal), a feed per category, and "Góp ý" on every article.
import { expect, test } from './fixtures';
import { SEED_SLUG, SEED_TITLE, SITES } from '../sites';
import { appStarted, axeViolationsInBothThemes, watchForErrors } from './helpers';

const portal = SITES.portal.url;
const plan = `${portal}bai-viet/ke-hoach-khcn-2024/`;
const origin = 'https://sokhcn.cantho.gov.vn';

const formsPage = `${portal}bieu-mau/`;

for (const [where, url] of [['a page', formsPage], ['an article', plan]]) for (const width of [360, 1280]) {
  test(`a table and a download in ${where} read at ${width} px without the page scrolling sideways`, async ({ page, request }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url);
    await appStarted(page);
    const table = page.getByRole('region', { name: 'Kinh phí các nhiệm vụ khoa học và công nghệ năm 2024' });
    await expect(table.locator('caption')).toHaveText('Kinh phí các nhiệm vụ khoa học và công nghệ năm 2024');
    await expect(table.getByRole('columnheader')).toHaveText(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Kinh phí (triệu đồng)']);
    await expect(table.locator('tbody tr')).toHaveCount(3);
    // Plain text, shown as written.
    await expect(table.locator('tbody tr').nth(2).locator('td').nth(1)).toHaveText('<b>Hội thảo</b> đổi mới sáng tạo');
    // The page never scrolls sideways; at 360 px the table scrolls inside its frame, which the
    // keyboard reaches.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    if (width === 360) expect(box.scroll).toBeGreaterThan(box.client);
    else expect(box.scroll).toBe(box.client);
    await table.focus();
    await expect(table).toBeFocused();
    if (width === 360) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }

    const download = page.getByRole('link', { name: /^Kế hoạch phát triển khoa học và công nghệ năm 2024/ });
    await expect(download).toHaveText('Kế hoạch phát triển khoa học và công nghệ năm 2024 (PDF, 255 byte)');
    const href = await download.getAttribute('href');
    expect(href).toBe('/content/files/ke-hoach-khcn-2024.pdf');
    const file = await request.get(new URL(href!, portal).href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const linkBox = await download.boundingBox();
    expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
  });
}

test('the page with a table and a download, and the documents, have no axe violations, in both themes', async ({ page }) => {
  expect(await axeViolationsInBothThemes(page, [formsPage, `${portal}van-ban/loai/quyet-dinh/`, `${portal}van-ban/quyet-dinh-12-2024/`])).toEqual([]);
});

test('without JavaScript the table and the download are there as well', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(formsPage);
  await expect(page.locator('h1')).toHaveText('Biểu mẫu và kinh phí');
  await expect(page.locator('.article__meta')).toHaveText('Cập nhật: 01/02/2024 09:00');
  await expect(page.locator('.data-table tbody tr')).toHaveCount(3);
  await expect(page.locator('.download__facts')).toHaveText('(PDF, 255 byte)');
  await context.close();
});

test('each category has its own feed, announced on its page', async ({ page, request }) => {
  await page.goto(`${portal}chuyen-muc/thong-bao/`);
  const alternate = page.locator('link[rel=alternate][href$="/chuyen-muc/thong-bao/feed.xml"]');
  await expect(alternate).toHaveAttribute('type', 'application/rss+xml');
  await expect(alternate).toHaveAttribute('href', `${origin}/chuyen-muc/thong-bao/feed.xml`);
  await expect(alternate).toHaveAttribute('title', 'Thông báo – Sở KH&CN TP. Cần Thơ');
  // The site's feed is announced too.
  await expect(page.locator(`link[rel=alternate][href="${origin}/feed.xml"]`)).toHaveCount(1);
  // And the feed is a link readers can follow.
  await expect(page.getByRole('link', { name: 'Tin chuyên mục Thông báo qua RSS' })).toHaveAttribute('href', '/chuyen-muc/thong-bao/feed.xml');

  const parse = async (path: string) => {
    const response = await request.get(portal + path);
    expect(response.status()).toBe(200);
    return page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('channel > title')?.textContent,
        self: doc.getElementsByTagName('atom:link')[0]?.getAttribute('href'),
        items: [...doc.querySelectorAll('item')].map((i) => [i.querySelector('title')?.textContent, i.querySelector('category')?.textContent]),
      };
    }, await response.text());
  };
  const notices = await parse('chuyen-muc/thong-bao/feed.xml');
  expect(notices.error).toBeNull();
  expect(notices.title).toBe('Thông báo – Sở KH&CN TP. Cần Thơ');
  expect(notices.self).toBe(`${origin}/chuyen-muc/thong-bao/feed.xml`);
  expect(notices.items).toEqual([['Kế hoạch phát triển khoa học và công nghệ năm 2024', 'Thông báo']]);
  // A category without articles has an empty feed, not a missing one.
  const science = await parse('chuyen-muc/khoa-hoc-cong-nghe/feed.xml');
  expect(science.error).toBeNull();
  expect(science.items).toEqual([]);
});

test('"Góp ý" writes to the department, with the article\'s title and address', async ({ page }) => {
  const seed = SITES.seedWith404.url;
  await page.goto(`${seed}bai-viet/${SEED_SLUG}/`);
  await appStarted(page);
  const link = page.getByRole('link', { name: 'Góp ý về bài viết này' });
  const href = (await link.getAttribute('href'))!;
  const mail = new URL(href);
  expect(mail.protocol).toBe('mailto:');
  expect(mail.pathname).toBe('sokhcn@cantho.gov.vn');
  expect(mail.searchParams.get('subject')).toBe(`Góp ý về bài viết: ${SEED_TITLE}`);
  const body = mail.searchParams.get('body')!;
  expect(body).toContain(`${origin}/bai-viet/${SEED_SLUG}/`);
  // Spaces as %20, which every mail program reads as spaces (a "+" may stay a plus sign).
  expect(href).not.toContain('+');
  // It needs no server and no JavaScript: a plain link.
  expect(await link.evaluate((a) => a.tagName)).toBe('A');
});

test('the department\'s own pages are in the menu, open within the app, and read without JavaScript', async ({ page, browser }) => {
  const seed = SITES.seedWith404.url;
  const errors = watchForErrors(page);
  await page.goto(seed);
  await appStarted(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const nav = page.getByRole('navigation', { name: 'Chuyên mục' });
  await nav.getByRole('link', { name: 'Giới thiệu' }).click();
  await expect(page).toHaveURL(`${seed}gioi-thieu/`);
  await expect(page.locator('h1')).toHaveText('Giới thiệu');
  await expect(page).toHaveTitle('Giới thiệu – Sở KH&CN TP. Cần Thơ');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Giới thiệu');
  await expect(page.locator('.article__body')).toContainText('Ông Trần Đông Phương An - Phó Giám đốc Sở Khoa học và Công nghệ thành phố Cần Thơ');
  await nav.getByRole('link', { name: 'Liên hệ' }).click();
  await expect(page.locator('h1')).toHaveText('Liên hệ');
  const contacts = page.getByRole('region', { name: 'Thông tin liên hệ' });
  await expect(contacts.locator('tbody tr')).toHaveCount(5);
  await expect(contacts).toContainText('sokhcn@cantho.gov.vn');
  await expect(contacts).toContainText('0292.3821471');
  // Moved within the app: the same document all along.
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${origin}/lien-he/`);
  expect(errors).toEqual([]);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${seed}gioi-thieu/`);
  await expect(noScript.locator('h1')).toHaveText('Giới thiệu');
  await expect(noScript.getByRole('navigation', { name: 'Chuyên mục' }).locator('[aria-current="page"]')).toHaveText('Giới thiệu');
  await context.close();
});

test('an address that is no page of the bundle is not found at once, with no "Thử lại"', async ({ page }) => {
  const seed = SITES.seedWith404.url;
  await page.goto(`${seed}gioi-thieu/`);
  await appStarted(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.evaluate(() => {
    history.pushState(null, '', '/khong-co-trang-nay/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
  await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  expect(requests.filter((url) => url.includes('/data/'))).toEqual([]);
});

const documentNumbers = (page: import('@playwright/test').Page) => page.locator('.document-card__number');

test('the documents, newest first, filtered by kind and by year within the app, each filter its own address', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(portal);
  await appStarted(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Văn bản' }).click();
  await expect(page.locator('h1')).toHaveText('Văn bản');
  await expect(documentNumbers(page)).toHaveText(['12/2024/QĐ-UBND', '25/KH-SKHCN', '05/TB-SKHCN']);
  await expect(page.locator('.document-card time').first()).toHaveText('15/03/2024');
  const filters = page.getByRole('navigation', { name: 'Lọc văn bản' });
  const kinds = filters.getByRole('list', { name: 'Loại văn bản' });
  const years = filters.getByRole('list', { name: 'Năm ban hành' });
  await expect(kinds.getByRole('link')).toHaveText(['Tất cả', 'Kế hoạch', 'Quyết định', 'Thông báo']);
  await expect(years.getByRole('link')).toHaveText(['Tất cả', '2024', '2023']);

  await kinds.getByRole('link', { name: 'Quyết định' }).click();
  await expect(page).toHaveURL(`${portal}van-ban/loai/quyet-dinh/`);
  await expect(page.locator('h1')).toHaveText('Văn bản – Quyết định');
  await expect(documentNumbers(page)).toHaveText(['12/2024/QĐ-UBND']);
  await expect(kinds.locator('[aria-current="page"]')).toHaveText('Quyết định');
  // Only the years that kind has.
  await expect(years.getByRole('link')).toHaveText(['Tất cả', '2024']);
  await years.getByRole('link', { name: '2024' }).click();
  await expect(page).toHaveURL(`${portal}van-ban/loai/quyet-dinh/nam/2024/`);
  await expect(page.locator('h1')).toHaveText('Văn bản – Quyết định – Năm 2024');
  // Dropping the kind keeps the year.
  await kinds.getByRole('link', { name: 'Tất cả' }).click();
  await expect(page).toHaveURL(`${portal}van-ban/nam/2024/`);
  await expect(documentNumbers(page)).toHaveText(['12/2024/QĐ-UBND', '25/KH-SKHCN']);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  // A document: its facts as a definition list, and its files.
  await page.getByRole('link', { name: /^Ban hành Quy định quản lý/ }).click();
  await expect(page).toHaveURL(`${portal}van-ban/quyet-dinh-12-2024/`);
  const facts = await page.locator('.document__facts').evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );
  expect(facts).toEqual([
    ['Số/ký hiệu', '12/2024/QĐ-UBND'],
    ['Loại văn bản', 'Quyết định'],
    ['Cơ quan ban hành', 'Ủy ban nhân dân thành phố Cần Thơ'],
    ['Ngày ban hành', '15/03/2024'],
    ['Ngày hiệu lực', '01/04/2024'],
  ]);
  await expect(page.getByRole('link', { name: /^Quyết định số 12\/2024\/QĐ-UBND/ })).toHaveText('Quyết định số 12/2024/QĐ-UBND (PDF, 255 byte)');
  await expect(page).toHaveTitle('Quyết định 12/2024/QĐ-UBND – Sở KH&CN TP. Cần Thơ');
  expect(errors).toEqual([]);
});

test('the documents\' filters work without JavaScript, and a file without a label is named by its file', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${portal}van-ban/nam/2023/`);
  await expect(documentNumbers(page)).toHaveText(['05/TB-SKHCN']);
  await page.getByRole('list', { name: 'Loại văn bản' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page).toHaveURL(`${portal}van-ban/loai/thong-bao/nam/2023/`);
  await expect(page.locator('h1')).toHaveText('Văn bản – Thông báo – Năm 2023');
  await page.goto(`${portal}van-ban/ke-hoach-khcn-2024/`);
  await expect(page.locator('.download__link')).toHaveText('ke-hoach-khcn-2024.pdf (PDF, 255 byte)');
  await context.close();
});

test('the search finds documents by number and by words of their summary, and says they are documents', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(`${portal}tim-kiem/?q=12%2F2024`);
  await appStarted(page);
  // The document whose number it is comes first (the plan's table also holds "12/2025" and
  // "2024", so the article is found too, after it).
  const first = page.locator('.result').first();
  await expect(first.locator('.result__link')).toHaveText('12/2024/QĐ-UBND: Ban hành Quy định quản lý nhiệm vụ khoa học và công nghệ trên địa bàn thành phố Cần Thơ');
  await expect(first.locator('.result__category')).toHaveText('Văn bản · Quyết định');
  await expect(first.locator('time')).toHaveText('15/03/2024');
  await expect(first.locator('mark')).toHaveText(['12', '2024']);
  // Without diacritics, a document and an article alike.
  await page.goto(`${portal}tim-kiem/?q=ke+hoach+khoa+hoc+cong+nghe+2024`);
  await appStarted(page);
  // The page of forms lists the same plan's form: a page of the department, said so.
  await expect(page.locator('.result__category')).toHaveText(['Thông báo', 'Văn bản · Kế hoạch', 'Trang thông tin']);
  await page.locator('.result__link').nth(1).click();
  await expect(page).toHaveURL(`${portal}van-ban/ke-hoach-khcn-2024/`);
  await expect(page.locator('.document__facts dd').first()).toHaveText('25/KH-SKHCN');
  expect(errors).toEqual([]);
});

test.describe('the English section, under --public-url', () => {
  const sub = SITES.subPath.url; // the seed, built with --public-url /tin-tuc/
  const englishName = 'Department of Science and Technology of Cần Thơ City';

  test('a page and its Vietnamese counterpart link each other, with hreflang, and the chrome follows the language', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(`${sub}lien-he/`);
    await appStarted(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    const alternate = (lang: string) => page.locator(`link[rel=alternate][hreflang=${lang}]`);
    await expect(alternate('en')).toHaveAttribute('href', `${origin}/tin-tuc/en/contact/`);
    await expect(alternate('vi')).toHaveAttribute('href', `${origin}/tin-tuc/lien-he/`);
    await page.evaluate(() => ((window as any).__sameDocument = true));

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`${sub}en/contact/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Contact');
    await expect(page).toHaveTitle(`Contact – ${englishName}`);
    await expect(page.locator('.skip-link')).toHaveText('Skip to main content');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.locator('[aria-current="page"]')).toHaveText('Contact');
    await expect(page.locator('.site-header__name')).toHaveText(englishName);
    await expect(page.getByRole('search')).toHaveCount(0);
    const footer = page.locator('footer');
    await expect(footer).toContainText('Address: Số 02, Lý Thường kiệt');
    await expect(footer).toContainText('Editor-in-chief: Ông Trần Đông Phương An');
    await expect(footer.locator('.site-footer__address')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('region', { name: 'Contact details' })).toContainText('sokhcn@cantho.gov.vn');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${origin}/tin-tuc/en/contact/`);

    // /en/ lists the English pages under the English name.
    await nav.getByRole('link', { name: 'Home' }).click();
    await expect(page).toHaveURL(`${sub}en/`);
    await expect(page.locator('h1')).toHaveText(englishName);
    await expect(page.locator('main').getByRole('link', { name: 'Contact' })).toHaveAttribute('href', '/tin-tuc/en/contact/');

    // "Tiếng Việt" from a page without a counterpart: the Vietnamese home.
    const vietnamese = page.getByRole('link', { name: 'Tiếng Việt' });
    await expect(vietnamese).toHaveAttribute('lang', 'vi');
    await vietnamese.click();
    await expect(page).toHaveURL(sub);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('.skip-link')).toHaveText('Bỏ qua điều hướng');
    await expect(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`${sub}en/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
  });

  test('an English address that does not exist is not found in English', async ({ page }) => {
    await page.goto(`${sub}en/no-such-page/`);
    await appStarted(page);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/tin-tuc/en/');
  });

  test('without JavaScript the English page is English, with its alternates', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sub}en/contact/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Contact');
    // Search engines read each address's static page: the pair's alternates are there.
    await expect(page.locator('link[rel=alternate][hreflang=vi]')).toHaveAttribute('href', `${origin}/tin-tuc/lien-he/`);
    await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute('href', `${origin}/tin-tuc/en/contact/`);
    await expect(page.getByRole('link', { name: 'Tiếng Việt' })).toHaveAttribute('href', '/tin-tuc/lien-he/');
    await context.close();
  });

  test('the search finds the department\'s pages, Vietnamese and English, and says which they are', async ({ page }) => {
    await page.goto(`${sub}tim-kiem/?q=lien+he`);
    await appStarted(page);
    const result = page.locator('.result').filter({ hasText: 'Liên hệ' }).first();
    await expect(result.locator('.result__category')).toHaveText('Trang thông tin');
    await expect(result.getByRole('link')).toHaveAttribute('href', '/tin-tuc/lien-he/');
    await page.goto(`${sub}tim-kiem/?q=contact+details`);
    const english = page.locator('.result').first();
    await expect(english.locator('.result__category')).toHaveText('English');
    await english.getByRole('link', { name: 'Contact' }).click();
    await expect(page).toHaveURL(`${sub}en/contact/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
