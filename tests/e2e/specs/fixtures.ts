// Every browser test runs under the site's Content-Security-Policy (the test servers send the
// `_headers` the build wrote, and every page carries the policy as a <meta>): this `test`
// records each policy violation the browser reports, in every page of the test's context,
// and fails the test if there was any.
import { test as base, expect, Page } from '@playwright/test';

export { expect };
export type { Page } from '@playwright/test';

const VIOLATION = /Content Security Policy|Content-Security-Policy|Trusted Type|CSP violation/i;

export const test = base.extend<{ noPolicyViolations: void }>({
  noPolicyViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      const watch = (page: Page) =>
        page.on('console', (message) => {
          if (VIOLATION.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
