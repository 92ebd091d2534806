import { expect, lessonPath, test } from './fixtures';

const bg = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('theme: the choice applies at once, persists across pages and reloads, and system follows the OS', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/zh/');
  const light = await bg(page);
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle.getByRole('button', { name: '跟随系统' })).toHaveAttribute('aria-pressed', 'true');

  await toggle.getByRole('button', { name: '深色' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const dark = await bg(page);
  expect(dark).not.toBe(light);

  // Another page, another locale: dark before any script of ours but the inline one has run (no flash).
  await page.goto(lessonPath('en'));
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await bg(page)).toBe(dark);
  await expect(page.getByTestId('theme-toggle').getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');

  // The class is there in the first paint: check it from a script that runs before the page's own bundles.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.className;
    });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toContain('dark');

  // System: no class, and the OS preference decides.
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'System' }).click();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(await bg(page)).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg(page)).toBe(dark);
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' }).click();
  expect(await bg(page)).toBe(light);
});

test('print: a lesson prints as a cheat sheet without chrome, quiz or simulator, with source URLs', async ({ page }) => {
  await page.goto(lessonPath('zh'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header').first()).toBeHidden();
  await expect(page.locator('#quiz')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  const after = await page
    .locator('#sources ~ ul a[href^="http"]')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('http');
});
