import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dict } from './practice-helpers';
import { expect, lessonPath, LOCALES, test } from './fixtures';
import { TERMS, timingSummary } from './search-helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const dialogOf = (page: Page) => page.getByRole('dialog', { name: /站内搜索|Site search/ });
const comboboxOf = (page: Page) => dialogOf(page).getByRole('combobox');

/**
 * Waits until the header island has hydrated (so Ctrl/⌘+K has a listener): the theme toggle marks its pressed
 * button only after hydration, and it hydrates with the search link (one root, no Suspense boundary between them).
 */
async function hydrated(page: Page) {
  await expect(page.getByTestId('theme-toggle').locator('[aria-pressed="true"]')).toHaveCount(1);
}

/** Types a query into the open dialog; returns the options' hrefs in display order and the measured query time. */
async function query(page: Page, q: string) {
  await comboboxOf(page).fill(q);
  const results = dialogOf(page).getByTestId('search-results');
  await expect(results).toHaveAttribute('data-query', q);
  const hrefs = await results.getByRole('option').evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
  return { hrefs, ms: Number(await results.getAttribute('data-query-ms')) };
}

/** The option aria-activedescendant points at. */
async function activeOption(page: Page) {
  const id = await comboboxOf(page).getAttribute('aria-activedescendant');
  expect(id, 'an active option').toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

test('zh lesson: Ctrl+K opens the dialog (index fetched only then), 死信队列 lists the dead-letter lesson, Enter opens it', async ({ page }) => {
  const indexRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/search/index.json')) indexRequests.push(r.url());
  });
  await page.goto(lessonPath('zh'));
  await hydrated(page);
  expect(indexRequests, 'no index before the dialog opens').toEqual([]);

  await page.keyboard.press('Control+K');
  await expect(dialogOf(page)).toBeVisible();
  await expect(comboboxOf(page)).toBeFocused();
  const { hrefs } = await query(page, '死信队列');
  expect(indexRequests).toHaveLength(1);

  const first = await activeOption(page);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  expect(hrefs[0]).toMatch(/^\/zh\/learn\/.*dead-letter/);
  await expect(first).toHaveAttribute('href', hrefs[0]);
  // It stands in the lesson group, under that group's label.
  const group = dialogOf(page).getByRole('group', { name: '课程' });
  await expect(group.getByRole('option').first()).toHaveAttribute('href', hrefs[0]);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
  await expect(page.locator('h1')).toContainText('死信');
});

