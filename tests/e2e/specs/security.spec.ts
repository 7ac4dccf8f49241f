// The site's security headers and its Content-Security-Policy: what every response carries,
// that the policy is enforced and not only reported, and that its three written forms agree.
// (Every other browser test runs under the policy too: see fixtures.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SEED_SLUG, SITES } from '../sites';
import { appStarted } from './helpers';

const site = SITES.seedWith404.url;
const repo = path.resolve(__dirname, '../../..');
const article = `${site}bai-viet/${SEED_SLUG}/`;

const policyOf = (html: string) =>
  /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");

test('every page carries the security headers, and the same policy as a <meta> for hosts that send none', async ({ request }) => {
  for (const url of [site, article, `${site}tim-kiem/?q=co+do`, `${site}khong-co-trang-nay/`, `${site}mau-giao-dien/`]) {
    const response = await request.get(url);
    const headers = response.headers();
    const policy = headers['content-security-policy'];
    expect(policy, url).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*'){2,};/);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", 'upgrade-insecure-requests', "img-src 'self' data:", "connect-src 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) {
      expect(headers['permissions-policy']).toContain(feature);
    }
    // The <meta> is the same policy, less frame-ancestors, which only works as a header.
    const meta = policyOf(await response.text());
    expect(meta).toBe(policy.replace("; frame-ancestors 'none'", ''));
  }
});

test('the editing screen has its own, looser policy, limited to what Decap CMS needs', async ({ request }) => {
  const headers = (await request.get(`${site}quan-tri/`)).headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'unsafe-eval'");
  expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  // Framed only by the screen itself, which shows "Tìm bài viết" in a dialog.
  expect(policy).toContain("frame-ancestors 'self'");
  expect(policy).toContain('connect-src \'self\' blob: http://127.0.0.1:8081');
  // No inline script but the site's own, by hash: those of "Tìm bài viết", the app's page
  // beside the screen.
  const siteScripts = (await request.get(site)).headers()['content-security-policy'].match(/script-src [^;]*/)![0];
  const hashes = (directive: string) => directive.match(/'sha256-[^']+'/g) ?? [];
  expect(hashes(policy.match(/script-src [^;]*/)![0])).toEqual(hashes(siteScripts));
  expect(policy).not.toContain("'unsafe-inline' 'sha256-");
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('a page whose inline script was changed after the build is blocked: the policy is enforced', async ({ browser }) => {
  // A context of its own: the violation is what this test expects.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(e.effectiveDirective));
  });
  await page.route(article, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const tampered = html.replace('(function', 'window.__tampered = true;(function');
    expect(tampered).not.toBe(html);
    await route.fulfill({ response, body: tampered });
  });
  await page.goto(article);
  await expect.poll(() => page.evaluate(() => (window as any).__violations)).toContain('script-src-elem');
  expect(await page.evaluate(() => (window as any).__tampered)).toBeUndefined();
  // The untouched scripts still run: the app starts.
  await appStarted(page);
  await context.close();
});

