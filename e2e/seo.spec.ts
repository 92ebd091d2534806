import { expect, lessonPath, test } from './fixtures';

test('seo: sitemap.xml lists lessons with hreflang alternates and leaves out the blank page', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  expect(xml).toContain(`${lessonPath('zh')}</loc>`);
  expect(xml).toMatch(/hreflang="en" href="[^"]*\/en\/learn\/basics\/what-is-mq\/"/);
  expect(xml).not.toContain('/blank/');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap:');
});

test('seo: a lesson has its own title, description, canonical, hreflang and Open Graph tags', async ({ page }) => {
  await page.goto(lessonPath('en'));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${lessonPath('en')}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', new RegExp(`${lessonPath('zh')}$`));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og\.png$/);
  const og = await page.request.get('/og.png');
  expect(og.headers()['content-type']).toContain('image/png');
});

test.describe('blank page', () => {
  test('is noindex', async ({ page }) => {
    await page.goto('/zh/blank/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
});
