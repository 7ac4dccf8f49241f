// Every page the builds wrote, through the Nu HTML Checker (npm vnu-jar, run with Debian's
// Java 17). Fails on any error but these, each exempt for a reason:
//   - "Bogus comment." on `<!>`: Leptos's hydration markers, empty comments its own
//     hydration reads back (https://github.com/leptos-rs/leptos, tachys `<!>`); browsers parse
//     them as comments, which is all the app needs.
//   - CSS "line-clamp" doesn't exist: the checker's CSS rules predate CSS Overflow 4, which
//     defines it; the stylesheet sets it beside -webkit-line-clamp.
// Warnings are printed, not failed on, but one: "Resource violates Content Security Policy (meta
// tag)" for the site's own files. The checker reads each page as a file, which has no origin,
// so 'self' matches nothing there; browsers, which load the page from its host, allow them
// (the browser tests fail on any violation). Nor does it match inline scripts and styles
// against the policy's hashes, which Chromium does: "Inline script violates…" is left out too.
//
//   node tests/e2e/validate-html.mjs [folder…]   (default: dist and the browser tests' builds)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folders = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['dist', 'target/e2e-sites/literal', 'target/e2e-sites/tin-tuc', 'target/e2e-sites/many', 'target/e2e-sites/portal'];
const pages = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.html')) pages.push(full);
  }
};
for (const folder of folders) walk(path.resolve(repo, folder));

const jar = path.join(repo, 'tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar');
const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', ...pages], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (run.error || !run.stderr.trim().startsWith('{')) {
  console.error(run.error?.message ?? run.stderr);
  process.exit(2);
}
const exempt = (m) =>
  (m.message === 'Bogus comment.' && (m.extract ?? '').includes('<!>')) ||
  /^CSS: “line-clamp”: Property “line-clamp” doesn't exist\.$/.test(m.message);
const messages = JSON.parse(run.stderr).messages;
const errors = messages.filter((m) => (m.type === 'error' || m.subType === 'fatal') && !exempt(m));
const ownFileUnderPolicy = (m) =>
  (m.message.startsWith('Resource violates Content Security Policy (meta tag)') && /“\/[^“”]*” blocked/.test(m.message)) ||
  /^Inline (script|style) violates Content Security Policy \(meta tag\)/.test(m.message);
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning' && !ownFileUnderPolicy(m));
const where = (m) => `${path.relative(repo, fileURLToPath(m.url))}:${m.lastLine}:${m.firstColumn ?? m.lastColumn}`;
for (const m of warnings) console.log(`warning ${where(m)}: ${m.message}`);
for (const m of errors) console.log(`ERROR ${where(m)}: ${m.message}\n    ${m.extract ?? ''}`);
const skipped = messages.length - errors.length - warnings.length;
console.log(`Nu HTML Checker: ${pages.length} pages, ${errors.length} errors, ${warnings.length} warnings (${skipped} exempt: Leptos's <!> markers, line-clamp, the policy's 'self' on files without an origin)`);
process.exit(errors.length ? 1 : 0);
