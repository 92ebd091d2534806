/**
 * Every e2e test uses this `test`: it fails the test on any console error or uncaught page error, so "no console
 * errors on any page" holds for every page a test visits.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ expectNotFound: boolean; consoleErrors: string[] }>({
  /** Set in 404 tests: the browser logs the document's own 404 status as a console error; only that is allowed. */
  expectNotFound: [false, { option: true }],
  consoleErrors: [
    async ({ page, expectNotFound }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const ownNotFound = expectNotFound && msg.location().url === page.url() && /status of 404/.test(msg.text());
        if (!ownNotFound) errors.push(`console: ${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the pages this test visited').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const LOCALES = ['zh', 'en'] as const;
export const LESSON = { track: 'basics', slug: 'what-is-mq' } as const;
export const lessonPath = (locale: string) => `/${locale}/learn/${LESSON.track}/${LESSON.slug}/`;
