// Science and technology tasks (the law on access to information, Art. 19; Decree 224/2026 Art.
// 9.1.d), from the portal fixture's nhiem-vu/: five sample tasks in three fields, started from
// 2022 to 2025, three accepted, two in progress.
import { expect, test } from './fixtures';
import { SITES } from '../sites';
import { appStarted, axeViolationsInBothThemes, isSameDocument, markDocument, watchForErrors } from './helpers';

const portal = SITES.portal.url;
const list = `${portal}nhiem-vu/`;
const accepted = `${list}trang-thai/da-nghiem-thu/`;
const combined = `${accepted}linh-vuc/khoa-hoc-nong-nghiep/nam/2023/`;
const rice = `${list}giong-lua-chiu-man-mau/`;
const RICE = 'Đề tài mẫu: chọn tạo giống lúa chịu mặn';
const HEADING = 'Nhiệm vụ khoa học và công nghệ';
const ALL_CODES = ['ĐA.2025.01', 'ĐT.2024.02', 'DA.2023.03', 'ĐT.2023.01', 'CT.2022.01'];
type Page = import('./fixtures').Page;
const codes = (page: Page) => page.locator('.document-card__number');
const choices = (page: Page, name: string) => page.getByRole('list', { name }).getByRole('link');
const current = (page: Page, name: string) => page.getByRole('list', { name }).locator('[aria-current="page"]');

