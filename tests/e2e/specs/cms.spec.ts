// The editors' screen, through the real Decap CMS (dist/quan-tri/ of the seed's release build)
// and its real local proxy, decap-server, writing into a temporary copy of the bundle. An
// editor writes an article with a photo and publishes it; the bundle tool accepts it; the built
// site shows it. The seed article survives a save. The preview shows what the site shows.
import { expect, Page, test } from './fixtures';
import type { Request } from '@playwright/test';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEED_CAPTIONS, SEED_SLUG, SITES } from '../sites';
import { nextFrames } from './helpers';

test.describe.configure({ mode: 'serial' });
// An editor's computer in Vietnamese, set to another time zone than Vietnam's.
test.use({ locale: 'vi-VN', timezoneId: 'America/Los_Angeles' });

const repo = path.resolve(__dirname, '../../..');
const work = path.join(repo, 'target/e2e-cms');
const checkout = path.join(work, 'checkout');
const content = path.join(checkout, 'public/content');
const ADMIN = `${SITES.cms.url}quan-tri/`;
// Where Decap looks for its proxy (config.yml's local_backend, as `.ci/serve` starts it).
const PROXY = 'http://127.0.0.1:8081/api/v1';
const BUILT_PORT = 4312;
// The screenshots of docs/editors-guide.md: `CMS_SCREENSHOTS=$PWD/tests/e2e/screenshots .ci/test specs/cms.spec.ts`.
const screenshots = process.env.CMS_SCREENSHOTS;

let proxy: ChildProcess | undefined;
let built: ChildProcess | undefined;

/** Starts decap-server, the screen's local proxy, on a copy of `bundle` in `checkout`. */
async function startProxy(bundle: string, checkout: string) {
  proxy?.kill();
  const copy = path.join(checkout, 'public/content');
  fs.rmSync(checkout, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.cpSync(bundle, copy, { recursive: true });
  proxy = spawn('node', [path.join(repo, 'target/cms/node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, BIND_HOST: '127.0.0.1', PORT: '8081', MODE: 'fs', GIT_REPO_DIRECTORY: checkout },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await fetch(PROXY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' }).catch(() => null))?.status ?? 0, {
      timeout: 15_000,
    })
    .toBe(200);
}

test.beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  await startProxy(path.join(repo, 'public/content'), checkout);
});

test.afterAll(() => {
  proxy?.kill();
  built?.kill();
});

/** Every request the page makes that goes neither to the site nor to the local proxy. */
function watchOutside(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['blob:', 'data:'].includes(url.protocol)) return;
    if (url.origin !== new URL(SITES.cms.url).origin && url.origin !== new URL(PROXY).origin) outside.push(request.url());
  });
  return outside;
}

async function signIn(page: Page, screen = ADMIN) {
  await page.goto(screen);
  // The local proxy's sign-in is a single button; on GitHub, GitLab or Gitea it is the host's.
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bài viết' }).first()).toBeVisible();
}

/** Decap shows no edit to a field while it is loading any photo of the entry: its widgets skip
 * rendering meanwhile, and React puts the field's old text back (what is typed then is lost). It
 * loads each photo through the proxy (`getMediaFile`), as it opens an entry and again after its
 * title changes. Call this before the entry opens; the function it returns resolves once the
 * screen has asked for `count` photos, every photo asked for has arrived, and two frames have
 * passed (Decap takes each answer in a task of its own, then renders). */
function watchPhotoLoads(page: Page): (count: number) => Promise<void> {
  const loads: Request[] = [];
  const watch = (request: Request) => {
    if (request.url() === PROXY && request.postData()?.includes('"action":"getMediaFile"')) loads.push(request);
  };
  page.on('request', watch);
  return async (count) => {
    await expect.poll(() => loads.length, `${count} photos asked for`).toBeGreaterThanOrEqual(count);
    await Promise.all(loads.map(async (request) => (await request.response())?.finished()));
    page.off('request', watch);
    await nextFrames(page);
  };
}

/** The photos of an article or page: Decap loads each of them once as it opens it. */
const photoCount = (entry: { body?: { image?: string }[] }) => new Set((entry.body ?? []).map((b) => b.image).filter(Boolean)).size;

