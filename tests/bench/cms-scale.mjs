// See cms-scale. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const count = Number(process.argv[2] || 25000);
const work = path.join(repo, `target/bench/cms-${count}`);
const checkout = path.join(work, 'checkout');
const content = path.join(checkout, 'public/content');
const dist = path.join(work, 'dist');
const port = 4391;
const PROXY = 'http://127.0.0.1:8081/api/v1';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

console.log(`Editing screen at scale: ${count} generated articles (${new Date().toISOString()})`);
fs.rmSync(checkout, { recursive: true, force: true });
// Spread evenly over the eleven years to this one (Vietnam's), as the department's archive is by
// December: this year's list, the first the screen shows, is as long as any other year's.
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
run('node', ['tests/tools/generate-bundle.mjs', String(count), content, '--years', `${thisYear - 10}-${thisYear}`]);
// The screen's configuration follows the bundle's year folders: built from this bundle.
run('trunk', ['build', '--release', '--dist', dist], { SITE_CONTENT_DIR: content, SITE_BUILD_CACHE: path.join(work, 'cache') });

const proxy = spawn('node', [path.join(repo, 'target/cms/node_modules/decap-server/dist/index.js')], {
  env: { ...process.env, BIND_HOST: '127.0.0.1', PORT: '8081', MODE: 'fs', GIT_REPO_DIRECTORY: checkout },
  stdio: 'ignore',
});
// With the headers the build writes for the host (`_headers`), caching included: the screen as
// deployed, its files revalidated rather than downloaded again.
const server = spawn('node', [path.join(repo, 'tests/e2e/static-server.mjs'), '--root', dist, '--port', String(port), '--headers'], { stdio: 'ignore' });
const up = async (url, init) => {
  for (let i = 0; i < 100; i++) {
    if ((await fetch(url, init).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
};
await up(PROXY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
await up(`http://127.0.0.1:${port}/quan-tri/`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
const heapMb = async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1048576;
};
const figures = [];
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/quan-tri/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  // From the click to the screen's first list (this year's), shown.
  const started = Date.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const cards = page.locator('a[href*="/collections/articles"][href*="/entries/"]');
  await cards.or(page.getByText('Không có mục nào')).first().waitFor({ timeout: 600_000 });
  figures.push(['"Đăng nhập" → this year\'s articles listed', `${((Date.now() - started) / 1000).toFixed(2)} s`, '≤ 2 s']);
  // Last year's, from a click on its name.
  const newest = String(thisYear - 1);
  const clicked = Date.now();
  await page.getByRole('link', { name: `Bài viết ${newest}`, exact: true }).click();
  await cards.first().waitFor({ timeout: 600_000 });
  figures.push([`a year's list (${newest}) → its articles listed`, `${((Date.now() - clicked) / 1000).toFixed(2)} s`, '≤ 2 s']);
  // The list is complete once its count stops changing over two frames.
  let listed = -1;
  for (;;) {
    const now = await cards.count();
    if (now === listed) break;
    listed = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  figures.push(['article cards in the page', `${listed} (of ${fs.readdirSync(path.join(content, 'articles', newest)).length} in ${newest})`, 'one year']);
  figures.push(['JavaScript heap after the list', `${(await heapMb(page)).toFixed(0)} MB`, '≤ 150 MB']);

  // Opening an article of an older year by its address on the screen.
  const older = fs.readdirSync(path.join(content, 'articles')).sort()[0];
  const slug = fs.readdirSync(path.join(content, 'articles', older)).sort()[0].replace(/\.json$/, '');
  const title = JSON.parse(fs.readFileSync(path.join(content, 'articles', older, `${slug}.json`), 'utf8')).title;
  const opened = Date.now();
  await page.goto(`http://127.0.0.1:${port}/quan-tri/#/collections/articles-${older}/entries/${slug}`);
  // Open once its title is in the title field.
  await page.waitForFunction((t) => [...document.querySelectorAll('input')].some((i) => i.value === t), title, { timeout: 120_000 });
  figures.push(['opening one article by its address', `${((Date.now() - opened) / 1000).toFixed(2)} s`, '≤ 1 s']);

  // Finding an article of an older year with "Tìm bài viết", from a click on that link on the
  // screen: two words of its title typed without diacritics (one that has them, and its number),
  // until the result is listed; then opening it on the screen from there.
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const folder = path.join(content, 'articles', String(thisYear - 5));
  const file = fs.readdirSync(folder).sort()[100];
  const wanted = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')).title;
  const word = wanted.split(' ').find((w) => fold(w) !== w.toLowerCase());
  const query = `${fold(word)} ${/\(tin (\d+)\)/.exec(wanted)[1]}`;
  await page.goto(`http://127.0.0.1:${port}/quan-tri/`);
  await cards.or(page.getByText('Không có mục nào')).first().waitFor({ timeout: 600_000 });
  const finding = Date.now();
  await page.getByRole('link', { name: 'Tìm bài viết', exact: true }).click();
  // The finder, in its dialog over the screen.
  const finder = page.frameLocator('.finder iframe');
  await finder.getByLabel('Từ khóa').fill(query);
  await finder.getByRole('button', { name: 'Tìm bài viết' }).click();
  const found = finder.locator('.result__link', { hasText: wanted }).first();
  await found.waitFor({ timeout: 120_000 });
  figures.push([`finding an article: "${query}" → listed`, `${((Date.now() - finding) / 1000).toFixed(2)} s`, '≤ 2 s']);
  const fromFinder = Date.now();
  await found.click();
  await page.waitForFunction((t) => [...document.querySelectorAll('input')].some((i) => i.value === t), wanted, { timeout: 120_000 });
  figures.push(['opening it from the finder', `${((Date.now() - fromFinder) / 1000).toFixed(2)} s`, '≤ 1 s']);
} finally {
  await browser.close();
  proxy.kill();
  server.kill();
}
for (const [what, figure, goal] of figures) console.log(`${what.padEnd(52)} ${figure.padEnd(44)} goal ${goal}`);
