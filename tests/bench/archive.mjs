// See archive.sh. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const count = Number(process.argv[2] || 10000);
const work = path.join(repo, 'target/bench');
const bundle = path.join(work, `archive-${count}`);
const dist = path.join(work, `archive-${count}-dist`);
const cache = path.join(work, `archive-${count}-cache`);
const port = 4390;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function run(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function walk(dir, files = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else files.push(full);
  }
  return files;
}

/** Raw bytes of a file and of its precompressed .br sibling (what a brotli host sends). */
function sizes(file) {
  const raw = fs.statSync(file).size;
  const br = fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : brotli(fs.readFileSync(file));
  return { raw, br };
}

console.log(`Archive benchmark: ${count} generated articles (${new Date().toISOString()})`);
run('node', ['tests/tools/generate-bundle.mjs', String(count), bundle]);
fs.rmSync(cache, { recursive: true, force: true });
const build = (label) => {
  const seconds = run('trunk', ['build', '--release', '--dist', dist], { SITE_CONTENT_DIR: bundle, SITE_BUILD_CACHE: cache });
  console.log(`${label.padEnd(44)} ${seconds.toFixed(1)} s`);
};
run('cargo', ['build', '--quiet', '--profile', 'tool', '--features', 'ssr', '--bin', 'site-build']);
build('build time, trunk build --release (cold cache)');
build('build time, again, nothing changed');
// What an editor's correction costs: one article's title changed, then the build CI runs.
const someArticle = walk(path.join(bundle, 'articles')).sort().at(-1);
const article = JSON.parse(fs.readFileSync(someArticle, 'utf8'));
article.title += ' (đã sửa)';
fs.writeFileSync(someArticle, JSON.stringify(article, null, 2));
build('build time, one article changed');
// What CI runs for an editor's change (docs/deploying.md): the content published into the last
// build's dist/ in place, without trunk re-running wasm-bindgen and wasm-opt on the same app.
const publish = (label, edit) => {
  edit();
  const seconds = run('cargo', ['run', '--quiet', '--profile', 'tool', '--features', 'ssr', '--bin', 'site-build', '--', 'publish', '--dist', dist],
    { SITE_CONTENT_DIR: bundle, SITE_BUILD_CACHE: cache });
  console.log(`${label.padEnd(44)} ${seconds.toFixed(1)} s`);
};
const articles = walk(path.join(bundle, 'articles')).sort();
publish('publish, one article changed', () => {
  const file = articles.at(-2);
  const changed = JSON.parse(fs.readFileSync(file, 'utf8'));
  changed.title += ' (đã sửa)';
  fs.writeFileSync(file, JSON.stringify(changed, null, 2));
});
publish('publish, one article added', () => {
  const added = JSON.parse(fs.readFileSync(articles.at(-3), 'utf8'));
  added.title = `Tin mới: ${added.title}`;
  fs.writeFileSync(path.join(path.dirname(articles.at(-3)), 'tin-moi-them.json'), JSON.stringify(added, null, 2));
});
publish('publish, one article deleted', () => fs.rmSync(articles.at(-4)));

const home = sizes(path.join(dist, 'data/trang/1.json'));
const homeHtml = sizes(path.join(dist, 'index.html'));
console.log(`${'home page data (data/trang/1.json)'.padEnd(44)} ${kb(home.raw)} raw, ${kb(home.br)} brotli`);
console.log(`${'home page HTML (index.html)'.padEnd(44)} ${kb(homeHtml.raw)} raw, ${kb(homeHtml.br)} brotli`);

const indexFiles = walk(path.join(dist, 'data/tim-kiem')).filter((f) => !/\.(br|gz)$/.test(f));
const index = indexFiles.map(sizes).reduce((a, b) => ({ raw: a.raw + b.raw, br: a.br + b.br }), { raw: 0, br: 0 });
console.log(`${'search index, total'.padEnd(44)} ${(index.raw / 1048576).toFixed(1)} MB raw, ${(index.br / 1048576).toFixed(1)} MB brotli, ${indexFiles.length} files`);

