// Every URL a real page: the build's static HTML on a dumb host, read without JavaScript, taken
// over in place by the app, and the feed and sitemap.
import { expect, test, Page } from './fixtures';
import { SEED_CAPTIONS, SEED_FOOTER, SEED_SLUG, SEED_TITLE, SITES } from '../sites';
import { appStarted, isSameDocument, markDocument, nextFrames, watchForErrors, watchLayoutShifts } from './helpers';

const seed = SITES.seed.url; // python3 -m http.server: no fallback, no rewrites
const origin = 'https://sokhcn.cantho.gov.vn';
const articlePath = `bai-viet/${SEED_SLUG}/`;
const everyPage = ['', articlePath, 'chuyen-muc/tin-hoat-dong/', 'chuyen-muc/khoa-hoc-cong-nghe/', 'chuyen-muc/thong-bao/', 'gioi-thieu/', 'lien-he/', 'en/', 'en/contact/'];

test('a host with no fallback answers every page the site links to with 200', async ({ request }) => {
  for (const path of [...everyPage, '404.html', 'feed.xml', 'sitemap.xml', 'robots.txt']) {
    const response = await request.get(seed + path);
    expect(response.status(), path).toBe(200);
  }
  // The form without the trailing slash redirects to the page rather than failing.
  const bare = await request.get(seed + articlePath.replace(/\/$/, ''));
  expect(bare.status()).toBe(200);
});

test('the raw HTML of the article holds the whole article and its share preview', async ({ request }) => {
  const html = await (await request.get(seed + articlePath)).text();
  const text = decodeEntities(html);
  expect(text).toContain(`<title>${SEED_TITLE} – Sở KH&CN TP. Cần Thơ</title>`);
  expect(text).toContain(`<h1 class="article__title">${SEED_TITLE}</h1>`);
  for (const caption of SEED_CAPTIONS) expect(text).toContain(`<figcaption class="figure__caption">${caption}</figcaption>`);
  for (const value of Object.values(SEED_FOOTER)) expect(text).toContain(value);
  expect(text).toContain('<time datetime="2023-08-13T15:11:00+07:00">13/08/2023 15:11</time>');
  const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
  expect(meta('og:type')).toBe('article');
  expect(decodeEntities(meta('og:title') ?? '')).toBe(SEED_TITLE);
  expect(meta('og:url')).toBe(`${origin}/${articlePath}`);
  expect(meta('og:locale')).toBe('vi_VN');
  expect(meta('og:image')).toMatch(new RegExp(`^${origin}/content/anh/[0-9a-f]{16}-960\\.jpg$`));
  expect(meta('og:image:width')).toBe('960');
  expect(meta('og:image:height')).toBe('640');
  expect(meta('article:published_time')).toBe('2023-08-13T15:11:00+07:00');
  expect(meta('og:description')).toMatch(/^Chiều ngày 11\/8\/20203/);
  expect(canonicalOf(html)).toBe(`${origin}/${articlePath}`);
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  expect(html).toMatch(/<meta name="description" content="Chiều ngày 11\/8\/20203/);
  expect(html).toMatch(/<link [^>]*rel="alternate"[^>]*type="application\/rss\+xml"|<link [^>]*type="application\/rss\+xml"[^>]*rel="alternate"/);
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
  expect(jsonLd['@type']).toBe('NewsArticle');
  expect(jsonLd.headline).toBe(SEED_TITLE);
  expect(jsonLd.datePublished).toBe('2023-08-13T15:11:00+07:00');
  expect(jsonLd.image).toEqual([meta('og:image')]);
  expect(jsonLd.publisher.name).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ');
});

test('the raw HTML of the listing holds its items, and pages without a photo share the site picture', async ({ request }) => {
  const html = decodeEntities(await (await request.get(seed)).text());
  expect(html).toContain(`>${SEED_TITLE}</a>`);
  expect(html).toContain('13/08/2023 15:11');
  const empty = await (await request.get(seed + 'chuyen-muc/thong-bao/')).text();
  expect(empty).toContain(`<meta property="og:image" content="${origin}/share.png">`);
  const picture = await request.get(seed + 'share.png');
  expect(picture.headers()['content-type']).toBe('image/png');
  // Drawn by the build from site.json: the PNG header's width and height.
  const png = await picture.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the seed article reads in full, and its links work', async ({ page }) => {
    await page.goto(seed + articlePath);
    await expect(page.locator('h1')).toHaveText(SEED_TITLE);
    await expect(page.locator('.article__body > p')).toHaveCount(3);
    await expect(page.locator('figcaption')).toHaveText(SEED_CAPTIONS);
    await expect(page.locator('.article__meta time')).toHaveText('13/08/2023 15:11');
    await expect(page.locator('footer')).toContainText(SEED_FOOTER.editorInChief);
    await page.getByRole('link', { name: 'Trang chủ' }).first().click();
    await expect(page.locator('h1')).toHaveText('Tin mới nhất');
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  });
});