test('en page: Meta+K opens the dialog; acks=all and ISR find the Kafka lessons; arrows, Home and End move; Escape closes and focus returns', async ({ page }) => {
  await page.goto(lessonPath('en'));
  await hydrated(page);
  const languageSwitch = page.getByTestId('language-switch');
  await languageSwitch.focus();

  await page.keyboard.press('Meta+K');
  await expect(dialogOf(page)).toBeVisible();
  const { hrefs } = await query(page, 'acks=all');
  expect(hrefs[0]).toMatch(/\/learn\/kafka\/acks\/$/);
  const options = dialogOf(page).getByRole('option');
  const idOf = async (i: number) => (await options.nth(i).getAttribute('id')) ?? '';
  const combobox = comboboxOf(page);
  const last = hrefs.length - 1;
  expect(last).toBeGreaterThan(1);

  await page.keyboard.press('ArrowDown');
  await expect(combobox).toHaveAttribute('aria-activedescendant', await idOf(1));
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('End');
  await expect(combobox).toHaveAttribute('aria-activedescendant', await idOf(last));
  await page.keyboard.press('ArrowDown');
  await expect(combobox).toHaveAttribute('aria-activedescendant', await idOf(0));
  await page.keyboard.press('ArrowUp');
  await expect(combobox).toHaveAttribute('aria-activedescendant', await idOf(last));
  await page.keyboard.press('Home');
  await expect(combobox).toHaveAttribute('aria-activedescendant', await idOf(0));

  const isr = await query(page, 'ISR');
  expect(isr.hrefs.slice(0, 5).some((h) => /\/learn\/kafka\//.test(h)), isr.hrefs.join(' ')).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialogOf(page)).toBeHidden();
  await expect(languageSwitch).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${lessonPath('en')}$`));
});

test('the header button opens the dialog and gets focus back; "see all results" opens the search page with ?q=', async ({ page }) => {
  await page.goto('/zh/');
  await hydrated(page);
  const link = page.getByTestId('search-link');
  await link.click();
  await expect(dialogOf(page)).toBeVisible();
  await query(page, '顺序消费');
  await dialogOf(page).getByRole('button', { name: '关闭搜索' }).click();
  await expect(dialogOf(page)).toBeHidden();
  await expect(link).toBeFocused();

  // Reopening keeps the query and its results.
  await link.click();
  await expect(comboboxOf(page)).toHaveValue('顺序消费');
  await dialogOf(page).getByTestId('search-see-all').click();
  await expect(page).toHaveURL(/\/zh\/search\/\?q=%E9%A1%BA%E5%BA%8F%E6%B6%88%E8%B4%B9$/);
  await expect(page.getByLabel('搜索关键词')).toHaveValue('顺序消费');
  await expect(page.getByTestId('search-results').locator('li a[href*="order"]').first()).toBeVisible();
});

for (const locale of LOCALES) {
  test(`${locale}: a loading state, then a clear error with a retry that works`, async ({ page }) => {
    const t = dict[locale].search;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    // The first load is held (loading state), then answered with a truncated body: a broken index, without the
    // console error a failed HTTP status would log (the fixture fails a test on any console error).
    await page.route('**/search/index.json', async (route) => {
      calls += 1;
      if (calls > 1) return route.continue();
      await held;
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"docs":[' });
    });
    await page.goto(lessonPath(locale));
    await hydrated(page);
    await page.keyboard.press('Control+K');
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAttribute('data-status', 'loading');
    await expect(dialog.getByTestId('search-status')).toHaveText(t.loading);

    release();
    await expect(dialog).toHaveAttribute('data-status', 'failed');
    await expect(dialog.getByTestId('search-status')).toHaveText(t.failed);
    await dialog.getByRole('button', { name: t.retry }).click();
    await expect(dialog).toHaveAttribute('data-status', 'ready');
    expect(calls).toBe(2);
    const { hrefs } = await query(page, '幂等');
    expect(hrefs.length).toBeGreaterThan(0);
  });
}

test('query time in the dialog over the seven queries, both locales (full index, in the browser)', async ({ page }) => {
  const all: number[] = [];
  const lines: string[] = [];
  for (const locale of LOCALES) {
    const ms: number[] = [];
    await page.goto(lessonPath(locale));
    await hydrated(page);
    await page.keyboard.press('Control+K');
    await expect(dialogOf(page)).toHaveAttribute('data-status', 'ready');
    for (const term of TERMS) {
      const result = await query(page, term.q);
      expect(result.hrefs.slice(0, 5).some((h) => term.expect.test(h)), `${locale} ${term.q} → ${result.hrefs.join(' ')}`).toBe(true);
      ms.push(result.ms);
    }
    all.push(...ms);
    lines.push(`${locale}: ${timingSummary(ms)} (${ms.map((m) => m.toFixed(2)).join(', ')})`);
  }
  console.log(`search dialog query times (ms, in the browser, full index):\n  ${lines.join('\n  ')}\n  both: ${timingSummary(all)}`);
  expect(Math.max(...all)).toBeLessThan(50);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the dialog open with results (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(lessonPath('zh'));
    await hydrated(page);
    await page.keyboard.press('Control+K');
    await query(page, '死信队列');
    await page.keyboard.press('ArrowDown');
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the dialog is a full-width sheet with usable results', async ({ page }) => {
    await page.goto('/zh/');
    await hydrated(page);
    await page.getByTestId('search-link').click();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    await query(page, 'x-dead-letter-exchange');
    const option = dialog.getByRole('option').first();
    await expect(option).toBeInViewport();
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), 'no sideways scrolling').toBe(true);
    await expect(dialog.getByTestId('search-see-all')).toBeInViewport();
    await option.click();
    await expect(page).toHaveURL(/\/zh\/glossary\/#dead-letter$/);
  });
});

test('without JavaScript the header search link is a plain link to the search page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonPath('zh'));
  await page.getByTestId('search-link').click();
  await expect(page).toHaveURL(/\/zh\/search\/$/);
  await context.close();
});

test('keys pressed inside the open dialog do not drive the simulator behind it', async ({ page }) => {
  await page.goto('/zh/sim/kafka-acks1-leader-crash/');
  const player = page.locator('[data-scenario="kafka-acks1-leader-crash"][data-ready]');
  await expect(player).toHaveAttribute('data-step', '0');
  await hydrated(page);
  await page.getByTestId('search-link').click();
  await expect(dialogOf(page)).toBeVisible();
  await dialogOf(page).getByRole('button', { name: '关闭搜索' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(player).toHaveAttribute('data-step', '0');
  // Control: once the dialog is closed, the same key steps the player.
  await page.keyboard.press('Escape');
  await expect(dialogOf(page)).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(player).not.toHaveAttribute('data-step', '0');
});

test('the shortcut hint says ⌘ K on Apple devices and Ctrl K elsewhere', async ({ page }) => {
  await page.goto('/en/');
  await hydrated(page);
  await expect(page.getByTestId('search-shortcut')).toHaveText('Ctrl K');
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('search-shortcut')).toHaveText('⌘ K');
});
