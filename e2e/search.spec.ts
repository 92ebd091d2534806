import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, lessonPath, test } from './fixtures';

/** Types a query and returns the result URLs and the in-browser query time (ms) the page measured. */
async function query(page: Page, q: string) {
  const input = page.getByLabel(/搜索关键词|Search terms/);
  await input.fill(q);
  const results = page.getByTestId('search-results');
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
  zh: [
    { q: '幂等', expect: /\/zh\/learn\/basics\/.*idempot|\/zh\/glossary\/#idempotency/ },
    { q: '死信队列', expect: /dead-letter|dlx/ },
    { q: '顺序消费', expect: /order/ },
    { q: 'ISR', expect: /\/zh\/learn\/kafka\// },
    { q: 'acks=all', expect: /\/zh\/learn\/kafka\// },
    { q: 'x-dead-letter-exchange', expect: /dead-letter|dlx/ },
    { q: '__consumer_offsets', expect: /kafka|consumer-offsets/ },
  ],
  en: [
    { q: 'message queue', expect: /\/en\/learn\/basics\/what-is-mq\// },
    { q: 'idempotency', expect: /\/en\/glossary\/#idempotency/ },
    { q: '幂等', expect: /idempot/ },
    { q: 'acks=all', expect: /kafka/ },
  ],
} as const;

for (const [locale, list] of Object.entries(cases)) {
  test(`search ${locale}: Chinese and technical terms find the right pages`, async ({ page }) => {
    await page.goto(`/${locale}/search/`);
    await expect(page.locator('[data-status="ready"]')).toBeVisible();
    for (const c of list) {
      const { urls, ms } = await query(page, c.q);
      expect(urls.slice(0, 5).some((u) => c.expect.test(u)), `${c.q} → ${urls.slice(0, 5).join(' ')}`).toBe(true);
      expect(ms).toBeLessThan(50);
      timings.push(`${locale} ${c.q}: ${ms.toFixed(2)} ms, ${urls.length} results`);
    }
  });
}

test('search: Ctrl+K from a lesson opens the search page, the query survives a reload', async ({ page }) => {
  await page.goto(lessonPath('zh'));
  await page.keyboard.press('Control+K');
  await expect(page).toHaveURL(/\/zh\/search\/$/);
  await expect(page.getByLabel('搜索关键词')).toBeFocused();
  await query(page, '死信');
  await expect(page).toHaveURL(/\?q=/);
  await page.reload();
  await expect(page.getByLabel('搜索关键词')).toHaveValue('死信');
  await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
});

test('axe: search page with results', async ({ page }) => {
  await page.goto('/en/search/?q=offset');
  await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
