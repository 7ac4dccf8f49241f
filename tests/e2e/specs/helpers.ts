import { expect, Page, Request } from '@playwright/test';

/** Fails the test on any uncaught error or console error the page reports. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Waits until the wasm app has taken over the page, and returns how ("hydrated" or "rendered"). */
export async function appStarted(page: Page): Promise<string> {
  await expect(page.locator('html[data-app]')).toHaveCount(1, { timeout: 15_000 });
  return (await page.locator('html').getAttribute('data-app')) ?? '';
}

/** Marks the current document, so a test can tell a client-side navigation from a page load. */
export async function markDocument(page: Page) {
  await page.evaluate(() => ((window as any).__sameDocument = true));
}

export async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as any).__sameDocument === true);
}

/** Holds every request for an article's data (which the app fetches to show it) until the
 * returned function is called. That function resolves once every request held has come to its
 * end: answered in full, or failed (the app aborts the request of a page the reader has left). */
export async function holdArticleData(page: Page): Promise<() => Promise<void>> {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  const held: Request[] = [];
  await page.route('**/data/bai-viet/**', async (route) => {
    held.push(route.request());
    await released;
    await route.continue();
  });
  return async () => {
    await expect.poll(() => held.length, 'a request for the article\'s data was held').toBeGreaterThan(0);
    release();
    // `response()` is null for a request that failed; `finished()` waits for the last byte.
    await Promise.all(held.map(async (request) => (await request.response())?.finished()));
  };
}

/** Resolves once the page has rendered two more frames. What the page had queued before the call
 * (promise callbacks, tasks, animation-frame callbacks) has had its turn by then, and a frame has
 * gone through its rendering steps after it: layout, layout-shift entries, lazy-image checks. */
export async function nextFrames(page: Page) {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

export type LayoutShift = { value: number; startTime: number; hadRecentInput: boolean; moved: string[] };

/** Records the page's layout shifts: those reported from now on, or with `sincePageStart` every
 * one since the page began (the browser buffers them). The returned function reads them; it takes
 * the entries the browser has reported but not yet handed to the observer (`takeRecords()`), so
 * none is left out. Shifts right after an input (`hadRecentInput`) are recorded too. */
export async function watchLayoutShifts(page: Page, { sincePageStart = false } = {}): Promise<() => Promise<LayoutShift[]>> {
  await page.evaluate((buffered) => {
    const shifts: unknown[] = [];
    const take = (entries: PerformanceEntryList) => {
      for (const e of entries as any[]) {
        const moved = (e.sources ?? []).map((s: any) => (s.node as Element | null)?.className || s.node?.nodeName || '?');
        shifts.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput, moved });
      }
    };
    const observer = new PerformanceObserver((list) => take(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered });
    (window as any).__layoutShifts = () => {
      take(observer.takeRecords());
      return shifts;
    };
  }, sincePageStart);
  return () => page.evaluate(() => (window as any).__layoutShifts());
}

/** Opens each address in the light and the dark theme, once the app has started, and returns
 * axe's WCAG 2.2 AA violations, each named by its address, theme, rule and elements. */
export async function axeViolationsInBothThemes(page: Page, urls: string[]): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const violations: string[] = [];
  for (const url of urls) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await appStarted(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      violations.push(...results.violations.map((v) => `${url} ${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    }
  }
  return violations;
}
