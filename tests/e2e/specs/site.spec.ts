// The news site as a resident uses it: listing, article, footer, errors, time zones, phones.
import { expect, test } from './fixtures';
import { SEED_CAPTIONS, SEED_FOOTER, SEED_SLUG, SEED_TITLE, SITES } from '../sites';
import { appStarted, holdArticleData, isSameDocument, markDocument, nextFrames, watchForErrors, watchLayoutShifts } from './helpers';

const seed = SITES.seed.url;
const articlePath = `/bai-viet/${SEED_SLUG}/`;

test('the listing shows the seed article with its time, category, summary and thumbnail', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(seed);
  await expect(page).toHaveTitle('Tin mới nhất – Sở KH&CN TP. Cần Thơ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const card = page.locator('.card').filter({ hasText: SEED_TITLE });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('link', { name: SEED_TITLE })).toHaveAttribute('href', articlePath);
  await expect(card.locator('time')).toHaveText('13/08/2023 15:11');
  await expect(card.locator('.card__category')).toHaveText('Tin hoạt động');
  await expect(card.locator('.card__summary')).toContainText('Chiều ngày 11/8/20203, tại Hội trường Huyện Ủy Cờ Đỏ');
  await expect(card.locator('img')).toHaveAttribute('alt', SEED_CAPTIONS[0]);
  expect(await appStarted(page)).toBe('hydrated');
  expect(errors).toEqual([]);
});

test('clicking the article opens it in the app, with its paragraphs and captions in order', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(seed);
  await appStarted(page);
  await markDocument(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(seed.replace(/\/$/, '') + articlePath);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect(page).toHaveTitle(`${SEED_TITLE} – Sở KH&CN TP. Cần Thơ`);
  expect(await isSameDocument(page)).toBe(true); // the app navigated; the page did not reload
  const paragraphs = page.locator('.article__body > p');
  await expect(paragraphs).toHaveCount(3);
  await expect(paragraphs.nth(0)).toContainText('Chiều ngày 11/8/20203');
  await expect(paragraphs.nth(2)).toContainText('Kết thúc buổi làm việc');
  await expect(page.locator('figure figcaption')).toHaveText(SEED_CAPTIONS);
  const images = page.locator('figure img');
  await expect(images).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    await expect(images.nth(i)).toHaveAttribute('alt', SEED_CAPTIONS[i]);
    await expect(images.nth(i)).toHaveAttribute('width', '960');
    await expect(images.nth(i)).toHaveAttribute('height', '640');
    // The first photo is fetched at once; the others as the reader scrolls to them.
    await expect(images.nth(i)).toHaveAttribute('loading', i === 0 ? 'eager' : 'lazy');
  }
  await expect(images.first()).toHaveAttribute('fetchpriority', 'high');
  await expect(page.locator('time')).toHaveAttribute('datetime', '2023-08-13T15:11:00+07:00');
  await expect(page.locator('.article__meta time')).toHaveText('13/08/2023 15:11');
  await expect(page.locator('.article__signature')).toHaveText('Sở KH&CN TP. Cần Thơ');
  const breadcrumb = page.getByRole('navigation', { name: 'Vị trí trang' });
  await expect(breadcrumb).toHaveText(/Trang chủ\s*›\s*Tin hoạt động/);
  await expect(breadcrumb.getByRole('link', { name: 'Trang chủ' })).toHaveAttribute('href', '/');
  expect(errors).toEqual([]);
});

test('moving within the app fetches the page\'s JSON, not its HTML', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect(page.locator('figcaption')).toHaveCount(5);
  // Pages and data: addresses of documents (…/ or .html) and JSON, not photos or the icon.
  const fetched = requests.filter((p) => p.endsWith('/') || p.endsWith('.html') || p.endsWith('.json'));
  expect(fetched).toEqual([`/data/bai-viet/${SEED_SLUG}.json`]);
});

test('the title, description and canonical address follow the page, which is announced', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  const head = () => page.evaluate(() => ({
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
    canonical: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href')),
  }));
  expect((await head()).canonical).toEqual(['https://sokhcn.cantho.gov.vn/']);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect.poll(head).toEqual({
    title: `${SEED_TITLE} – Sở KH&CN TP. Cần Thơ`,
    description: expect.stringMatching(/^Chiều ngày 11\/8\/20203/),
    canonical: [`https://sokhcn.cantho.gov.vn${articlePath}`],
  });
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển đến trang' })).toHaveText(`Đã chuyển đến trang: ${SEED_TITLE}`);
  await expect(page.locator('main')).toBeFocused();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await expect.poll(head).toEqual({
    title: 'Tin mới nhất – Sở KH&CN TP. Cần Thơ',
    description: expect.stringContaining('Khơi dậy khát vọng'),
    canonical: ['https://sokhcn.cantho.gov.vn/'],
  });
});

