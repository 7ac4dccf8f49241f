// See designer-loop. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const port = 4396;
const SEED = 'public/content/articles/2023/lam-viec-voi-ubnd-huyen-co-do-2023.json';
const page_path = '/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/';

// Each change: the file, how to change it (the n-th time), and what the page shows once it has.
const changes = [
  {
    what: 'a CSS token in style/tokens.css',
    file: 'style/tokens.css',
    edit: (text, n) => text.replace('--color-brand: #0b4a8b;', `--color-brand: #0b4a${(0x8b + n).toString(16)};`),
    shown: (n) => ({ css: '--color-brand', value: `#0b4a${(0x8b + n).toString(16)}` }),
    goal: '≤ 2 s',
  },
  {
    what: "an article's title in public/content/articles/",
    file: SEED,
    edit: (text, n) => text.replace('"title": "', `"title": "(sửa ${n}) `),
    shown: (n) => ({ h1: `(sửa ${n}) ` }),
    goal: '≤ 2 s',
  },
  {
    what: 'a word of the frame in src/chrome.rs',
    file: 'src/chrome.rs',
    edit: (text, n) => text.replace('phone: "Điện thoại: ",', `phone: "Điện thoại ${n}: ",`),
    shown: (n) => ({ text: `Điện thoại ${n}: ` }),
    goal: '≤ 30 s',
  },
];

const originals = new Map(changes.map((c) => [c.file, fs.readFileSync(path.join(repo, c.file), 'utf8')]));
const restore = () => originals.forEach((text, file) => fs.writeFileSync(path.join(repo, file), text));
process.on('SIGINT', () => { restore(); process.exit(130); });

const serve = spawn('trunk', ['serve', '--port', String(port)], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let log = '';
serve.stdout.on('data', (d) => (log += d));
serve.stderr.on('data', (d) => (log += d));
const stop = () => { try { process.kill(-serve.pid, 'SIGTERM'); } catch {} };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const figures = [];
try {
  const url = `http://127.0.0.1:${port}${page_path}`;
  const started = Date.now();
  for (;;) {
    if ((await fetch(url).catch(() => null))?.ok && /success/.test(log)) break;
    if (Date.now() - started > 900_000) throw new Error(`trunk serve did not serve ${url}:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`trunk serve: first build served after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const page = await browser.newPage();
  await page.goto(url);
  const shows = (want) =>
    page.evaluate((want) => {
      if (want.css) return getComputedStyle(document.documentElement).getPropertyValue(want.css).trim() === want.value;
      if (want.h1) return (document.querySelector('h1')?.textContent ?? '').startsWith(want.h1);
      return document.body.innerText.includes(want.text);
    }, want).catch(() => false); // the page is reloading
  for (const change of changes) {
    const seconds = [];
    for (const n of [1, 2]) {
      const original = originals.get(change.file);
      const saved = Date.now();
      fs.writeFileSync(path.join(repo, change.file), change.edit(original, n));
      const want = change.shown(n);
      while (!(await shows(want))) {
        if (Date.now() - saved > 600_000) throw new Error(`${change.what}: not shown after 600 s\n${log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      seconds.push((Date.now() - saved) / 1000);
    }
    figures.push([change.what, `${seconds[1].toFixed(1)} s (first ${seconds[0].toFixed(1)} s)`, change.goal]);
  }
} finally {
  await browser.close();
  restore();
  stop();
}
console.log('Saved, until the open page shows it (trunk serve, warm):');
for (const [what, figure, goal] of figures) console.log(`  ${what.padEnd(48)} ${figure.padEnd(26)} goal ${goal}`);
