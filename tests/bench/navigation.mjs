// See navigation.sh. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const rounds = Number(process.argv[2] || 10);
const work = path.join(repo, 'target/bench/navigation');
const bundle = path.join(work, 'content');
const dist = path.join(work, 'dist');
const port = 4392;
const site = `http://127.0.0.1:${port}/`;
// How long a finger rests on a link before the tap is a click (the gap a touch or a hover
// leaves before it).
const TAP_MS = 100;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

// Enough articles that no round opens one an earlier round has opened.
run('node', ['tests/tools/generate-bundle.mjs', String(2 * rounds + 5), bundle]);
run('trunk', ['build', '--release', '--dist', dist], { SITE_CONTENT_DIR: bundle });
const server = spawn('node', [path.join(repo, 'tests/e2e/static-server.mjs'), '--root', dist, '--port', String(port), '--brotli', '--headers'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

// In every document: when the reader's click (or the script's move to another page) happens,
// and when the title of the article being opened is first painted, both on one clock.
const probe = () => {
  const now = () => performance.timeOrigin + performance.now();
  window.__clickedAt = null;
  addEventListener('click', () => { window.__clickedAt = now(); }, true);
  window.__paintedAt = new Promise((resolve) => {
    const check = () => {
      const h1 = document.querySelector('h1.article__title');
      if (!h1) return false;
      // Painted: the frame that shows it has been drawn (the first task after its rAF).
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(null);
      });
      return true;
    };
    const start = () => {
      if (check()) return;
      new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
        .observe(document.documentElement, { childList: true, subtree: true });
    };
    if (document.documentElement) start();
    else addEventListener('DOMContentLoaded', start);
  });
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: false });
await context.addInitScript(probe);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
// Lighthouse's mobile preset: a 4× slower CPU, 150 ms round trips, 1.6 Mbps down.
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', {
  offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
});
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

const started = () => page.waitForSelector('html[data-app]', { timeout: 60_000 });
// A returning reader: the app's files and the photos are in the browser's cache.
await page.goto(site);
await started();
await page.goto(site + 'trang/2/');
await started();

const links = async () => page.locator('.card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const results = { app: [], document: [] };
const used = new Set();
const next = async () => {
  for (const listing of ['', 'trang/2/', 'trang/3/']) {
    await page.goto(site + listing);
    await started();
    const href = (await links()).find((h) => !used.has(h));
    if (href) {
      used.add(href);
      return href;
    }
  }
  throw new Error('no article left to open');
};
for (let round = 1; round <= rounds; round++) {
  // Within the app: the reader rests on a link of the listing, then taps it.
  let href = await next();
  const link = page.locator(`.card__link[href="${href}"]`);
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  await page.waitForTimeout(TAP_MS);
  await link.click({ noWaitAfter: true });
  await page.waitForFunction(() => window.__clickedAt !== null && document.querySelector('h1.article__title'));
  const app = await page.evaluate(async () => (await window.__paintedAt) - window.__clickedAt);
  results.app.push(app);
  // As a document: the same kind of article's static page, loaded by the browser.
  href = await next();
  const clicked = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.evaluate((url) => location.assign(url), href);
  await page.waitForURL(site.replace(/\/$/, '') + href);
  const painted = await page.evaluate(() => window.__paintedAt);
  results.document.push(painted - clicked);
  process.stderr.write(`round ${round}: app ${app.toFixed(0)} ms, document ${(painted - clicked).toFixed(0)} ms\n`);
}
await browser.close();
server.kill();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const app = median(results.app);
const doc = median(results.document);
console.log(`Navigation benchmark (${new Date().toISOString().slice(0, 10)}): Chromium, 4× CPU throttling, 150 ms RTT, 1.6 Mbps,`);
console.log(`app files and photos cached; ${rounds} rounds each, medians; the reader rests ${TAP_MS} ms on a link before the tap`);
console.log(`click → article title painted, within the app        ${app.toFixed(0).padStart(5)} ms  (rounds: ${results.app.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`click → article title painted, loaded as a document  ${doc.toFixed(0).padStart(5)} ms  (rounds: ${results.document.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`within the app / as a document: ${(app / doc).toFixed(2)}× (goal: at most 0.5×)`);