test('with the network cut after the first page, a link says so in Vietnamese, and "Thử lại" shows the page once it is back', async ({ page, context }) => {
  const errors = watchForErrors(page);
  await page.goto(seed);
  await appStarted(page);
  await markDocument(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('alert')).toContainText('Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.');
  await expect(page.locator('footer.site-footer')).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect(page.locator('figcaption')).toHaveCount(5);
  expect(await isSameDocument(page)).toBe(true);
  expect(errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

test('every page has the header and a footer with all seven fields', async ({ page }) => {
  for (const path of ['/', articlePath]) {
    await page.goto(seed.replace(/\/$/, '') + path);
    const header = page.locator('header.site-header');
    await expect(header.getByRole('link', { name: /SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ/ })).toHaveAttribute('href', '/');
    await expect(header).toContainText('Khoa học, công nghệ và Đổi mới sáng tạo - Khơi dậy khát vọng kiến tạo tương lai');
    const footer = page.locator('footer.site-footer');
    for (const value of Object.values(SEED_FOOTER)) await expect(footer).toContainText(value);
    await expect(footer).toContainText(`Điện thoại: ${SEED_FOOTER.phone}, Fax: ${SEED_FOOTER.fax}; Email: ${SEED_FOOTER.email}`);
    await expect(footer.getByRole('link', { name: SEED_FOOTER.phone })).toHaveAttribute('href', 'tel:02923820674');
    await expect(footer.getByRole('link', { name: SEED_FOOTER.email })).toHaveAttribute('href', `mailto:${SEED_FOOTER.email}`);
  }
  // Pages the app shows itself keep the footer the static page came with.
  await page.goto(seed);
  await appStarted(page);
  await markDocument(page);
  await page.getByRole('link', { name: SEED_TITLE }).first().click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/thong-bao\/$/);
  expect(await isSameDocument(page)).toBe(true);
  const footer = page.locator('footer.site-footer');
  await expect(footer).toHaveCount(1);
  for (const value of Object.values(SEED_FOOTER)) await expect(footer).toContainText(value);
  await expect(footer.getByRole('link', { name: SEED_FOOTER.phone })).toHaveAttribute('href', 'tel:02923820674');
});

test('a deep link to the article loads directly', async ({ page }) => {
  const errors = watchForErrors(page);
  const response = await page.goto(seed.replace(/\/$/, '') + articlePath);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  expect(await appStarted(page)).toBe('hydrated');
  await expect(page.locator('figcaption')).toHaveCount(5);
  expect(errors).toEqual([]);
});

test('an unknown slug or path shows the Vietnamese not-found page with a link home', async ({ page }) => {
  for (const path of ['/bai-viet/khong-co-bai-nay/', '/duong-dan/khong-ton-tai']) {
    const response = await page.goto(SITES.seedWith404.url.replace(/\/$/, '') + path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
    await appStarted(page);
    await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
    await expect(page.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
    await expect(page).toHaveTitle('Không tìm thấy trang – Sở KH&CN TP. Cần Thơ');
  }
  // A host that answers everything with index.html: the app itself finds nothing there. Data
  // the server says is missing may come later (a CDN behind a shared link): "Thử lại".
  await page.goto(SITES.seedSpa.url + 'bai-viet/khong-co-bai-nay/');
  expect(await appStarted(page)).toBe('rendered');
  await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
  await expect(page).toHaveTitle('Không tìm thấy trang – Sở KH&CN TP. Cần Thơ');
  await expect(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  // Moving on from the fallback page is part of the page load: nothing is announced.
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển đến trang' })).toHaveCount(0);
  // An address that cannot be a page (a category site.json does not list, a page number that
  // is not one) has nothing to try again.
  for (const path of ['chuyen-muc/khong-co/', 'trang/0/', 'trang/abc/']) {
    await page.goto(SITES.seedSpa.url + path);
    await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
    await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  }
});

for (const failure of ['network down', '500', '404', 'data cut short'] as const) {
  test(`a failed content fetch (${failure}) shows a Vietnamese error, and "Thử lại" recovers`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(seed);
    await appStarted(page);
    let broken = true;
    // The app fetches the article's data.
    await page.route('**/data/bai-viet/**', (route) => {
      if (!broken) return route.continue();
      switch (failure) {
        case 'network down': return route.abort('internetdisconnected');
        case '500': return route.fulfill({ status: 500, body: 'Internal Server Error' });
        case '404': return route.fulfill({ status: 404, body: 'Not Found' });
        case 'data cut short': return route.fulfill({ status: 200, contentType: 'application/json', body: '{"build":"khcn-cantho-0123","data":{"slug":"lam-viec' });
      }
    });
    await page.getByRole('link', { name: SEED_TITLE }).click();
    const message = {
      'network down': 'Không kết nối được tới máy chủ',
      '500': 'Máy chủ đang gặp sự cố (lỗi 500)',
      '404': 'Không tìm thấy trang',
      'data cut short': 'Dữ liệu nhận được bị lỗi',
    }[failure];
    await expect(page.locator('main')).toContainText(message);
    await expect(page.locator('header.site-header')).toBeVisible(); // never a blank page
    await expect(page.locator('footer.site-footer')).toBeVisible();
    broken = false;
    await markDocument(page);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect(page.locator('h1')).toHaveText(SEED_TITLE);
    await expect(page.locator('figcaption')).toHaveCount(5);
    // A page the app cannot read is most likely newer than the app (a tab left open across an
    // update): the retry loads the page anew. Other failures retry within the app.
    expect(await isSameDocument(page)).toBe(failure !== 'data cut short');
    // Chromium logs failed requests itself; the app must add no error of its own.
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
}

test('while an article loads, a placeholder holds its place, and nothing jumps when it arrives', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  const release = await holdArticleData(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('.skeleton[aria-busy="true"]')).toBeVisible();
  await expect(page.locator('.skeleton')).toContainText('Đang tải nội dung');
  // The tab keeps a title meanwhile: the site's.
  await expect(page).toHaveTitle('Sở KH&CN TP. Cần Thơ');
  // Count shifts from here on: the placeholder is on screen, and two frames later its own
  // arrival has been measured. Shifts within 500 ms of the click (`hadRecentInput`, which
  // Lighthouse leaves out) count too: the data may well arrive that soon here.
  await nextFrames(page);
  const shifts = await watchLayoutShifts(page);
  await release();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await expect(page.locator('.skeleton')).toHaveCount(0);
  // The first photo, which loads at once, is in; two frames later every shift is measured.
  await page.locator('figure img').first().evaluate((img: HTMLImageElement) => img.decode());
  await nextFrames(page);
  expect(await shifts()).toEqual([]);
});

test('leaving a page before its data arrives does not break the app', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(seed);
  await appStarted(page);
  const release = await holdArticleData(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('.skeleton')).toBeVisible();
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.locator('h1')).toHaveText('Thông báo');
  // The request for the page already left comes to its end now (aborted by the app, or answered),
  // and two frames later the app has done whatever it does with that.
  await release();
  await nextFrames(page);
  await expect(page.locator('h1')).toHaveText('Thông báo');
  await page.unroute('**/data/bai-viet/**');
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Trang chủ' }).click();
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  expect(errors).toEqual([]);
});

test('Back returns to where the reader was on the page', async ({ page }) => {
  await page.goto(SITES.many.url);
  await appStarted(page);
  const card = page.locator('.card__link').nth(9);
  await card.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(300);
  const title = await card.innerText();
  await card.click();
  await expect(page.locator('h1')).toHaveText(title);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
  // The reader moves on the page they came back to; Forward, then Back, finds them there.
  await page.evaluate(() => window.scrollBy(0, 200));
  const y2 = await page.evaluate(() => window.scrollY);
  await page.goForward();
  await expect(page.locator('h1')).toHaveText(title);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y2);
});

test('Back still returns to the reader\'s place after the next page was reloaded', async ({ page }) => {
  await page.goto(SITES.many.url);
  await appStarted(page);
  const card = page.locator('.card__link').nth(9);
  await card.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  const title = await card.innerText();
  await card.click();
  await expect(page.locator('h1')).toHaveText(title);
  await page.reload();
  await appStarted(page);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
});

test('Back from a search result returns to the result in the list', async ({ page }) => {
  await page.goto(SITES.many.url + 'tim-kiem/?q=tin');
  await appStarted(page);
  await expect(page.locator('.result')).toHaveCount(10);
  const link = page.locator('.result__link').nth(7);
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(300);
  const title = await link.innerText();
  await link.click();
  await expect(page.locator('h1')).toHaveText(title);
  await page.goBack();
  await expect(page.locator('.result')).toHaveCount(10);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
});

test('a link tapped again while its page loads adds no second history entry', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/chuyen-muc/**', async (route) => {
    await released;
    await route.continue();
  });
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  const link = page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Tin hoạt động' });
  await link.click();
  await expect(page.locator('.skeleton')).toBeVisible();
  await link.click();
  release();
  await expect(page.locator('h1')).toHaveText('Tin hoạt động');
  expect(await entries()).toBe(start + 1);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
});

test('text that looks like HTML is shown literally and runs nothing', async ({ page, context }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const check = async () => {
    await expect(page.locator('figcaption')).toHaveText('<b>x</b>');
    await expect(page.locator('figcaption b')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText('Tiêu đề <img src=x onerror="window.__pwned=\'title\'"> & chữ');
    await expect(page.locator('.article__body p').first()).toContainText("<script>window.__pwned = 'paragraph'</script>");
    await expect(page.locator('.article__heading')).toHaveText('<h1>Không phải tiêu đề chính</h1>');
    await expect(page.locator('.article__signature')).toHaveText('<a href="javascript:window.__pwned=\'signature\'">Ký tên</a>');
    await expect(page.locator('.article__signature a')).toHaveCount(0);
    await expect(page.locator('.site-header__name')).toHaveText('Sở <i>Thử</i> & "Nghiệm"');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  };
  // The static page, then the app hydrating it...
  await page.goto(SITES.literal.url + 'bai-viet/chu-nhu-html/');
  await check();
  await appStarted(page);
  await check();
  // ...and the app rendering it itself after a client-side navigation.
  await page.goto(SITES.literal.url);
  await appStarted(page);
  await page.locator('.card__link').first().click();
  await check();
  expect(dialogs).toBe(0);
});

test.describe('far from Vietnam', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the time still reads in Vietnam time', async ({ page }) => {
    await page.goto(seed);
    expect(await page.evaluate(() => new Date('2023-08-13T08:11:00Z').getHours())).toBe(1); // really in LA
    await appStarted(page);
    await expect(page.locator('.card time').first()).toHaveText('13/08/2023 15:11');
    await page.getByRole('link', { name: SEED_TITLE }).click(); // rendered by the app in this zone
    await expect(page.locator('.article__meta time')).toHaveText('13/08/2023 15:11');
    await page.goto(SITES.seedSpa.url + `bai-viet/${SEED_SLUG}/?from=share`);
    await expect(page.locator('.article__meta time')).toHaveText('13/08/2023 15:11');
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  for (const path of ['/', articlePath, '/chuyen-muc/tin-hoat-dong/', '/khong-co/']) {
    test(`nothing overflows horizontally on ${path}`, async ({ page }) => {
      await page.goto(SITES.seedWith404.url.replace(/\/$/, '') + path);
      await appStarted(page);
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        // What sticks out, unless it sits in a strip meant to scroll sideways (the menu).
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((el) => {
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
              if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return false;
            }
            return true;
          })
          .map((el) => el.tagName + '.' + el.className),
      }));
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    });
  }

  test('the menu is one line that scrolls sideways to every category and page', async ({ page }) => {
    await page.goto(SITES.seedWith404.url);
    await appStarted(page);
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    const links = menu.locator('.site-nav__link');
    const tops = await links.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const last = links.last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await last.click();
    await expect(page).toHaveURL(/\/lien-he\/$/);
    await expect(page.locator('h1')).toHaveText('Liên hệ');
  });

  test('the menu shows the current category, after a page load and after a navigation', async ({ page }) => {
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    const inView = async (name: string) => {
      const link = menu.getByRole('link', { name });
      await expect(link).toHaveAttribute('aria-current', 'page');
      const box = (await link.boundingBox())!;
      return box.x >= 0 && box.x + box.width <= 360;
    };
    await page.goto(SITES.seedWith404.url + 'chuyen-muc/thong-bao/');
    await appStarted(page);
    await expect.poll(() => inView('Thông báo')).toBe(true);
    await menu.getByRole('link', { name: 'Trang chủ' }).click();
    await expect(page.locator('h1')).toHaveText('Tin mới nhất');
    await expect.poll(() => inView('Trang chủ')).toBe(true);
  });
});
