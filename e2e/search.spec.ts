import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TERMS } from './search-helpers';

/** Types a query and returns the result URLs and the in-browser query time (ms) the page measured. */
async function query(page: Page, q: string) {
  const input = page.getByLabel(/搜索关键词|Search terms/);
  await input.fill(q);
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('data-query', q);
  await expect(page.getByTestId('search-status')).not.toBeEmpty();
  const urls = await results.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const ms = Number(await results.getAttribute('data-query-ms'));
  return { urls, ms };
}

const timings: string[] = [];

test.afterAll(() => {
  // The issue asks for the query time on the full index, measured in the browser: printed for the closing note.
  if (timings.length) console.log(`search query times (ms, in the browser, full index):\n  ${timings.join('\n  ')}`);
});

const cases = {
  zh: [...TERMS],
  en: [
    ...TERMS,
    { q: 'what is an MQ', expect: /\/en\/learn\/basics\/what-is-mq\// },
    { q: 'idempotency', expect: /\/en\/glossary\/#idempotency/ },
  ],
};

for (const [locale, list] of Object.entries(cases)) {
  test(`search ${locale}: Chinese and technical terms find the right pages`, async ({ page }) => {
    await page.goto(`/${locale}/search/`);
    await expect(page.locator('[data-status="ready"]')).toBeVisible();
    for (const c of list) {
      const { urls, ms } = await query(page, c.q);
      expect(urls.slice(0, 5).some((u) => c.expect.test(u)), `${c.q} → ${urls.slice(0, 5).join(' ')}`).toBe(true);
      // Results stay in the page's locale (the en index also lists the zh lessons not translated yet).
      expect(urls.filter((u) => !u.startsWith(`/${locale}/`) && !u.startsWith('/zh/learn/')), c.q).toEqual([]);
      expect(ms).toBeLessThan(50);
      timings.push(`${locale} ${c.q}: ${ms.toFixed(2)} ms, ${urls.length} results`);
    }
  });
}

test('search page: Ctrl+K and the header button focus its own input (no dialog), the query survives a reload', async ({ page }) => {
  await page.goto('/zh/search/');
  await expect(page.locator('[data-status="ready"]')).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+K');
  await expect(page.getByLabel('搜索关键词')).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  await page.getByTestId('search-link').click();
  await expect(page.getByLabel('搜索关键词')).toBeFocused();
  await expect(page).toHaveURL(/\/zh\/search\/$/);
  await expect(page.getByTestId('search-dialog')).toHaveCount(0);
  await query(page, '死信');
  await expect(page).toHaveURL(/\?q=/);
  await page.reload();
  await expect(page.getByLabel('搜索关键词')).toHaveValue('死信');
  await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
});

test('search page: results are grouped by kind under headings, in the order of each group\'s best hit', async ({ page }) => {
  await page.goto('/zh/search/?q=acks%3Dall');
  const groups = page.getByTestId('search-results').locator('[data-group]');
  await expect(groups.first()).toBeVisible();
  const kinds = await groups.evaluateAll((all) => all.map((g) => g.getAttribute('data-group')));
  expect(new Set(kinds).size, 'one group per kind').toBe(kinds.length);
  expect(kinds.length).toBeGreaterThan(1);
  expect(kinds[0]).toBe('lesson');
  for (const [i, kind] of kinds.entries()) {
    await expect(groups.nth(i).getByRole('heading', { level: 2 })).toBeVisible();
    const inGroup = await groups.nth(i).locator('li').evaluateAll((all) => all.map((li) => li.getAttribute('data-kind')));
    expect(inGroup.every((k) => k === kind)).toBe(true);
  }
});

test('axe: search page with results', async ({ page }) => {
  await page.goto('/en/search/?q=offset');
  await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