test('_headers, the <meta> policy and the nginx block in docs/deploying.md cannot drift apart', async ({ request }) => {
  const dist = path.join(repo, 'dist');
  const headersFile = fs.readFileSync(path.join(dist, '_headers'), 'utf8');
  const nginx = fs.readFileSync(path.join(dist, 'nginx-headers.conf'), 'utf8');
  const nginxAdmin = fs.readFileSync(path.join(dist, 'nginx-headers-quan-tri.conf'), 'utf8');
  const sitePolicy = /^\/\*\n  Content-Security-Policy: (.*)$/m.exec(headersFile)![1];
  const adminPolicy = /^\/quan-tri\/\*\n  Content-Security-Policy: (.*)$/m.exec(headersFile)![1];
  // The nginx include says the same, header for header.
  expect(nginx).toContain(`add_header Content-Security-Policy "${sitePolicy}" always;`);
  expect(nginxAdmin).toContain(`add_header Content-Security-Policy "${adminPolicy}" always;`);
  for (const [, name, value] of headersFile.matchAll(/^  ([A-Z][A-Za-z-]+): (.*)$/gm)) {
    if (name === 'Cache-Control' || name === 'Content-Security-Policy') continue;
    expect(nginx).toContain(`add_header ${name} "${value}" always;`);
    expect(nginxAdmin).toContain(`add_header ${name} "${value}" always;`);
  }
  expect(nginx).toContain('add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;');
  // The screen's files keep their names across versions: never cached as immutable, its rule
  // after the site's (a later rule's header replaces an earlier one's on Netlify).
  expect(headersFile).toMatch(/^\/quan-tri\/\*\n  Cache-Control: no-cache$/m);
  expect(headersFile.lastIndexOf('Cache-Control: no-cache')).toBeGreaterThan(headersFile.indexOf('/*.js\n'));
  // The <meta> of a page is the site's policy without frame-ancestors.
  const page = await (await request.get(site)).text();
  expect(policyOf(page)).toBe(sitePolicy.replace("; frame-ancestors 'none'", ''));
  // docs/deploying.md shows the include as the build writes it; only the hashes, which change
  // with every build, are left out there.
  const deploying = fs.readFileSync(path.join(repo, 'docs', 'deploying.md'), 'utf8');
  const block = /```nginx\n(# Written by site-build[\s\S]*?)```/.exec(deploying)![1];
  const withoutHashes = (text: string) => text.replace(/( 'sha256-[A-Za-z0-9+/]+=*')+/g, " 'sha256-…'");
  expect(block).toBe(withoutHashes(nginx));
});

test('a template hostile to an HTML reader: the policy lets run exactly what runs, by the hashes Chromium computes', async ({ page, browser }) => {
  // tests/fixtures/hostile-template: a <script> in a comment, a `>` in an attribute, upper-case
  // tags, a JSON-LD block, a module script, entities in a style, a <template>, CR LF endings.
  const hostile = SITES.hostile.url;
  const pages = [hostile, `${hostile}mau-giao-dien/`];
  // Under the build's own policy (this test fails on any violation, see fixtures.ts): every
  // script that should run ran, in order, the module last; the styles apply.
  await page.goto(hostile);
  await expect
    .poll(() => page.evaluate(() => (window as any).__ran))
    .toEqual(['an attribute holding >', 'upper case', 'line endings as written', 'module']);
  await expect(page.locator('p.hostile')).toHaveCSS('color', 'rgb(1, 2, 3)');
  const policy = (await page.request.get(hostile)).headers()['content-security-policy'];
  const hashes = (directive: string) =>
    [...(new RegExp(`${directive} ([^;]*)`).exec(policy)?.[1] ?? '').matchAll(/'sha256-[^']+'/g)].map((m) => m[0]).sort();

  // The same pages with no inline code allowed, in a context of their own (its refusals are the
  // point): Chromium names the hash each refused script or style would need.
  const context = await browser.newContext();
  const strict = await context.newPage();
  await strict.route(`${hostile}**`, async (route) => {
    const response = await route.fetch();
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) return route.fulfill({ response });
    const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const headers = { ...response.headers(), 'content-security-policy': "script-src 'self'; style-src 'self'" };
    await route.fulfill({ response, body, headers });
  });
  const refused = { script: new Set<string>(), style: new Set<string>() };
  strict.on('console', (message) => {
    const kind = /inline script/.test(message.text()) ? 'script' : /inline style|stylesheet/.test(message.text()) ? 'style' : null;
    for (const hash of message.text().matchAll(/'sha256-[^']+'/g)) if (kind) refused[kind].add(hash[0]);
  });
  for (const url of pages) await strict.goto(url);
  await expect.poll(() => [...refused.script].sort()).toEqual(hashes('script-src'));
  await expect.poll(() => [...refused.style].sort()).toEqual(hashes('style-src'));
  // The page may still be loading its photos through the route: let them go before closing.
  await strict.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
