import { expect, Page } from '@playwright/test';

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
 * returned function is called. */
export async function holdArticleData(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/data/bai-viet/**', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
