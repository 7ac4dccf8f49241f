// See repeat-visit. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const dist = path.join(repo, 'dist');
if (!fs.existsSync(path.join(dist, '_headers'))) throw new Error('no release build in dist/: run trunk build --release first');
const port = 4398;
const site = `http://127.0.0.1:${port}/`;
const article = fs.readdirSync(path.join(dist, 'bai-viet')).sort()[0];
const server = spawn('node', [path.join(repo, 'tests/e2e/static-server.mjs'), '--root', dist, '--port', String(port), '--brotli', '--headers'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

/** What a request is, for the reader: the page itself, its data, the app, a photo, or else. */
const classOf = (url, type) => {
  const { pathname } = new URL(url);
  if (type === 'Document') return 'page (HTML)';
  if (pathname.includes('/data/') || pathname.includes('/khoi-dong/')) return 'page data (JSON, hydration)';
  if (/\.(wasm|js)$/.test(pathname)) return 'app (wasm, JS)';
  if (pathname.includes('/content/')) return 'photos';
  if (/\.(webmanifest|svg|png|ico)$/.test(pathname)) return 'manifest, icons';
  return 'other';
};
const CLASSES = ['page (HTML)', 'page data (JSON, hydration)', 'app (wasm, JS)', 'photos', 'manifest, icons', 'other'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
// One reader: one browser profile, whose HTTP cache lasts across the visits.
const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'vi-VN' });

/** Opens `url` (or reloads the page) and records every request until the app has started and the
 * network has been quiet for a second. */
async function visit(label, go) {
  const page = go.page ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, cached: false, status: 0 }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { type: e.type, status: e.response.status, cached: e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  if (go.reload) await page.reload();
  else await page.goto(go.url);
  await page.locator('html[data-app]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  const rows = CLASSES.map((name) => {
    const of = [...requests.values()].filter((r) => r.url.startsWith(site) && classOf(r.url, r.type) === name);
    const network = of.filter((r) => !r.cached);
    const bytes = network.reduce((sum, r) => sum + r.bytes, 0);
    return { name, requests: of.length, network: network.length, bytes, urls: network.map((r) => new URL(r.url).pathname) };
  });
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`\n${label}: ${(total / 1024).toFixed(1)} KB over the network`);
  // "over the network": not from the browser's cache; a page asked again and unchanged comes
  // back as its headers alone (304), about 1.3 KB, most of it the security policy.
  console.log(`${'class'.padEnd(30)}${'requests'.padStart(9)}${'over the network'.padStart(18)}${'bytes'.padStart(12)}`);
  for (const r of rows) {
    if (r.requests === 0) continue;
    console.log(`${r.name.padEnd(30)}${String(r.requests).padStart(9)}${String(r.network).padStart(18)}${`${(r.bytes / 1024).toFixed(1)} KB`.padStart(12)}   ${r.urls.join(' ')}`);
  }
  return page;
}

try {
  console.log(`Repeat visits: the seed's release build, served brotli with its _headers (${new Date().toISOString()})`);
  const articleUrl = `${site}bai-viet/${article}/`;
  const first = await visit(`1. first visit to ${article}`, { url: articleUrl });
  await first.close();
  const again = await visit('2. the same article again, a new document', { url: articleUrl });
  await visit('3. that page reloaded (the browser asks whether it changed)', { page: again, reload: true });
  await visit('4. another page of the site: the home page', { url: site });
} finally {
  await browser.close();
  server.kill();
}
