// Photos on a mid-range phone: the small variant, and nothing below the fold before scrolling.
import { expect, test } from './fixtures';
import { SEED_SLUG, SITES } from '../sites';
import { appStarted, nextFrames } from './helpers';

test.describe('a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

  test('gets the small WebP variant, and no photo below the fold until it scrolls', async ({ page }) => {
    const photos: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/content/')) photos.push(path);
    });
    await page.goto(SITES.seed.url + `bai-viet/${SEED_SLUG}/`);
    await appStarted(page);
    // The first photo, which loads at once, and those the browser fetches ahead of the reader:
    // Chromium starts a lazy photo 1,250 px before it would scroll into view (fast connection).
    // Photos farther down than that are not fetched before the reader scrolls.
    const lookahead = 740 + 1250;
    const tops = await page.locator('figure img').evaluateAll((imgs) => imgs.map((img) => img.getBoundingClientRect().top));
    const fetchedAhead = tops.filter((top, i) => i === 0 || top <= lookahead).length;
    expect(tops.length - fetchedAhead).toBeGreaterThan(0);
    // Those photos arrive and are decoded (their layout is final); two frames later the browser
    // has checked every lazy photo against this layout, so any it meant to fetch has been asked for.
    await page.locator('figure img').evaluateAll(
      (imgs, n) => Promise.all(imgs.slice(0, n).map((img) => (img as HTMLImageElement).decode())),
      fetchedAhead,
    );
    await nextFrames(page);
    expect(photos).toHaveLength(fetchedAhead);
    // At 480 px, in WebP.
    expect(photos[0]).toMatch(/^\/content\/anh\/[0-9a-f]{16}-480\.webp$/);
    const first = page.locator('figure img').first();
    expect(await first.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(photos[0]);
    // Scrolling down fetches the others (the browser starts a little ahead), small ones too.
    await page.locator('figure').nth(4).scrollIntoViewIfNeeded();
    await expect.poll(() => photos.length).toBe(5);
    expect(photos.every((p) => /-480\.webp$/.test(p))).toBe(true);
  });
});

test('a wide screen gets the larger variant', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const photos: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/content/')) photos.push(path);
  });
  await page.goto(SITES.seed.url + `bai-viet/${SEED_SLUG}/`);
  // The first photo, which loads at once, has arrived: it was the first asked for.
  const first = page.locator('figure img').first();
  await first.evaluate((img: HTMLImageElement) => img.decode());
  expect(photos[0]).toMatch(/-960\.webp$/);
  expect(await first.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(photos[0]);
});

test('nothing of the app asks the network before the page has painted: its glue, its wasm and the page\'s hydration data', async ({ page }) => {
  await page.goto(SITES.seed.url + `bai-viet/${SEED_SLUG}/`);
  await appStarted(page);
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const app = performance
      .getEntriesByType('resource')
      .filter((entry) => /_bg\.wasm$|\/khcn-cantho-[0-9a-f]+\.js$|\/khoi-dong\//.test(entry.name))
      .map((entry) => ({ file: new URL(entry.name).pathname.replace(/[0-9a-f]{16}/, '<hash>'), afterPaint: entry.startTime >= paint }));
    return { paint, app };
  });
  expect(timing.paint).toBeGreaterThan(0);
  expect(timing.app.map((r) => r.file).sort()).toEqual(['/khcn-cantho-<hash>.js', '/khcn-cantho-<hash>_bg.wasm', '/khoi-dong/<hash>.js']);
  expect(timing.app.filter((r) => !r.afterPaint)).toEqual([]);
});