async function publishNow(page: Page) {
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
  await expect(page.getByText('Thay đổi đã được lưu', { exact: false })).toBeVisible();
}

const NEW_TITLE = 'Hội thảo chuyển đổi số năm 2026';
// Articles are listed a year at a time; a new one is written in this year's (Vietnam's time).
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const NEW_FILE = path.join(content, `articles/${THIS_YEAR}/hoi-thao-chuyen-doi-so-nam-2026.json`);
const PARAGRAPHS = [
  'Sáng 15/3/2026, Sở Khoa học và Công nghệ TP. Cần Thơ tổ chức hội thảo chuyển đổi số.',
  'Các đại biểu trao đổi về giải pháp số hoá\nở cơ sở.',
];
const CAPTION = 'Quang cảnh hội thảo';

test('the screen is in Vietnamese, is not indexed, and loads nothing from outside the site', async ({ page }) => {
  const outside = watchOutside(page);
  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);
  // Every string of Decap's English locale has its Vietnamese: none falls back to English.
  const untranslated = await page.evaluate(() => {
    const cms = (window as any).CMS;
    const flat = (o: any, prefix = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
    const vi = new Map(flat(cms.getLocale('vi')));
    // Strings that are only a placeholder, a symbol or a name read the same in both.
    const same = /^%\{\w+\}$|^Markdown$/;
    return flat(cms.getLocale('en'))
      .filter(([key, english]) => !vi.has(key) || (vi.get(key) === english && !same.test(english)))
      .map(([key]) => key);
  });
  expect(untranslated).toEqual([]);
  const list = await page.locator('body').innerText();
  for (const words of ['Bài viết', 'Sắp xếp theo', 'Bộ sưu tập', 'Viết bài viết mới']) expect(list).toContain(words);
  expect(outside).toEqual([]);
});

