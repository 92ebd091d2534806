import { expect, lessonPath, test } from './fixtures';

/** One page of each type at 360 px: a full-page screenshot (attached to the report) and no sideways scrolling. */
const pages = {
  home: '/zh/',
  track: '/zh/learn/kafka/',
  lesson: lessonPath('zh'),
  'lesson-en': lessonPath('en'),
  library: '/zh/sim/',
  scenario: '/zh/sim/kafka-acks1-leader-crash/',
  practice: '/zh/practice/',
  review: '/zh/review/',
  interview: '/zh/interview/',
  progress: '/zh/progress/',
  glossary: '/en/glossary/',
  search: '/zh/search/?q=幂等',
};

test.use({ viewport: { width: 360, height: 740 } });

for (const [name, path] of Object.entries(pages)) {
  test(`360 px: ${name}`, async ({ page }, testInfo) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const file = testInfo.outputPath(`360-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`360-${name}`, { path: file, contentType: 'image/png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  });
}
