// See first-load.sh. Prints figures; asserts nothing.
//
// The first load of the seed article in real headless Chromium, against its static-HTML floor
// (the same page with every script removed), on a phone's weak connection as CDP emulates it:
// 4× slower CPU, 150 ms round trip, 1.6 Mbps down, 750 kbps up. Each round is a cold visit (a
// new browser context: no cache, no service worker), site and floor interleaved. The largest
// contentful paint is what the page's own `PerformanceObserver` saw, read once the page has
// been quiet; Total Blocking Time is the sum over the page's long tasks (`longtask` entries) of
// their time beyond 50 ms, from the first contentful paint to the end of the window, as
// Lighthouse counts it (here without its 4× multiplier: the CPU is throttled for real).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSiteAndFloor } from './floor.mjs';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const rounds = Number(process.argv[2] || 15);
const root = path.join(repo, 'target/bench/first-load');
const port = 4393;
// What the page is given after `load` for the app to start and hydrate before its figures are
// read: the long tasks of the app come after the first paint and `load`.
const SETTLE_MS = 3000;

const { server, pages } = await serveSiteAndFloor({
  repo,
  dist: path.resolve(repo, process.env.FIRST_LOAD_DIST || 'dist'),
  root,
  port,
});

// Installed in every document before its first script: the observers buffer from the start.
const observe = () => {
  window.__lcp = 0;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const results = { floor: [], site: [] };
try {
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of Object.entries(pages)) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.addInitScript(observe);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      // The paint that ends LCP's watch in Lighthouse is the reader's first input; here, the end
      // of the window.
      const figures = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const tbt = window.__longTasks
          .filter(([start]) => start >= fcp)
          .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
        return { fcp, lcp: window.__lcp, tbt };
      });
      results[name].push(figures);
      await context.close();
      process.stderr.write(`round ${round}: ${name} LCP ${Math.round(figures.lcp)} ms\n`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;
const of = (name, key) => results[name].map((r) => r[key]);
console.log(`First load in real Chromium, CDP throttling (4× CPU, 150 ms RTT, 1.6 Mbps), ${rounds} interleaved cold rounds each (${new Date().toISOString().slice(0, 10)})`);
console.log('| page | FCP | LCP median | LCP min–max | LCP spread (IQR/median) | TBT median |');
console.log('|---|---|---|---|---|---|');
for (const name of ['floor', 'site']) {
  const lcp = sorted(of(name, 'lcp'));
  const q = (p) => lcp[Math.min(lcp.length - 1, Math.floor(p * (lcp.length - 1) + 0.5))];
  const spread = (q(0.75) - q(0.25)) / median(lcp);
  console.log(`| ${name} | ${ms(median(of(name, 'fcp')))} | ${ms(median(lcp))} | ${ms(lcp[0])}–${ms(lcp[lcp.length - 1])} | ±${((spread / 2) * 100).toFixed(1)}% | ${ms(median(of(name, 'tbt')))} |`);
}
console.log(`site/floor: LCP ${(median(of('site', 'lcp')) / median(of('floor', 'lcp'))).toFixed(2)}×, FCP ${(median(of('site', 'fcp')) / median(of('floor', 'fcp'))).toFixed(2)}×`);
