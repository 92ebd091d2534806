import type { Page } from '@playwright/test';
import { expect, lessonPath, LOCALES, test } from './fixtures';

const TITLES = { zh: '什么是 MQ？', en: 'What is an MQ?' } as const;
const BASICS = { zh: 'MQ 基础', en: 'MQ basics' } as const;

/**
 * Follows "next" links from `start`, checking that each page's "prev" points back, until the last lesson or until
 * `limit` pages were visited (walking all ~60 lessons of both tracks would only test the same link many times).
 */
async function walkPager(page: Page, start: string, limit: number): Promise<string[]> {
  const visited = [start];
  await page.goto(start);
  while (visited.length < limit) {
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) return visited;
    const href = (await next.getAttribute('href')) as string;
    await next.click();
    await expect(page).toHaveURL(href);
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', visited[visited.length - 1]);
    visited.push(href);
  }
  return visited;
}

for (const locale of LOCALES) {
  test(`${locale}: home → track → lesson → prev/next`, async ({ page }) => {
    await page.goto(`/${locale}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
    await expect(page.getByTestId('coverage')).toContainText(/95/);
    await expect(page.locator('[data-track]')).toHaveCount(4);

    await page.locator('[data-track="basics"]').click();
    await expect(page).toHaveURL(`/${locale}/learn/basics/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BASICS[locale]);
    const listed = await page.getByTestId('lesson-list').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed).toContain(lessonPath(locale));

    await page.getByRole('link', { name: new RegExp(TITLES[locale].replace('?', '\\?')) }).click();
    await expect(page).toHaveURL(lessonPath(locale));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES[locale]);
    // The notes' question, verbatim, whatever the locale.
    await expect(page.getByTestId('notes-questions')).toContainText('什么是mq?');
    const crumbs = page.getByRole('navigation', { name: locale === 'zh' ? '面包屑导航' : 'Breadcrumbs' });
    await expect(crumbs.getByRole('link')).toHaveText([locale === 'zh' ? '首页' : 'Home', BASICS[locale]]);
    // TOC anchors point at headings that exist, with the same ids in both locales.
    const anchors = await page.locator('aside nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(anchors).toContain('#definition');
    for (const anchor of anchors) await expect(page.locator(anchor as string)).toHaveCount(1);

    // Prev/next: the walk over the basics track visits every lesson listed on the track page, in order, and then
    // crosses into the next track (one page more) when there is one.
    test.setTimeout(90_000);
    const walked = await walkPager(page, listed[0] as string, listed.length + 1);
    expect(walked.slice(0, listed.length)).toEqual(listed);
  });
}

test('the first lesson has no "previous" link', async ({ page }) => {
  await page.goto('/zh/learn/basics/');
  const first = (await page.getByTestId('lesson-list').getByRole('link').first().getAttribute('href')) as string;
  await page.goto(first);
  await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
});

test('language switch keeps the page', async ({ page }) => {
  for (const path of ['/zh/', '/zh/learn/kafka/', lessonPath('zh')]) {
    await page.goto(path);
    await page.getByTestId('language-switch').click();
    const english = path.replace('/zh/', '/en/');
    await expect(page).toHaveURL(english);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL(path);
  }
});

test('/ offers both languages and forwards to /zh/ without JavaScript', async ({ browser, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('<meta http-equiv="refresh" content="0;url=/zh/"/>');
  expect(html).toContain('href="/zh/"');
  expect(html).toContain('href="/en/"');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh\/$/);
  await context.close();
});

test.describe('404', () => {
  test.use({ expectNotFound: true });
  test('unknown URLs get the bilingual 404 page', async ({ page }) => {
    const response = await page.goto('/zh/learn/basics/no-such-lesson/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the English home page' }).click();
    await expect(page).toHaveURL('/en/');
  });
});
