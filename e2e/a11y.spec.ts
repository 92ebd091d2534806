import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, lessonPath, test } from './fixtures';
import { answerShownItem, dict } from './practice-helpers';

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
  'track (en)': '/en/learn/rocketmq/',
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

/**
 * Dark mode: the same WCAG 2.1 AA check on every page type with the OS in dark mode. The theme's default is
 * "system" (no class on <html>), so app/globals.css takes the dark tokens from prefers-color-scheme alone; each test
 * first checks that the page really is dark, so a broken emulation cannot pass silently.
 */
test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  /** The dark --color-surface of app/globals.css. */
  const DARK_SURFACE = 'rgb(15, 23, 42)';

  async function expectDarkAndAccessible(page: Page) {
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_SURFACE);
    await expectNoViolations(page);
  }

  async function answerFirstQuizItem(page: Page) {
    const single = page.locator('[data-kind="single"]').first();
    await single.locator('input').first().check();
    await single.getByRole('button').click();
    await expect(single.locator('[data-result]')).toBeVisible();
  }

  const plain = {
    home: '/zh/',
    'home en': '/en/',
    track: '/zh/learn/kafka/',
    'lesson with a simulation embed, callouts and tables': '/zh/learn/kafka/acks/',
    'scenario library': '/zh/sim/',
  };
  for (const [name, path] of Object.entries(plain)) {
    test(`axe dark: ${name}`, async ({ page }) => {
      await page.goto(path);
      await expectDarkAndAccessible(page);
    });
  }

  test('axe dark: lesson with quiz feedback and open details', async ({ page }) => {
    await page.goto(lessonPath('zh'));
    await answerFirstQuizItem(page);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    await expectDarkAndAccessible(page);
  });

  test('axe dark: scenario page, player ready, at the loss', async ({ page }) => {
    await page.goto('/zh/sim/kafka-acks1-leader-crash/');
    const root = page.locator('section[data-state][data-scenario]');
    await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expectDarkAndAccessible(page);
    await page.getByTestId('jump-loss').click();
    await expect.poll(async () => Number(await root.getAttribute('data-step'))).toBeGreaterThan(0);
    await expectDarkAndAccessible(page);
  });

  test('axe dark: practice, with an answered item', async ({ page }) => {
    await page.goto('/zh/practice/');
    await expect(page.getByTestId('matching')).toBeVisible();
    await expectDarkAndAccessible(page);
    await page.getByRole('button', { name: dict.zh.practice.start }).click();
    await answerShownItem(page.getByTestId('practice-item'), 'zh');
    await expectDarkAndAccessible(page);
  });

  test('axe dark: review, with the answer shown', async ({ page }) => {
    await page.goto('/zh/review/');
    await expect(page.getByTestId('review-card')).toBeVisible();
    await expectDarkAndAccessible(page);
    await page.locator('h1').click();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('review-answer')).toBeVisible();
    await expectDarkAndAccessible(page);
  });

  test('axe dark: interview', async ({ page }) => {
    await page.goto('/zh/interview/');
    await expect(page.getByRole('button', { name: dict.zh.interview.start })).toBeVisible();
    await expectDarkAndAccessible(page);
  });

  test('axe dark: progress, with a recorded answer', async ({ page }) => {
    await page.goto(lessonPath('zh'));
    await answerFirstQuizItem(page);
    await page.goto('/zh/progress/');
    await expect(page.getByTestId('accuracy-chart')).toBeVisible();
    await expectDarkAndAccessible(page);
  });

  test('axe dark: glossary', async ({ page }) => {
    test.setTimeout(120_000); // ~1,500 nodes of links: axe needs more than the default 30 s on a 2-core machine
    await page.goto('/zh/glossary/');
    await expectDarkAndAccessible(page);
  });

  test('axe dark: search page with results', async ({ page }) => {
    await page.goto('/zh/search/?q=死信队列');
    await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
    await expectDarkAndAccessible(page);
  });
});