test('an editor writes an article with a photo, publishes it, and the built site shows it', async ({ page }) => {
  test.setTimeout(240_000);
  const outside = watchOutside(page);
  await signIn(page);
  await page.getByRole('link', { name: /bài viết/ }).first().click();
  await page.goto(`${ADMIN}#/collections/articles-${THIS_YEAR}/new`);

  await page.getByLabel('Tiêu đề', { exact: true }).fill(NEW_TITLE);
  // What the editor types is Vietnam's time, whatever the computer's zone.
  await page.getByLabel('Thời gian đăng', { exact: true }).fill('2026-03-15T09:30');
  await page.getByLabel('Chuyên mục', { exact: true }).click();
  await page.getByText('Khoa học – Công nghệ', { exact: true }).click();
  const add = async (type: string) => {
    await page.getByRole('button', { name: 'Thêm khối' }).click();
    await page.getByRole('menuitem', { name: type, exact: true }).click();
  };
  await add('Đoạn văn');
  await add('Đoạn văn');
  await add('Ảnh');
  const paragraphs = page.getByLabel('Đoạn văn', { exact: true });
  await paragraphs.nth(0).fill(PARAGRAPHS[0]);
  await paragraphs.nth(1).fill(PARAGRAPHS[1]);
  await page.getByRole('button', { name: 'Chọn một hình' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'Ảnh Hội thảo.JPG',
    mimeType: 'image/jpeg',
    buffer: fs.readFileSync(path.join(repo, 'tests/fixtures/cms/hoi-thao.jpg')),
  });
  await expect(page.getByText('anh-hoi-thao.jpg')).toBeVisible();
  await page.getByRole('button', { name: 'Dùng mục đã chọn' }).click();
  await page.getByLabel('Chú thích', { exact: true }).fill(CAPTION);
  if (screenshots) {
    await expect(page.getByRole('button', { name: 'Dùng mục đã chọn' })).toBeHidden();
    await page.getByLabel('Tiêu đề', { exact: true }).focus();
    await page.screenshot({ path: path.join(screenshots, 'quan-tri-bai-viet.png'), animations: 'disabled' });
  }
  await publishNow(page);
  expect(outside).toEqual([]);
  if (screenshots) {
    await page.getByRole('link', { name: /Đang viết trong bộ sưu tập/ }).click();
    await expect(page.getByText(NEW_TITLE)).toBeVisible();
    await expect(page.getByText('Mục đã được lưu')).toBeHidden({ timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshots, 'quan-tri-danh-sach.png'), animations: 'disabled' });
  }

  // The file has the name of its title in lowercase ASCII, its photo a folder of the same name.
  await expect.poll(() => fs.existsSync(NEW_FILE)).toBe(true);
  const saved = JSON.parse(fs.readFileSync(NEW_FILE, 'utf8'));
  expect(saved).toMatchObject({
    title: NEW_TITLE,
    published_at: '2026-03-15T09:30:00+07:00',
    category: 'khoa-hoc-cong-nghe',
    body: [
      { type: 'paragraph', text: PARAGRAPHS[0] },
      { type: 'paragraph', text: PARAGRAPHS[1] },
      { type: 'figure', image: 'images/hoi-thao-chuyen-doi-so-nam-2026/anh-hoi-thao.jpg', caption: CAPTION },
    ],
  });
  expect(fs.existsSync(path.join(content, saved.body[2].image))).toBe(true);

  const check = spawnSync(path.join(repo, 'target/tool/site-build'), ['check', '--content', content], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);

  const dist = path.join(work, 'dist');
  const build = spawnSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: repo,
    env: { ...process.env, SITE_CONTENT_DIR: content, NO_COLOR: 'true' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  built = spawn('node', [path.join(__dirname, '../static-server.mjs'), '--root', dist, '--port', String(BUILT_PORT)], { stdio: 'ignore' });
  const articleUrl = `http://127.0.0.1:${BUILT_PORT}/bai-viet/hoi-thao-chuyen-doi-so-nam-2026/`;
  await expect.poll(async () => (await fetch(articleUrl).catch(() => null))?.status ?? 0).toBe(200);
  await page.goto(articleUrl);
  await expect(page.locator('h1')).toHaveText(NEW_TITLE);
  await expect(page.locator('.article__meta time')).toHaveText('15/03/2026 09:30');
  await expect(page.locator('.article__meta time')).toHaveAttribute('datetime', '2026-03-15T09:30:00+07:00');
  const shown = page.locator('.article__body > p');
  await expect(shown).toHaveCount(2);
  expect(await shown.allTextContents()).toEqual(PARAGRAPHS);
  await expect(page.locator('.figure__caption')).toHaveText(CAPTION);
  const photo = page.locator('.figure__image');
  await expect(photo).toHaveAttribute('alt', CAPTION);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('the seed article, saved through the screen, keeps every text exactly', async ({ page }) => {
  const file = path.join(content, `articles/2023/${SEED_SLUG}.json`);
  const before = JSON.parse(fs.readFileSync(path.join(repo, 'public/content/articles/2023', `${SEED_SLUG}.json`), 'utf8'));
  await signIn(page);
  let photosLoaded = watchPhotoLoads(page);
  await page.goto(`${ADMIN}#/collections/articles-2023/entries/${SEED_SLUG}`);
  // Decap saves only a changed article: change the title and save, then put it back and save.
  const title = page.getByLabel('Tiêu đề', { exact: true });
  await expect(title).toHaveValue(before.title);
  // The form shows the file's values before Decap has loaded the article's photos; an edit made
  // meanwhile is lost (seen here when typing at machine speed).
  await photosLoaded(photoCount(before));
  await title.fill(`${before.title} (sửa)`);
  await expect(title).toHaveValue(`${before.title} (sửa)`);
  await publishNow(page);
  await expect.poll(() => JSON.parse(fs.readFileSync(file, 'utf8')).title).toBe(`${before.title} (sửa)`);
  // Afresh, as the next time the editor opens it.
  photosLoaded = watchPhotoLoads(page);
  await page.reload();
  await expect(title).toHaveValue(`${before.title} (sửa)`);
  await photosLoaded(photoCount(before));
  await title.fill(before.title);
  await expect(title).toHaveValue(before.title);
  await publishNow(page);
  await expect.poll(() => JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(before);
  // The publisher's no-break spaces and typos are all still there.
  const after = JSON.parse(fs.readFileSync(file, 'utf8'));
  const captions = after.body.filter((b: any) => b.type === 'figure').map((b: any) => b.caption);
  expect(captions).toEqual(SEED_CAPTIONS);
  expect(after.title).toContain('CầnThơ');
  expect(after.body[0].text).toContain('11/8/20203');
});

test('the preview shows the texts of the article page in the same order, and its photos', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/articles-2023/entries/${SEED_SLUG}`);
  const preview = page.frameLocator('iframe').first();
  const selector = '.article__title, .article__meta time, .article__body > p, .article__body > h2, .figure__caption, .article__signature';
  await expect(preview.locator('.article__title')).toBeVisible();
  const inPreview = await preview.locator(selector).allTextContents();

  const sitePage = await page.context().newPage();
  await sitePage.goto(`${SITES.seed.url}bai-viet/${SEED_SLUG}/`);
  const onSite = await sitePage.locator(`article.article :is(${selector})`).allTextContents();
  expect(inPreview.length).toBeGreaterThan(5);
  expect(inPreview).toEqual(onSite);
  // With its photos, though Decap itself does not find those of an article written by hand.
  const photos = preview.locator('.figure__image');
  await expect(photos).toHaveCount(5);
  for (const photo of await photos.all()) {
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  // In the site's own styles: the preview carries the stylesheet site-build wrote from them.
  expect(await preview.locator('link[rel=stylesheet]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))).toContain(
    `${ADMIN}xem-truoc.css`,
  );
});

test('an article dated later shows in the preview as scheduled, and not before its time', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/articles-${THIS_YEAR}/new`);
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Bài hẹn giờ');
  const preview = page.frameLocator('iframe').first();
  const note = preview.getByRole('note');
  await page.getByLabel('Thời gian đăng', { exact: true }).fill('2099-01-01T08:00');
  await expect(note).toHaveText('Hẹn giờ đăng: bài này chưa có trên trang. Bài sẽ xuất hiện ở lần dựng đầu tiên sau 01/01/2099 08:00.');
  await page.getByLabel('Thời gian đăng', { exact: true }).fill('2026-03-15T09:30');
  await expect(preview.locator('.article__title')).toHaveText('Bài hẹn giờ');
  await expect(note).toHaveCount(0);
});

test('the department\'s pages are edited on the same screen, and survive a save', async ({ page }) => {
  const file = path.join(content, 'pages/lien-he.json');
  const before = JSON.parse(fs.readFileSync(path.join(repo, 'public/content/pages/lien-he.json'), 'utf8'));
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/pages`);
  await expect(page.getByText('Giới thiệu', { exact: true })).toBeVisible();
  let photosLoaded = watchPhotoLoads(page);
  await page.getByText('Liên hệ', { exact: true }).click();
  const title = page.getByLabel('Tiêu đề', { exact: true });
  await expect(title).toHaveValue('Liên hệ');
  // The preview shows the page's table as the site does.
  const preview = page.frameLocator('iframe').first();
  await expect(preview.locator('.article__title')).toHaveText('Liên hệ');
  await expect(preview.locator('.data-table tbody tr')).toHaveCount(5);
  await expect(preview.locator('.data-table caption')).toHaveText('Thông tin liên hệ');
  // Saved twice (Decap saves only a change): the table comes back exactly as it was. Typed once
  // the page is open, and Decap loads no photo: the page has none.
  await photosLoaded(photoCount(before));
  await title.fill('Liên hệ (sửa)');
  await expect(title).toHaveValue('Liên hệ (sửa)');
  await publishNow(page);
  await expect.poll(() => JSON.parse(fs.readFileSync(file, 'utf8')).title).toBe('Liên hệ (sửa)');
  photosLoaded = watchPhotoLoads(page);
  await page.reload();
  await expect(title).toHaveValue('Liên hệ (sửa)');
  await photosLoaded(photoCount(before));
  await title.fill('Liên hệ');
  await expect(title).toHaveValue('Liên hệ');
  await publishNow(page);
  await expect.poll(() => JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(before);
});

test('an editor files a document with its PDF, and the bundle tool accepts it', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/documents/new`);
  await page.getByLabel('Số/ký hiệu', { exact: true }).fill('12/2024/QĐ-UBND');
  await page.getByLabel('Loại văn bản', { exact: true }).fill('Quyết định');
  await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('Ủy ban nhân dân thành phố Cần Thơ');
  await page.getByLabel('Ngày ban hành', { exact: true }).fill('2024-03-15');
  await page.getByLabel('Trích yếu', { exact: true }).fill('Ban hành Quy định quản lý nhiệm vụ khoa học và công nghệ');
  await page.getByRole('button', { name: 'Thêm tệp' }).click();
  await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'Quyết định 12.pdf',
    mimeType: 'application/pdf',
    buffer: fs.readFileSync(path.join(repo, 'tests/fixtures/portal/files/qd-12-2024.pdf')),
  });
  await expect(page.getByText('quyet-dinh-12.pdf')).toBeVisible();
  await page.getByRole('button', { name: 'Dùng mục đã chọn' }).click();
  await publishNow(page);
  const file = path.join(content, 'van-ban/12-2024-qd-ubnd.json');
  await expect.poll(() => fs.existsSync(file)).toBe(true);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({
    number: '12/2024/QĐ-UBND',
    kind: 'Quyết định',
    issued_on: '2024-03-15',
    files: [{ file: 'files/quyet-dinh-12.pdf' }],
  });
  expect(fs.existsSync(path.join(content, 'files/quyet-dinh-12.pdf'))).toBe(true);
  const check = spawnSync(path.join(repo, 'target/tool/site-build'), ['check', '--content', content], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
});