for (const width of [360, 1280]) {
  test(`the tasks are listed newest first and filtered by status, field and year, alone and combined, within the app, at ${width} px`, async ({ page }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(portal);
    await appStarted(page);
    await markDocument(page);
    // On a phone the menu is one line that scrolls: the link is there, maybe out of view.
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Nhiệm vụ KH&CN' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(list);
    await expect(page.locator('h1')).toHaveText(HEADING);
    await expect(page.locator('.documents__total')).toHaveText('5 nhiệm vụ');
    await expect(codes(page)).toHaveText(ALL_CODES);
    await expect(page.locator('.document-card__facts').first()).toHaveText('ĐA.2025.01 · Đề án · 02/2025 – 12/2026 · Đang thực hiện');
    await expect(choices(page, 'Tình trạng')).toHaveText(['Tất cả', 'Đang thực hiện', 'Đã nghiệm thu']);
    await expect(choices(page, 'Lĩnh vực')).toHaveText(['Tất cả', 'Khoa học kỹ thuật và công nghệ', 'Khoa học nông nghiệp', 'Khoa học xã hội']);
    await expect(choices(page, 'Năm bắt đầu')).toHaveText(['Tất cả', '2025', '2024', '2023', '2022']);

    // Status alone: only the years and fields that still find tasks are offered.
    await choices(page, 'Tình trạng').getByText('Đã nghiệm thu').click();
    await expect(page).toHaveURL(accepted);
    await expect(page.locator('h1')).toHaveText(`${HEADING} – Đã nghiệm thu`);
    await expect(codes(page)).toHaveText(['DA.2023.03', 'ĐT.2023.01', 'CT.2022.01']);
    await expect(choices(page, 'Năm bắt đầu')).toHaveText(['Tất cả', '2023', '2022']);
    await expect(current(page, 'Tình trạng')).toHaveText('Đã nghiệm thu');

    // Then a field, then a year: the three combined.
    await choices(page, 'Lĩnh vực').getByText('Khoa học nông nghiệp').click();
    await expect(page).toHaveURL(`${accepted}linh-vuc/khoa-hoc-nong-nghiep/`);
    await expect(codes(page)).toHaveText(['ĐT.2023.01']);
    await choices(page, 'Năm bắt đầu').getByText('2023').click();
    await expect(page).toHaveURL(combined);
    await expect(page.locator('h1')).toHaveText(`${HEADING} – Đã nghiệm thu – Khoa học nông nghiệp – Năm 2023`);
    await expect(codes(page)).toHaveText(['ĐT.2023.01']);
    await expect(current(page, 'Lĩnh vực')).toHaveText('Khoa học nông nghiệp');
    await expect(current(page, 'Năm bắt đầu')).toHaveText('2023');

    // Dropping one filter keeps the other two; dropping another leaves the year alone.
    await choices(page, 'Tình trạng').getByText('Tất cả').click();
    await expect(page).toHaveURL(`${list}linh-vuc/khoa-hoc-nong-nghiep/nam/2023/`);
    await choices(page, 'Lĩnh vực').getByText('Tất cả').click();
    await expect(page).toHaveURL(`${list}nam/2023/`);
    await expect(page.locator('h1')).toHaveText(`${HEADING} – Năm 2023`);
    await expect(codes(page)).toHaveText(['DA.2023.03', 'ĐT.2023.01']);
    // A field alone.
    await choices(page, 'Năm bắt đầu').getByText('Tất cả').click();
    await choices(page, 'Lĩnh vực').getByText('Khoa học kỹ thuật và công nghệ').click();
    await expect(page).toHaveURL(`${list}linh-vuc/khoa-hoc-ky-thuat-va-cong-nghe/`);
    await expect(codes(page)).toHaveText(['ĐA.2025.01', 'DA.2023.03']);

    expect(await isSameDocument(page)).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test(`an accepted task shows its facts, its aims and its results with their downloads, at ${width} px`, async ({ page, request }) => {
    const errors = watchForErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(combined);
    await appStarted(page);
    await page.getByRole('link', { name: RICE }).click();
    await expect(page).toHaveURL(rice);
    await expect(page.locator('h1')).toHaveText(RICE);
    const facts = await page.locator('.document__facts').evaluate((dl) =>
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual([
      ['Mã số', 'ĐT.2023.01'],
      ['Loại nhiệm vụ', 'Đề tài'],
      ['Cấp quản lý', 'Cấp thành phố'],
      ['Lĩnh vực', 'Khoa học nông nghiệp'],
      ['Tổ chức chủ trì', 'Viện Nghiên cứu Mẫu A'],
      ['Chủ nhiệm', 'TS. Nguyễn Văn Mẫu'],
      ['Thời gian thực hiện', '01/2023 – 06/2024'],
      ['Kinh phí', '1.250.000.000 đồng'],
      ['Tình trạng', 'Đã nghiệm thu'],
      ['Ngày nghiệm thu', '20/09/2024'],
    ]);
    await expect(page.locator('.article__heading')).toHaveText(['Mục tiêu và nội dung', 'Kết quả']);
    const report = page.locator('.download__link');
    await expect(report).toHaveText('Báo cáo tổng hợp kết quả (tệp mẫu) (PDF, 255 byte)');
    const download = await request.get(new URL((await report.getAttribute('href'))!, page.url()).href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await expect(page).toHaveTitle(`${RICE} – Sở KH&CN TP. Cần Thơ`);
    // The field links to its filter.
    await page.locator('.document__facts a').click();
    await expect(page).toHaveURL(`${list}linh-vuc/khoa-hoc-nong-nghiep/`);
    await expect(codes(page)).toHaveText(['ĐT.2024.02', 'ĐT.2023.01']);
    expect(errors).toEqual([]);
  });
}

test('a task in progress has its aims and no results', async ({ page }) => {
  await page.goto(`${list}phan-bon-huu-co-mau/`);
  await appStarted(page);
  await expect(page.locator('h1')).toHaveText('Đề tài mẫu: phân bón hữu cơ từ phụ phẩm nông nghiệp');
  await expect(page.locator('.article__heading')).toHaveText(['Mục tiêu và nội dung']);
  await expect(page.getByText('Ngày nghiệm thu')).toHaveCount(0);
});

test('the tasks have no axe violations, in both themes', async ({ page }) => {
  expect(await axeViolationsInBothThemes(page, [list, combined, rice])).toEqual([]);
});

test('without JavaScript the filters, combined, and an accepted task with its download are all there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(list);
  await expect(codes(page)).toHaveText(ALL_CODES);
  await choices(page, 'Tình trạng').getByText('Đã nghiệm thu').click();
  await expect(page).toHaveURL(accepted);
  await choices(page, 'Lĩnh vực').getByText('Khoa học nông nghiệp').click();
  await choices(page, 'Năm bắt đầu').getByText('2023').click();
  await expect(page).toHaveURL(combined);
  await expect(codes(page)).toHaveText(['ĐT.2023.01']);
  await page.getByRole('link', { name: RICE }).click();
  await expect(page.locator('.download__link')).toHaveText('Báo cáo tổng hợp kết quả (tệp mẫu) (PDF, 255 byte)');
  await context.close();
});

test('the search finds a task by its code first and by its lead, and says it is a task', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(`${portal}tim-kiem/?q=${encodeURIComponent('ĐT.2023.01')}`);
  await appStarted(page);
  const first = page.locator('.result').first();
  await expect(first.locator('.result__link')).toHaveText(`ĐT.2023.01: ${RICE}`);
  await expect(first.locator('.result__category')).toHaveText('Nhiệm vụ · Đề tài');
  await expect(first.locator('time')).toHaveCount(0);
  // By the lead's name, without diacritics.
  await page.goto(`${portal}tim-kiem/?q=tran+thi+thu`);
  await appStarted(page);
  const fertiliser = 'Đề tài mẫu: phân bón hữu cơ từ phụ phẩm nông nghiệp';
  await expect(page.locator('.result__link').first()).toHaveText(`ĐT.2024.02: ${fertiliser}`);
  await page.locator('.result__link').first().click();
  await expect(page).toHaveURL(`${list}phan-bon-huu-co-mau/`);
  await expect(page.locator('h1')).toHaveText(fertiliser);
  // By the organisation in charge.
  await page.goto(`${portal}tim-kiem/?q=cong+ty+mau+c`);
  await appStarted(page);
  await expect(page.locator('.result__link').first()).toHaveText('DA.2023.03: Dự án mẫu: trạm cảm biến chất lượng nước');
  expect(errors).toEqual([]);
});

test('the sitemap lists the tasks and their filters', async ({ request }) => {
  const sitemap = await (await request.get(`${portal}sitemap.xml`)).text();
  for (const path of ['nhiem-vu/', 'nhiem-vu/trang-thai/da-nghiem-thu/linh-vuc/khoa-hoc-nong-nghiep/nam/2023/', 'nhiem-vu/giong-lua-chiu-man-mau/']) {
    expect(sitemap).toContain(`<loc>https://sokhcn.cantho.gov.vn/${path}</loc>`);
  }
});

test('an address that is no filter of the tasks is not found', async ({ page }) => {
  for (const wrong of ['nam/2023/trang-thai/da-nghiem-thu/', 'trang-thai/xong/', 'nam/1999/']) {
    await page.goto(`${list}${wrong}`);
    await appStarted(page);
    await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
  }
});

test.describe('under --public-url', () => {
  const sub = SITES.portalSubPath.url; // the portal, built with --public-url /tin-tuc/

  test('the tasks, their filters, a task and the search all carry the prefix', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(sub);
    await appStarted(page);
    await markDocument(page);
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Nhiệm vụ KH&CN' }).evaluate((a: HTMLElement) => a.click());
    await expect(page).toHaveURL(`${sub}nhiem-vu/`);
    await choices(page, 'Tình trạng').getByText('Đã nghiệm thu').click();
    await choices(page, 'Năm bắt đầu').getByText('2023').click();
    await expect(page).toHaveURL(`${sub}nhiem-vu/trang-thai/da-nghiem-thu/nam/2023/`);
    await expect(codes(page)).toHaveText(['DA.2023.03', 'ĐT.2023.01']);
    await page.getByRole('link', { name: RICE }).click();
    await expect(page).toHaveURL(`${sub}nhiem-vu/giong-lua-chiu-man-mau/`);
    await expect(page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Nhiệm vụ KH&CN' })).toHaveAttribute('href', '/tin-tuc/nhiem-vu/');
    await expect(page.locator('.document__facts a')).toHaveAttribute('href', '/tin-tuc/nhiem-vu/linh-vuc/khoa-hoc-nong-nghiep/');
    await expect(page.locator('.download__link')).toHaveAttribute('href', /^\/tin-tuc\/content\/files\/bao-cao-nhiem-vu-mau/);
    expect(await isSameDocument(page)).toBe(true);
    await page.goto(`${sub}tim-kiem/?q=${encodeURIComponent('DA.2023.03')}`);
    await appStarted(page);
    await page.locator('.result__link').first().click();
    await expect(page).toHaveURL(`${sub}nhiem-vu/cam-bien-chat-luong-nuoc-mau/`);
    expect(errors).toEqual([]);
  });

  test('without JavaScript the combined filter opens under the prefix', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sub}nhiem-vu/`);
    await choices(page, 'Lĩnh vực').getByText('Khoa học nông nghiệp').click();
    await choices(page, 'Tình trạng').getByText('Đang thực hiện').click();
    await expect(page).toHaveURL(`${sub}nhiem-vu/trang-thai/dang-thuc-hien/linh-vuc/khoa-hoc-nong-nghiep/`);
    await expect(codes(page)).toHaveText(['ĐT.2024.02']);
    await context.close();
  });
});