async function countOnce(page: Page) {
  await expect(page.locator('header.site-header')).toHaveCount(1);
  await expect(page.locator('footer.site-footer')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('#app')).toHaveCount(1);
}

test('the app takes over in place: article → listing → back, everything once', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(seed + articlePath);
  expect(await appStarted(page)).toBe('hydrated');
  await countOnce(page);
  await expect(page.locator('article.article')).toHaveCount(1);
  await markDocument(page);
  await page.getByRole('link', { name: 'Trang chủ' }).first().click();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await countOnce(page);
  await expect(page.locator('.card')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await countOnce(page);
  await expect(page.locator('figcaption')).toHaveCount(5);
  expect(await isSameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
});

test('every page type hydrates without an error', async ({ page }) => {
  for (const [url, expected] of [
    [seed, 'hydrated'],
    [seed + articlePath, 'hydrated'],
    [seed + 'chuyen-muc/tin-hoat-dong/', 'hydrated'],
    [seed + 'chuyen-muc/thong-bao/', 'hydrated'],
    [seed + '404.html', 'hydrated'],
    // A host's 404 page shown at another path: hydrated at its own address, then the app moves
    // on to the address asked for.
    [SITES.seedWith404.url + 'khong-co/', 'rendered'],
  ]) {
    const errors = watchForErrors(page);
    await page.goto(url);
    expect(await appStarted(page), url).toBe(expected);
    await countOnce(page);
    // The app is live: its own navigation works.
    await markDocument(page);
    await page.locator('.site-header__brand').click();
    await expect(page.locator('h1')).toHaveText('Tin mới nhất');
    expect(await isSameDocument(page), url).toBe(true);
    // Chromium itself logs the host's 404 status for the 404 page; the app must log nothing.
    expect(errors.filter((e) => !e.includes('status of 404')), url).toEqual([]);
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
  }
});

test('no layout shift while the app takes over', async ({ page }) => {
  // The time the takeover begins (`html[data-app-starting]`). A shift before it is the static
  // page's own, painted while it is still parsed (seen on a busy machine), not the app's.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.documentElement.hasAttribute('data-app-starting')) return;
      (window as any).__takeoverBegan = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-starting'] });
  });
  for (const path of [articlePath, '']) {
    await page.goto(seed + path);
    const shifts = await watchLayoutShifts(page, { sincePageStart: true });
    await appStarted(page);
    // The browser measures a shift in the rendering steps of the frame that shows it, so two frames
    // after the takeover, every change it made is measured (and `takeRecords()` misses none).
    await nextFrames(page);
    const began: number = await page.evaluate(() => (window as any).__takeoverBegan);
    expect(began, path).toBeGreaterThan(0);
    expect((await shifts()).filter((shift) => shift.startTime >= began), path).toEqual([]);
  }
});