test('an editor files a science and technology task, and the bundle tool accepts it', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/tasks/new`);
  await page.getByLabel('Mã số', { exact: true }).fill('ĐT.2026.01');
  await page.getByLabel('Tên nhiệm vụ', { exact: true }).fill('Nghiên cứu giống lúa chịu hạn');
  await page.getByLabel('Lĩnh vực', { exact: true }).fill('Khoa học nông nghiệp');
  await page.getByLabel('Tổ chức chủ trì', { exact: true }).fill('Viện Nghiên cứu A');
  await page.getByLabel('Chủ nhiệm', { exact: true }).fill('TS. Nguyễn Văn B');
  await page.getByLabel('Bắt đầu', { exact: true }).fill('2026-01');
  await page.getByLabel('Kết thúc', { exact: true }).fill('2027-12');
  await page.getByLabel('Kinh phí (đồng)').fill('1250000000');
  // The aims, as an article's blocks; the results stay empty while it is in progress.
  await page.getByRole('button', { name: 'Thêm khối' }).first().click();
  await page.getByRole('menuitem', { name: 'Đoạn văn', exact: true }).click();
  await page.getByLabel('Đoạn văn', { exact: true }).fill('Mục tiêu: chọn tạo giống lúa chịu hạn.');
  const preview = page.frameLocator('iframe').first();
  await expect(preview.locator('.article__heading')).toHaveText(['Mục tiêu và nội dung']);
  await publishNow(page);
  const file = path.join(content, 'nhiem-vu/nghien-cuu-giong-lua-chiu-han.json');
  await expect.poll(() => fs.existsSync(file)).toBe(true);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
    code: 'ĐT.2026.01',
    kind: 'Đề tài',
    level: 'Cấp thành phố',
    start: '2026-01',
    end: '2027-12',
    budget: 1250000000,
    status: 'dang-thuc-hien',
    summary: [{ type: 'paragraph', text: 'Mục tiêu: chọn tạo giống lúa chịu hạn.' }],
  });
  const check = spawnSync(path.join(repo, 'target/tool/site-build'), ['check', '--content', content], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout + check.stderr).toContain('Nhiệm vụ khoa học và công nghệ (Điều 9.1.d; Luật Tiếp cận thông tin, Điều 19): 1 nhiệm vụ');
});

test('the organisation is one entry per language, and what the screen saves for it passes the check', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ADMIN}#/collections/organisation`);
  await expect(page.getByText('Organisation (tiếng Anh)')).toBeVisible();
  await page.getByText('Cơ cấu tổ chức (tiếng Việt)').click();
  const addBlock = async (nth: number) => {
    await page.getByRole('button', { name: 'Thêm khối' }).nth(nth).click();
    await page.getByRole('menuitem', { name: 'Đoạn văn', exact: true }).click();
  };
  // The functions, one leader with their duties, and the history.
  await addBlock(0);
  await page.getByRole('button', { name: 'Thêm lãnh đạo' }).click();
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Đông Phương An');
  await page.getByLabel('Chức vụ', { exact: true }).fill('Phó Giám đốc');
  await addBlock(1);
  await addBlock(3);
  const paragraphs = page.getByLabel('Đoạn văn', { exact: true });
  await expect(paragraphs).toHaveCount(3);
  await paragraphs.nth(0).fill('Chức năng của Sở.');
  await paragraphs.nth(1).fill('Phụ trách lĩnh vực khoa học.');
  await paragraphs.nth(2).fill('Sở được thành lập năm 2004.');
  const preview = page.frameLocator('iframe').first();
  await expect(preview.locator('.article__title')).toHaveText('Cơ cấu tổ chức');
  await expect(preview.locator('.leader-card__name')).toHaveText('Trần Đông Phương An');
  await publishNow(page);
  const file = path.join(content, 'to-chuc.json');
  await expect.poll(() => fs.existsSync(file)).toBe(true);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
    functions: [{ type: 'paragraph', text: 'Chức năng của Sở.' }],
    leaders: [{ name: 'Trần Đông Phương An', position: 'Phó Giám đốc', duties: [{ type: 'paragraph', text: 'Phụ trách lĩnh vực khoa học.' }] }],
    history: [{ type: 'paragraph', text: 'Sở được thành lập năm 2004.' }],
  });
  const check = spawnSync(path.join(repo, 'target/tool/site-build'), ['check', '--content', content], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout + check.stderr).toContain('Cơ cấu tổ chức, chức năng, nhiệm vụ, lịch sử, lãnh đạo (Điều 9.1.b): chức năng, lịch sử, 1 lãnh đạo');
});

