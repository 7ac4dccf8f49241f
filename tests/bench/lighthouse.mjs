// See lighthouse.sh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSiteAndFloor } from './floor.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) || 5);
// `--check`: exit 1 when the site misses a budget that a run measures reliably (see below).
const check = process.argv.includes('--check');
const root = path.join(repo, 'target/bench/lighthouse');
const port = 4391;
const lighthouse = path.join(repo, 'tests/bench/node_modules/.bin/lighthouse');

// The site, and the floor: the seed article's own static page with every script removed.
const { server, pages } = await serveSiteAndFloor({
  repo,
  dist: path.resolve(repo, process.env.LIGHTHOUSE_DIST || 'dist'),
  root,
  port,
});
const results = { floor: [], site: [] };
try {
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of Object.entries(pages)) {
      const out = path.join(root, `${name}-${round}.json`);
      const run = spawnSync(lighthouse, [url, '--quiet', '--output=json', `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
        { env: { ...process.env, CHROME_PATH: '/usr/lib/chromium/chromium' }, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
      const audit = (id) => lhr.audits[id].numericValue;
      results[name].push({
        performance: lhr.categories.performance.score * 100,
        accessibility: lhr.categories.accessibility.score * 100,
        bestPractices: lhr.categories['best-practices'].score * 100,
        seo: lhr.categories.seo.score * 100,
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        si: audit('speed-index'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        bytes: audit('total-byte-weight'),
      });
      process.stderr.write(`round ${round}: ${name} done\n`);
    }
  }
} finally {
  server.kill();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = (name, key) => median(results[name].map((r) => r[key]));
console.log(`Lighthouse 12.2.3, mobile preset, ${rounds} interleaved rounds, medians (${new Date().toISOString().slice(0, 10)})`);
console.log('| page | perf | a11y | best pr. | SEO | FCP | LCP | Speed Index | TBT | CLS | bytes |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of ['floor', 'site']) {
  console.log(`| ${name} | ${m(name, 'performance')} | ${m(name, 'accessibility')} | ${m(name, 'bestPractices')} | ${m(name, 'seo')} | ` +
    `${(m(name, 'fcp') / 1000).toFixed(2)} s | ${(m(name, 'lcp') / 1000).toFixed(2)} s | ${(m(name, 'si') / 1000).toFixed(2)} s | ` +
    `${m(name, 'tbt').toFixed(0)} ms | ${m(name, 'cls').toFixed(3)} | ${(m(name, 'bytes') / 1000).toFixed(1)} KB |`);
}
const ratio = (key) => (m('site', key) / m('floor', key)).toFixed(2);
console.log(`site/floor: FCP ${ratio('fcp')}×, LCP ${ratio('lcp')}×, Speed Index ${ratio('si')}×`);
console.log(`by round, LCP: site ${results.site.map((r) => (r.lcp / 1000).toFixed(2)).join(', ')} s; floor ${results.floor.map((r) => (r.lcp / 1000).toFixed(2)).join(', ')} s`);

// The budgets. LCP against the floor (at most 1.05×) is reported, not enforced: Lighthouse's
// simulation puts both pages' largest paint at one of two values about 0.15 s apart from round
// to round, so the ratio of medians moves across 1.05 by chance (see docs/measurements.md).
// TBT is reported, not enforced either: it is the main thread's time, multiplied by Lighthouse's
// 4× slowdown, and it follows the machine more than the change. The same build (51ac317)
// measured 11 ms on 2026-12-02 and 73 ms on 2026-12-03 on this machine (docs/measurements.md).
// The performance score is computed from those same timings (TBT and LCP weigh most), so it is
// reported with them: the same build (7c7fe90) scored 100 and 100 run alone on this machine and
// 99 and 98 right after a fresh clone's builds (docs/measurements.md). The other three
// categories and CLS do not depend on the machine's speed, and are enforced.
const budgets = [
  ['accessibility, best practices, SEO score 100', ['accessibility', 'bestPractices', 'seo'].every((k) => m('site', k) === 100)],
  ['CLS 0', m('site', 'cls') === 0],
];
for (const [name, met] of budgets) console.log(`  ${name.padEnd(28)} ${met ? 'ok' : 'MISSED'}`);
console.log(`  ${'performance scores 100'.padEnd(28)} ${m('site', 'performance') === 100 ? 'ok' : 'missed'} (reported, not enforced)`);
console.log(`  ${'LCP at most 1.05× the floor'.padEnd(28)} ${Number(ratio('lcp')) <= 1.05 ? 'ok' : 'missed'} (reported, not enforced)`);
console.log(`  ${'TBT at most 50 ms'.padEnd(28)} ${m('site', 'tbt') <= 50 ? 'ok' : 'missed'} (reported, not enforced)`);
if (check && budgets.some(([, met]) => !met)) process.exit(1);