test('taking over a static page rewrites none of its markup', async ({ page }) => {
  // Hydration adopts the page as it is: setting even an unchanged `srcset` again makes the
  // browser choose every photo anew, on a phone, while the reader starts to read. One
  // exception: leptos_router's `<Form>` sets its form's `method` and `action` again, to the
  // same values, which do nothing until the form is submitted.
  await page.addInitScript(() => {
    const changes: string[] = [];
    const note = (records: MutationRecord[]) => {
      for (const r of records) {
        const target = r.target as Element;
        const sameFormAttribute =
          r.type === 'attributes' && target.nodeName === 'FORM' && ['method', 'action'].includes(r.attributeName!) &&
          target.getAttribute(r.attributeName!) === r.oldValue;
        if (sameFormAttribute) continue;
        const where = (r.target as Element).closest?.('[class]')?.className ?? r.target.nodeName;
        changes.push(`${r.type} ${r.attributeName ?? ''} in ${where}`);
      }
    };
    addEventListener('load', () => {
      // Watching from here proves something only if the takeover had not happened yet.
      (window as any).__watchedBeforeTakeover = !document.documentElement.hasAttribute('data-app');
      const observer = new MutationObserver(note);
      observer.observe(document.getElementById('app')!, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
      // The changes so far, those the observer has not been handed yet included.
      (window as any).__changes = () => (note(observer.takeRecords()), changes);
    });
  });
  for (const path of [articlePath, '', 'chuyen-muc/tin-hoat-dong/']) {
    await page.goto(seed + path);
    expect(await appStarted(page), path).toBe('hydrated');
    // Two frames after the takeover, what it queued (effects, tasks, animation-frame callbacks) has
    // run; `takeRecords()` then hands over every change made until now, delivered or not.
    await nextFrames(page);
    expect(await page.evaluate(() => (window as any).__watchedBeforeTakeover), path).toBe(true);
    expect(await page.evaluate(() => (window as any).__changes()), path).toEqual([]);
  }
});

test('a link tapped while the app is still taking over the page is followed by the browser', async ({ page }) => {
  // A slow phone: once the takeover has begun (`html[data-app-starting]`), each task the app
  // queues without a delay waits 2 s, which leaves time to tap between the header's takeover
  // and the content's even on a busy test machine.
  await page.addInitScript(() => {
    const setTimeout = window.setTimeout.bind(window);
    const slow = () => document.documentElement.hasAttribute('data-app-starting');
    (window as any).setTimeout = (f: TimerHandler, delay?: number, ...rest: unknown[]) =>
      setTimeout(f, delay || (slow() ? 2000 : 0), ...rest);
  });
  const errors = watchForErrors(page);
  await page.goto(seed + articlePath);
  await expect(page.locator('html[data-app-starting]')).toHaveCount(1);
  await markDocument(page);
  await page.locator('.site-header__brand').click();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  // A page load, not a navigation within a page the app had not taken over yet.
  expect(await isSameDocument(page)).toBe(false);
  expect(await appStarted(page)).toBe('hydrated');
  expect(errors).toEqual([]);
});

test('a page from a newer build of the site is loaded as a document, not shown in place', async ({ page }) => {
  // A tab left open across an update: the page it fetches may need the newer app.
  const errors = watchForErrors(page);
  await page.goto(seed);
  expect(await appStarted(page)).toBe('hydrated');
  await markDocument(page);
  let rewritten = 0;
  await page.route('**/bai-viet/**', async (route) => {
    if (rewritten++ > 0) return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(/"build":"[^"]*"/, '"build":"khcn-cantho-ffffffffffffffff"');
    await route.fulfill({ response, body });
  });
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  expect(await appStarted(page)).toBe('hydrated');
  expect(await isSameDocument(page)).toBe(false);
  await expect(page).toHaveURL(seed + articlePath);
  expect(rewritten).toBe(2);
  expect(errors).toEqual([]);
});

test('a page of a newer build whose data arrived before the click is loaded at its own address', async ({ page }) => {
  // The reader rests on the link, its data arrives, then the tap: the app meets the newer build
  // while the router is still moving, and must load the page asked for, not the one left.
  await page.goto(seed);
  expect(await appStarted(page)).toBe('hydrated');
  await markDocument(page);
  await page.route('**/data/bai-viet/**', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/"build":"[^"]*"/, '"build":"khcn-cantho-ffffffffffffffff"');
    await route.fulfill({ response, body });
  });
  const link = page.getByRole('link', { name: SEED_TITLE });
  const data = page.waitForResponse((r) => r.url().includes('/data/bai-viet/'));
  await link.hover();
  await data;
  await link.click();
  await expect(page).toHaveURL(seed + articlePath);
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  expect(await isSameDocument(page)).toBe(false);
});

