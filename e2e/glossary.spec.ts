import AxeBuilder from '@axe-core/playwright';
import { expect, lessonPath, test } from './fixtures';

test('glossary: zh ↔ en terms with definitions and lesson links; a lesson term links to its entry', async ({ page }) => {
  await page.goto(lessonPath('zh'));
  const term = page.locator('a[data-term="idempotency"]').first();
  await expect(term).toHaveAttribute('href', '/zh/glossary/#idempotency');
  await term.click();
  await expect(page).toHaveURL(/\/zh\/glossary\/#idempotency$/);
  const entry = page.locator('#idempotency');
  await expect(entry).toContainText('幂等');
  await expect(entry).toContainText('idempotency');
  const usedIn = entry.locator('xpath=..').locator(`a[href="${lessonPath('zh')}"]`);
  await expect(usedIn).toHaveCount(1);
  expect(await page.locator('[data-testid="glossary"] dt').count()).toBeGreaterThanOrEqual(40);

  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/en\/glossary\/$/);
  await expect(page.locator('#dead-letter')).toContainText('dead letter');
});

for (const locale of ['zh', 'en']) {
  test(`axe: glossary ${locale}`, async ({ page }) => {
    test.setTimeout(120_000); // ~1,500 nodes of links: axe needs more than the default 30 s on a 2-core machine
    await page.goto(`/${locale}/glossary/`);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