test('no public page links to the screen or loads its files, and robots.txt keeps crawlers out', async () => {
  const dist = path.join(repo, 'dist');
  const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter(
    (file) => !file.startsWith('quan-tri') && /\.(html|xml|json|txt|js|css|webmanifest)$/.test(file),
  );
  expect(files.length).toBeGreaterThan(10);
  const mentioning = files.filter((file) => fs.readFileSync(path.join(dist, file), 'utf8').includes('quan-tri'));
  expect(mentioning).toEqual(['robots.txt']);
  expect(fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/quan-tri\/$/m);
});

// An archive of three years × 20 articles (build-sites.sh, tests/tools/generate-bundle.mjs), built
// twice with a fixed clock: `archiveFlat` with every article directly in articles/, an hour
// before the time of a scheduled article (tests/fixtures/archive); `archive` after
// `site-build sort-by-year`, an hour after it. The build's clock says which year is this year:
// 2024.
test.describe('an archive of three years', () => {
  const bundle = path.join(repo, 'target/e2e-bundles/archive');
  const archiveCheckout = path.join(work, 'archive-checkout');
  const archiveContent = path.join(archiveCheckout, 'public/content');
  const SCREEN = `${SITES.archive.url}quan-tri/`;
  const SCHEDULED = { slug: 'hoi-nghi-tong-ket-nam-2024', title: 'Hội nghị tổng kết hoạt động khoa học và công nghệ năm 2024' };
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const articlesOf = (year: number) =>
    fs.readdirSync(path.join(bundle, 'articles', String(year))).map((file) => ({
      slug: file.replace(/\.json$/, ''),
      ...JSON.parse(fs.readFileSync(path.join(bundle, 'articles', String(year), file), 'utf8')),
    }));

  test.beforeAll(async () => {
    await startProxy(bundle, archiveCheckout);
  });

  test('the screen lists one collection per year, newest first, each with that year only', async ({ page }) => {
    await signIn(page, SCREEN);
    const years = page.getByRole('link', { name: /^Bài viết \d{4}$/ });
    await expect(years).toHaveText(['Bài viết 2024', 'Bài viết 2023', 'Bài viết 2022']);
    // Not yet sorted by year, the same archive is one list of its own.
    const flatConfig = await (await fetch(`${SITES.archiveFlat.url}quan-tri/config.yml`)).text();
    expect(flatConfig).toContain('Bài viết chưa xếp theo năm');
    expect(await (await fetch(`${SCREEN}config.yml`)).text()).not.toContain('Bài viết chưa xếp theo năm');

    await years.filter({ hasText: '2023' }).click();
    const cards = page.locator('a[href*="#/collections/articles-2023/entries/"]');
    await expect(cards).toHaveCount(20);
    await expect(page.locator('a[href*="#/collections/articles-2022/entries/"]')).toHaveCount(0);
    // Newest first.
    const newest = articlesOf(2023).sort((a, b) => b.published_at.localeCompare(a.published_at))[0];
    await expect(cards.first()).toContainText(newest.title);
  });

  test('a new article is saved in this year\'s folder', async ({ page }) => {
    await signIn(page, SCREEN);
    await page.goto(`${SCREEN}#/collections/articles-2024/new`);
    const title = 'Tập huấn sở hữu trí tuệ cho doanh nghiệp';
    await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await page.getByLabel('Thời gian đăng', { exact: true }).fill('2024-12-18T14:00');
    await page.getByLabel('Chuyên mục', { exact: true }).click();
    await page.getByText('Khoa học – Công nghệ', { exact: true }).click();
    await page.getByRole('button', { name: 'Thêm khối' }).click();
    await page.getByRole('menuitem', { name: 'Đoạn văn', exact: true }).click();
    await page.getByLabel('Đoạn văn', { exact: true }).fill('Chiều 18/12/2024, Sở tổ chức lớp tập huấn.');
    await publishNow(page);
    const saved = path.join(archiveContent, 'articles/2024/tap-huan-so-huu-tri-tue-cho-doanh-nghiep.json');
    await expect.poll(() => fs.existsSync(saved)).toBe(true);
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toMatchObject({ title, published_at: '2024-12-18T14:00:00+07:00' });
  });

  test('"Tìm bài viết" finds an article typed without diacritics and opens it on the screen', async ({ page }) => {
    const wanted = articlesOf(2023)[7];
    // Two words of its title, typed without diacritics: one that has them, and its number.
    const word = wanted.title.split(' ').find((w: string) => fold(w) !== w.toLowerCase());
    const number = /\(tin (\d+)\)/.exec(wanted.title)![1];
    const query = `${fold(word)} ${number}`;
    expect(query).not.toEqual(`${word.toLowerCase()} ${number}`);

    await signIn(page, SCREEN);
    await page.getByRole('link', { name: 'Tìm bài viết', exact: true }).click();
    // The finder opens over the screen, the keyboard in its search box.
    const dialog = page.getByRole('dialog', { name: 'Tìm bài viết' });
    await expect(dialog).toBeVisible();
    const finder = page.frameLocator('.finder iframe');
    await expect(finder.getByRole('heading', { level: 1 })).toHaveText('Tìm bài viết');
    // Only the finder: not the public site's header and footer, which lead away from it.
    await expect(finder.locator('.site-header')).toBeHidden();
    await expect(finder.locator('.site-footer')).toBeHidden();
    // What the editor types goes into its search box, without a click there.
    await expect(finder.getByLabel('Từ khóa')).toBeVisible();
    await expect(finder.getByLabel('Từ khóa')).toBeFocused();
    await page.keyboard.type(query);
    await expect(finder.getByLabel('Từ khóa')).toHaveValue(query);
    await finder.getByRole('button', { name: 'Tìm bài viết' }).click();
    await expect(finder.locator('.search__count')).toContainText(`cho “${query}”`);
    const first = finder.locator('.result__link').first();
    await expect(first).toHaveText(wanted.title);
    await expect(first).toHaveAttribute('href', `/quan-tri/#/collections/articles-2023/entries/${wanted.slug}`);
    // The screen already running opens the article: the page is not loaded again.
    await page.evaluate(() => ((window as unknown as { sameScreen: boolean }).sameScreen = true));
    await first.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(wanted.title);
    expect(new URL(page.url()).hash).toBe(`#/collections/articles-2023/entries/${wanted.slug}`);
    expect(await page.evaluate(() => (window as unknown as { sameScreen?: boolean }).sameScreen)).toBe(true);
    // "Đóng" puts the screen back as it was.
    await page.getByRole('link', { name: 'Tìm bài viết', exact: true }).click();
    await expect(finder.locator('.result__link').first()).toHaveText(wanted.title);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(wanted.title);
    // And so does Esc, pressed where the focus is: in the finder's box.
    await page.getByRole('link', { name: 'Tìm bài viết', exact: true }).click();
    await expect(finder.getByLabel('Từ khóa')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // Choosing the article already open (the address does not change) closes it too.
    await page.getByRole('link', { name: 'Tìm bài viết', exact: true }).click();
    await finder.locator('.result__link').first().click();
    await expect(dialog).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { sameScreen?: boolean }).sameScreen)).toBe(true);
  });

  test('the finder at its own address opens a result on the screen too', async ({ page }) => {
    const wanted = articlesOf(2022)[3];
    await signIn(page, SCREEN);
    await page.goto(`${SCREEN}tim-bai-viet/`);
    await page.getByLabel('Từ khóa').fill(fold(wanted.title));
    await page.getByRole('button', { name: 'Tìm bài viết' }).click();
    await page.locator('.result__link', { hasText: wanted.title }).first().click();
    await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(wanted.title);
    expect(new URL(page.url()).hash).toBe(`#/collections/articles-2022/entries/${wanted.slug}`);
  });

  test('the guide is a click away from the screen', async ({ page }) => {
    await signIn(page, SCREEN);
    await page.getByRole('link', { name: 'Hướng dẫn', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hướng dẫn biên tập');
    const shots = page.locator('img');
    await expect(shots).not.toHaveCount(0);
    for (const shot of await shots.all()) {
      await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    }
    // Back to the screen, still signed in.
    await page.getByRole('link', { name: 'Màn hình biên tập' }).click();
    await expect(page.getByRole('link', { name: 'Bài viết 2024' })).toBeVisible();
  });

  test('sorting the archive into year folders keeps every article\'s address', async ({ request }) => {
    const sitemap = await (await request.get(`${SITES.archiveFlat.url}sitemap.xml`)).text();
    const articles = [...sitemap.matchAll(/<loc>[^<]*?(\/bai-viet\/[^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(articles).toHaveLength(60);
    const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
    for (const address of articles) {
      const before = await request.get(new URL(address, SITES.archiveFlat.url).href);
      const after = await request.get(new URL(address, SITES.archive.url).href);
      expect(after.status(), address).toBe(200);
      expect(titleOf(await after.text()), address).toBe(titleOf(await before.text()));
    }
  });

  test('a scheduled article is nowhere before its time, and everywhere after it', async ({ page, request }) => {
    const address = `bai-viet/${SCHEDULED.slug}/`;
    // Built at 07:00: no page, and no listing, feed, sitemap or search index names it.
    expect((await request.get(`${SITES.archiveFlat.url}${address}`)).status()).toBe(404);
    for (const file of ['', 'feed.xml', 'sitemap.xml', 'data/trang/1.json', 'data/tim-kiem/bai/0.json']) {
      expect(await (await request.get(`${SITES.archiveFlat.url}${file}`)).text(), file).not.toContain(SCHEDULED.slug);
    }
    await page.goto(`${SITES.archiveFlat.url}tim-kiem/?q=${encodeURIComponent('hoi nghi tong ket')}`);
    await expect(page.locator('.search__none')).toContainText('Không tìm thấy bài viết nào');
    await expect(page.getByText(SCHEDULED.title)).toHaveCount(0);

    // Built at 09:00: the newest article of all, on its page, the home page, the feed and search.
    await page.goto(`${SITES.archive.url}${address}`);
    await expect(page.locator('h1')).toHaveText(SCHEDULED.title);
    await page.goto(SITES.archive.url);
    await expect(page.locator('.card__title').first()).toHaveText(SCHEDULED.title);
    expect(await (await request.get(`${SITES.archive.url}feed.xml`)).text()).toContain(SCHEDULED.slug);
    await page.goto(`${SITES.archive.url}tim-kiem/?q=${encodeURIComponent('hoi nghi tong ket')}`);
    await expect(page.locator('.result__link').first()).toHaveText(SCHEDULED.title);
  });
});