test('every page loads the one app, the search page too', async ({ page }) => {
  const apps: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname;
    // trunk writes its content hash without leading zeros: 15 digits one build in sixteen.
    if (file.endsWith('.wasm')) apps.push(file.replace(/-[0-9a-f]{1,16}_bg\.wasm$/, ''));
  });
  for (const path of ['', articlePath, 'chuyen-muc/tin-hoat-dong/', '404.html', 'tim-kiem/?q=co+do']) {
    await page.goto(seed + path);
    await appStarted(page);
  }
  await expect(page.locator('.result')).toHaveCount(1);
  expect([...new Set(apps)]).toEqual(['/khcn-cantho']);
});

test('no request leaves the site at run time', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:4301/') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(seed + articlePath);
  await appStarted(page);
  await page.getByRole('link', { name: 'Trang chủ' }).first().click();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  expect(foreign).toEqual([]);
});

/** Fetches an XML file and parses it with the browser's own parser, from a page of the site
 * (Chromium's view of a bare XML file styles itself inline, which the site's policy refuses). */
async function parseXml(page: Page, url: string) {
  await page.goto(new URL('404.html', url).href);
  return page.evaluate(async (url) => {
    const xml = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      items: [...doc.querySelectorAll('item')].map((i) => ({
        title: i.querySelector('title')?.textContent,
        link: i.querySelector('link')?.textContent,
        pubDate: i.querySelector('pubDate')?.textContent,
      })),
      urls: [...doc.getElementsByTagName('loc')].map((l) => l.textContent),
      self: doc.getElementsByTagName('atom:link')[0]?.getAttribute('href') ?? null,
    };
  }, url);
}

