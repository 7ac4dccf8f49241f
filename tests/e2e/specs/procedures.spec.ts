// Administrative procedures (Decree 224/2026 Art. 9.1.a), from the portal fixture's thu-tuc/:
// three sample procedures in two fields, one filed fully online, one partly, one in person.
import { expect, test } from './fixtures';
import { SITES } from '../sites';
import { appStarted, axeViolationsInBothThemes, isSameDocument, markDocument, watchForErrors } from './helpers';

const portal = SITES.portal.url;
const list = `${portal}thu-tuc-hanh-chinh/`;
const scienceField = `${list}linh-vuc/hoat-dong-khoa-hoc-va-cong-nghe/`;
const onlineProcedure = `${list}dang-ky-ket-qua-nhiem-vu-mau/`;
const REGISTER = 'Thủ tục mẫu: đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ';
const codes = (page: import('./fixtures').Page) => page.locator('.document-card__number');

for (const width of [360, 1280]) {
  test(`the procedures are listed by field with their counts, and the field filter narrows them within the app, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(portal);
    await appStarted(page);
    await markDocument(page);
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    // On a phone the menu is one line that scrolls: the link is there, maybe out of view.
    await menu.getByRole('link', { name: 'Thủ tục hành chính' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(list);
    await expect(page.locator('h1')).toHaveText('Thủ tục hành chính');
    await expect(page.locator('.procedures__field')).toHaveText(['Hoạt động khoa học và công nghệ (2)', 'Tiêu chuẩn, đo lường, chất lượng (1)']);
    await expect(codes(page)).toHaveText(['9.000101', '9.000102', '9.000201']);
    await expect(page.locator('.document-card__facts')).toHaveText([
      '9.000101 · Trực tuyến toàn trình',
      '9.000102 · Trực tuyến một phần',
      '9.000201 · Nộp trực tiếp',
    ]);
    const fields = page.getByRole('list', { name: 'Lĩnh vực' });
    await expect(fields.getByRole('link')).toHaveText(['Tất cả (3)', 'Hoạt động khoa học và công nghệ (2)', 'Tiêu chuẩn, đo lường, chất lượng (1)']);
    await fields.getByRole('link', { name: /^Tiêu chuẩn/ }).click();
    await expect(page).toHaveURL(`${list}linh-vuc/tieu-chuan-do-luong-chat-luong/`);
    await expect(page.locator('h1')).toHaveText('Thủ tục hành chính – Tiêu chuẩn, đo lường, chất lượng');
    await expect(codes(page)).toHaveText(['9.000201']);
    await expect(fields.locator('[aria-current="page"]')).toHaveText('Tiêu chuẩn, đo lường, chất lượng (1)');
    expect(await isSameDocument(page)).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test(`a procedure filed online shows its facts and a "Nộp hồ sơ trực tuyến" link leaving the site, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(scienceField);
    await appStarted(page);
    await page.getByRole('link', { name: REGISTER }).click();
    await expect(page).toHaveURL(onlineProcedure);
    await expect(page.locator('h1')).toHaveText(REGISTER);
    const file = page.getByRole('link', { name: /^Nộp hồ sơ trực tuyến/ });
    await expect(file).toHaveText('Nộp hồ sơ trực tuyến (Cổng Dịch vụ công, trang ngoài)');
    await expect(file).toHaveAttribute('href', 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.000101');
    await expect(file).toHaveAttribute('rel', /external/);
    await expect(file).toBeInViewport();
    const facts = await page.locator('.document__facts').evaluate((dl) =>
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual([
      ['Mã thủ tục', '9.000101'],
      ['Lĩnh vực', 'Hoạt động khoa học và công nghệ'],
      ['Cấp thực hiện', 'Cấp tỉnh'],
      ['Cách thực hiện', 'Trực tuyến toàn trình'],
      ['Thời hạn giải quyết', 'Mẫu: 5 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ'],
      ['Phí, lệ phí', 'Mẫu: không thu phí'],
    ]);
    // The steps, the papers as a table, the form to download.
    await expect(page.locator('.article__body h2')).toHaveText('Trình tự thực hiện (văn bản mẫu)');
    await expect(page.locator('.data-table tbody tr')).toHaveCount(2);
    await expect(page.locator('.download__link')).toHaveText('Biểu mẫu phiếu đăng ký (tệp mẫu) (PDF, 255 byte)');
    await expect(page).toHaveTitle(`${REGISTER} – Sở KH&CN TP. Cần Thơ`);
    expect(errors).toEqual([]);
  });
}

test('a procedure filed in person has no link to file online', async ({ page }) => {
  await page.goto(`${list}cong-bo-hop-chuan-mau/`);
  await appStarted(page);
  await expect(page.locator('h1')).toHaveText('Thủ tục mẫu: tiếp nhận bản công bố hợp chuẩn');
  await expect(page.locator('.document__facts dd').nth(3)).toHaveText('Nộp trực tiếp');
  await expect(page.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ })).toHaveCount(0);
});

