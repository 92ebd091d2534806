import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, lessonPath, test } from './fixtures';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'axe violations',
  ).toEqual([]);
}

const pages = {
  'home zh': '/zh/',
  'home en': '/en/',
  'track with lessons': '/zh/learn/basics/',
  'empty track': '/en/learn/rocketmq/',
  'lesson zh': lessonPath('zh'),
  'lesson en': lessonPath('en'),
};

for (const [name, path] of Object.entries(pages)) {
  test(`axe: ${name}`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page);
  });
}

test('axe: lesson with quiz feedback and open details', async ({ page }) => {
  await page.goto(lessonPath('zh'));
  const single = page.locator('[data-kind="single"]').first();
  await single.locator('input').first().check();
  await single.getByRole('button').click();
  await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
  await expectNoViolations(page);
});

test.describe('404', () => {
  test.use({ expectNotFound: true });
  test('axe: 404 page', async ({ page }) => {
    await page.goto('/does-not-exist/');
    await expectNoViolations(page);
  });
});

test('axe: language choice at /', async ({ page }) => {
  // Disable the meta refresh (in the HTML and in the RSC payload React re-renders it from) so the page stays put.
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll('refresh', 'x-no-refresh');
      await route.fulfill({ response, body });
    },
  );
  await page.goto('/');
  await expect(page.getByRole('link', { name: /English/ })).toBeVisible();
  await expectNoViolations(page);
});