test('feed.xml and sitemap.xml are XML listing exactly the bundle articles', async ({ page, request }) => {
  const feed = await parseXml(page, seed + 'feed.xml');
  expect(feed.error).toBeNull();
  expect(feed.items).toEqual([
    { title: SEED_TITLE, link: `${origin}/${articlePath}`, pubDate: 'Sun, 13 Aug 2023 15:11:00 +0700' },
  ]);
  expect(feed.self).toBe(`${origin}/feed.xml`);
  const sitemap = await parseXml(page, seed + 'sitemap.xml');
  expect(sitemap.error).toBeNull();
  expect(sitemap.urls.sort()).toEqual(everyPage.map((p) => `${origin}/${p}`).sort());
  const robots = await (await request.get(seed + 'robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
});

test('text files have precompressed .br and .gz siblings', async ({ request }) => {
  const html = await (await request.get(seed + articlePath + 'index.html')).body();
  for (const ext of ['br', 'gz']) {
    const response = await request.get(seed + articlePath + 'index.html.' + ext);
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBeLessThan(html.length);
  }
  const index = await (await request.get(seed)).text();
  const wasm = /[`'"]\/([^`'"]+\.wasm)[`'"]/.exec(index)![1];
  expect((await request.get(seed + wasm + '.br')).status()).toBe(200);
  expect((await request.get(seed + 'data/trang/1.json.gz')).status()).toBe(200);
});

test('links to pages open in the app, with one history entry each; files and new tabs are the browser\'s', async ({ page, context }) => {
  const errors = watchForErrors(page);
  await page.goto(seed);
  expect(await appStarted(page)).toBe('hydrated');
  await markDocument(page);
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  const category = page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Tin hoạt động' });
  await category.click();
  await expect(page.locator('h1')).toHaveText('Tin hoạt động');
  expect(await entries()).toBe(start + 1);
  // The page already shown: no second entry, so one Back leaves it.
  await category.click();
  await category.click();
  expect(await entries()).toBe(start + 1);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  expect(await isSameDocument(page)).toBe(true);
  // Ctrl+click opens a new tab and leaves this page where it is.
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: SEED_TITLE }).click({ modifiers: ['Control'] });
  await (await opened).close();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  expect(errors).toEqual([]);
  // A file of the site is loaded by the browser, not shown as a missing page of the app. (The
  // browser then asks for /favicon.ico, which the site does not have: not the app's error.)
  await page.getByRole('link', { name: 'Tin mới qua RSS' }).click();
  await expect(page).toHaveURL(seed + 'feed.xml');
  await expect(page.locator('rss channel > title')).toHaveCount(1);
});

test.describe('built with --public-url /tin-tuc/', () => {
  const base = SITES.subPath.url; // http://127.0.0.1:4305/tin-tuc/

  test('the listing → article → listing journey stays under the prefix', async ({ page }) => {
    const errors = watchForErrors(page);
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(base);
    expect(await appStarted(page)).toBe('hydrated');
    await expect(page.locator('h1')).toHaveText('Tin mới nhất');
    await markDocument(page);
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await expect(page).toHaveURL(base + articlePath);
    await expect(page.locator('figcaption')).toHaveText(SEED_CAPTIONS);
    await expect(page.locator('figure img').first()).toHaveJSProperty('complete', true);
    expect(await page.locator('figure img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('figure img').first().evaluate((img: HTMLImageElement) => img.currentSrc)).toContain('/tin-tuc/content/anh/');
    await page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link', { name: 'Tin hoạt động' }).click();
    await expect(page).toHaveURL(base + 'chuyen-muc/tin-hoat-dong/');
    await page.locator('.site-header__brand').click();
    await expect(page).toHaveURL(base);
    await expect(page.locator('h1')).toHaveText('Tin mới nhất');
    // All of it within the app: the document the journey started in.
    expect(await isSameDocument(page)).toBe(true);
    // A deep link opened cold.
    await page.goto(base + articlePath);
    expect(await appStarted(page)).toBe('hydrated');
    await expect(page.locator('h1')).toHaveText(SEED_TITLE);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('canonical URLs, the feed and the sitemap carry the prefix', async ({ page, request }) => {
    const html = await (await request.get(base + articlePath)).text();
    expect(canonicalOf(html)).toBe(`${origin}/tin-tuc/${articlePath}`);
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="${origin}/tin-tuc/content/anh/[0-9a-f]{16}-960\\.jpg">`));
    expect(html).toContain(`href="${origin}/tin-tuc/feed.xml"`);
    const feed = await parseXml(page, base + 'feed.xml');
    expect(feed.items.map((i) => i.link)).toEqual([`${origin}/tin-tuc/${articlePath}`]);
    const sitemap = await parseXml(page, base + 'sitemap.xml');
    expect(sitemap.urls.every((u) => u!.startsWith(`${origin}/tin-tuc/`))).toBe(true);
    expect(sitemap.urls).toHaveLength(everyPage.length);
  });
});

/** The page's canonical address, whatever the order of the link's attributes. */
function canonicalOf(html: string) {
  const link = [...html.matchAll(/<link [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes('rel="canonical"'));
  return /href="([^"]*)"/.exec(link ?? '')?.[1];
}

function decodeEntities(html: string) {
  return html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