const server = spawn('node', [path.join(repo, 'tests/e2e/static-server.mjs'), '--root', dist, '--port', String(port), '--brotli'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const queries = ['co do', 'can tho', 'khoa hoc', 'nang luong tai tao', 'Đồng bằng sông Cửu Long', 'chuyen doi so', 'tin 4321',
  'giống cây trồng mới', 'hoi thao chuyen de', 'truy xuat nguon goc', 'xyz khong co'];
const rows = [];
// From the form's submit to the results (or "nothing found") in the page: the move to the
// results' address, the search and its rendering, timed in the page itself.
const timeSearch = async (page, box, text) => {
  await page.evaluate(() => {
    window.__searchTook = null;
    addEventListener(
      'submit',
      (event) => {
        const started = performance.now();
        // The results of this search: the count or "nothing found" names what was typed.
        const typed = event.target.querySelector('input[type=search]').value.trim();
        const shown = () => document.querySelector('.search__count, .search__none')?.textContent.includes(typed);
        const observer = new MutationObserver(() => {
          if (shown()) {
            window.__searchTook = performance.now() - started;
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { once: true, capture: true },
    );
  });
  await page.getByRole('searchbox', { name: box }).fill(text);
  await page.getByRole('searchbox', { name: box }).press('Enter');
  await page.waitForFunction(() => window.__searchTook !== null, null, { timeout: 30000 });
  return page.evaluate(() => window.__searchTook);
};
try {
  for (const query of queries) {
    // A fresh visit: the first search downloads its words' postings, then what page 1 shows.
    const page = await browser.newPage();
    const downloaded = [];
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith('/data/')) downloaded.push(p);
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('html[data-app]').waitFor({ state: 'attached', timeout: 30000 });
    const cold = await timeSearch(page, 'Tìm kiếm tin bài', query);
    const bytes = downloaded
      .map((p) => path.join(dist, decodeURIComponent(p)))
      .filter((f) => fs.existsSync(f))
      .map(sizes)
      .reduce((a, b) => ({ raw: a.raw + b.raw, br: a.br + b.br }), { raw: 0, br: 0 });
    const files = downloaded.length;
    // Once its data is loaded: the same search again, from the page's own box.
    const warm = [];
    for (let i = 0; i < 6; i++) {
      // Alternate the spelling, so that each is a new address but the same words.
      const spelled = i % 2 ? query : query.toUpperCase();
      warm.push(await timeSearch(page, 'Từ khóa', spelled));
    }
    const results = await page.locator('.search__count').textContent().catch(() => 'không có kết quả');
    rows.push({ query, results, files, ...bytes, cold, warm });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}

console.log('\nfirst search of a visit (downloads), then the same search again with its data loaded:');
console.log('query'.padEnd(28), 'results'.padEnd(36), 'files', 'raw'.padStart(10), 'brotli'.padStart(10), 'cold ms'.padStart(8), 'warm ms'.padStart(8));
for (const r of rows) {
  const warmMedian = r.warm.sort((a, b) => a - b)[Math.floor(r.warm.length / 2)];
  console.log(r.query.padEnd(28), String(r.results).slice(0, 35).padEnd(36), String(r.files).padStart(5), kb(r.raw).padStart(10), kb(r.br).padStart(10),
    r.cold.toFixed(1).padStart(8), (warmMedian ?? NaN).toFixed(1).padStart(8));
}
const allWarm = rows.flatMap((r) => r.warm).sort((a, b) => a - b);
const worstFirst = rows.reduce((a, r) => (r.br > a.br ? r : a), rows[0]);
console.log(`\nfirst search download, worst: ${kb(worstFirst.br)} brotli (${kb(worstFirst.raw)} raw) for "${worstFirst.query}"`);
console.log(`search latency with data loaded: median ${allWarm[Math.floor(allWarm.length / 2)].toFixed(1)} ms, worst ${allWarm[allWarm.length - 1].toFixed(1)} ms (${allWarm.length} searches)`);
