// Size budgets, measured in bytes (deterministic) on the release build in dist/, brotli as
// served (the build's own .br siblings). Prints every figure against its budget.
//
//   node tests/bench/budgets.mjs [dist]
//
// Exit status 1 when a budget is exceeded. A budget the app does not meet with its stack is
// reported with its figure and holds a ceiling instead, just above today's figure, which CI
// enforces so that the app cannot grow unnoticed; each fix lowers it. See docs/measurements.md
// for where the bytes go, what was tried, and what each rise of a ceiling bought.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const brotliSize = (file) =>
  fs.existsSync(file + '.br')
    ? fs.statSync(file + '.br').size
    : zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

// The app a page loads: the wasm and the JS glue its loader script names.
const appOf = (htmlFile) => {
  const page = fs.readFileSync(htmlFile, 'utf8');
  const file = (re) => path.join(dist, re.exec(page)[1]);
  // Trunk's loader, minified or not: `from '/app.js'` and `'/app_bg.wasm'` in any quotes.
  return { wasm: file(/[`'"]\/([^`'"\/]+_bg\.wasm)[`'"]/), js: file(/from\s*[`'"]\/([^`'"\/]+\.js)[`'"]/) };
};
const articles = fs.readdirSync(path.join(dist, 'bai-viet')).sort();
const articleHtml = path.join(dist, 'bai-viet', articles[0], 'index.html');
// The one app every page loads.
const { wasm, js } = appOf(articleHtml);
// A first article view without photos: its HTML (CSS inline), everything the HTML links to
// that is not a photo, and the app's JS and wasm.
const html = fs.readFileSync(articleHtml, 'utf8');
const linked = [...html.matchAll(/(?:href|src)="\/([^"?#]+)"/g)]
  .map((m) => m[1])
  .filter((p) => !p.startsWith('content/') && !p.endsWith('/') && fs.existsSync(path.join(dist, p)))
  .filter((p) => /\.(css|js|svg|ico|json|webmanifest)$/.test(p));
const firstView = [articleHtml, wasm, js, ...new Set(linked.map((p) => path.join(dist, p)))];
const uniqueFirstView = [...new Set(firstView)];
const firstViewBytes = uniqueFirstView.reduce((sum, f) => sum + brotliSize(f), 0);

// The JS glue has no budget of its own: it is wasm-bindgen's, as it writes it. It counts in the
// first view.
const budgets = [
  { name: 'app wasm, brotli', bytes: brotliSize(wasm), budget: 190_000, stretch: 150_000, ceiling: 279_000 },
  { name: 'JS glue, brotli (wasm-bindgen\'s, no budget)', bytes: brotliSize(js) },
  { name: `first article HTML (${articles[0]}), brotli`, bytes: brotliSize(articleHtml), budget: 14_000 },
  { name: 'first article view without photos, brotli', bytes: firstViewBytes, budget: 220_000, ceiling: 299_500 },
];

let failed = false;
console.log(`Size budgets for ${path.relative(process.cwd(), dist) || dist} (raw wasm ${kb(fs.statSync(wasm).size)}, raw HTML ${kb(fs.statSync(articleHtml).size)})`);
for (const b of budgets) {
  if (b.budget === undefined) {
    console.log(`  ${b.name.padEnd(58)} ${kb(b.bytes).padStart(9)}`);
    continue;
  }
  const stretch = b.stretch ? ` (stretch ${kb(b.stretch)}${b.bytes <= b.stretch ? ' met' : ''})` : '';
  const limit = b.bytes > b.budget && b.ceiling ? b.ceiling : b.budget;
  let status = 'ok';
  if (b.bytes > limit) {
    status = `OVER ${limit === b.budget ? 'BUDGET' : 'CEILING'}: ${kb(b.bytes)} > ${kb(limit)}`;
    failed = true;
  } else if (b.bytes > b.budget) {
    status = `over budget, under the enforced ceiling ${kb(b.ceiling)}`;
  }
  console.log(`  ${b.name.padEnd(58)} ${kb(b.bytes).padStart(9)} / ${kb(b.budget)}${stretch}  ${status}`);
}
console.log(`  first view files: ${uniqueFirstView.map((f) => path.relative(dist, f)).join(', ')}`);
process.exit(failed ? 1 : 0);