test('the procedures have no axe violations, in both themes', async ({ page }) => {
  expect(await axeViolationsInBothThemes(page, [list, scienceField, onlineProcedure])).toEqual([]);
});

test('without JavaScript the list, its field filter and a procedure are all there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(list);
  await expect(codes(page)).toHaveText(['9.000101', '9.000102', '9.000201']);
  await page.getByRole('list', { name: 'Lĩnh vực' }).getByRole('link', { name: /^Hoạt động/ }).click();
  await expect(page).toHaveURL(scienceField);
  await expect(codes(page)).toHaveText(['9.000101', '9.000102']);
  await page.getByRole('link', { name: REGISTER }).click();
  await expect(page.getByRole('link', { name: /^Nộp hồ sơ trực tuyến/ })).toBeVisible();
  await expect(page.locator('.document__facts dd').first()).toHaveText('9.000101');
  await context.close();
});

test('the search finds a procedure by its code first, and says it is a procedure', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(`${portal}tim-kiem/?q=9.000102`);
  await appStarted(page);
  const first = page.locator('.result').first();
  await expect(first.locator('.result__link')).toHaveText('9.000102: Thủ tục mẫu: cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ');
  await expect(first.locator('.result__category')).toHaveText('Thủ tục · Hoạt động khoa học và công nghệ');
  await expect(first.locator('time')).toHaveCount(0);
  // By words, without diacritics.
  await page.goto(`${portal}tim-kiem/?q=cong+bo+hop+chuan`);
  await appStarted(page);
  await expect(page.locator('.result__link').first()).toHaveText('9.000201: Thủ tục mẫu: tiếp nhận bản công bố hợp chuẩn');
  await page.locator('.result__link').first().click();
  await expect(page).toHaveURL(`${list}cong-bo-hop-chuan-mau/`);
  await expect(page.locator('h1')).toHaveText('Thủ tục mẫu: tiếp nhận bản công bố hợp chuẩn');
  expect(errors).toEqual([]);
});

test('the sitemap lists the procedures and their fields', async ({ request }) => {
  const sitemap = await (await request.get(`${portal}sitemap.xml`)).text();
  for (const path of ['thu-tuc-hanh-chinh/', 'thu-tuc-hanh-chinh/linh-vuc/hoat-dong-khoa-hoc-va-cong-nghe/', 'thu-tuc-hanh-chinh/dang-ky-ket-qua-nhiem-vu-mau/']) {
    expect(sitemap).toContain(`<loc>https://sokhcn.cantho.gov.vn/${path}</loc>`);
  }
});

test.describe('under --public-url', () => {
  const sub = SITES.portalSubPath.url; // the portal, built with --public-url /tin-tuc/

  test('the procedures, their filter, a procedure and the search all carry the prefix', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(sub);
    await appStarted(page);
    await markDocument(page);
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thủ tục hành chính' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(`${sub}thu-tuc-hanh-chinh/`);
    await expect(codes(page)).toHaveText(['9.000101', '9.000102', '9.000201']);
    await page.getByRole('list', { name: 'Lĩnh vực' }).getByRole('link', { name: /^Tiêu chuẩn/ }).click();
    await expect(page).toHaveURL(`${sub}thu-tuc-hanh-chinh/linh-vuc/tieu-chuan-do-luong-chat-luong/`);
    await page.getByRole('link', { name: 'Thủ tục mẫu: tiếp nhận bản công bố hợp chuẩn' }).click();
    await expect(page).toHaveURL(`${sub}thu-tuc-hanh-chinh/cong-bo-hop-chuan-mau/`);
    await expect(page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Thủ tục hành chính' })).toHaveAttribute('href', '/tin-tuc/thu-tuc-hanh-chinh/');
    await expect(page.locator('.document__facts a')).toHaveAttribute('href', '/tin-tuc/thu-tuc-hanh-chinh/linh-vuc/tieu-chuan-do-luong-chat-luong/');
    expect(await isSameDocument(page)).toBe(true);
    await page.goto(`${sub}tim-kiem/?q=9.000101`);
    await appStarted(page);
    await page.locator('.result__link').first().click();
    await expect(page).toHaveURL(`${sub}thu-tuc-hanh-chinh/dang-ky-ket-qua-nhiem-vu-mau/`);
    await expect(page.getByRole('link', { name: /^Nộp hồ sơ trực tuyến/ })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('without JavaScript the filter and the procedure open under the prefix', async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sub}thu-tuc-hanh-chinh/`);
    await page.getByRole('list', { name: 'Lĩnh vực' }).getByRole('link', { name: /^Hoạt động/ }).click();
    await expect(page).toHaveURL(`${sub}thu-tuc-hanh-chinh/linh-vuc/hoat-dong-khoa-hoc-va-cong-nghe/`);
    await expect(codes(page)).toHaveText(['9.000101', '9.000102']);
    await context.close();
    const sitemap = await (await request.get(`${sub}sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>https://sokhcn.cantho.gov.vn/tin-tuc/thu-tuc-hanh-chinh/dang-ky-ket-qua-nhiem-vu-mau/</loc>');
  });
});
