/**
 * The lazy simulator embed in a lesson: no player JavaScript until the learner scrolls to it or presses "Run".
 * The default lesson (Kafka acks) embeds its first simulation well below the fold; SIM_EMBED_LESSON=/zh/learn/track/slug/
 * points the test at another lesson.
 */
import { expect, test } from './fixtures';

const LESSON = process.env.SIM_EMBED_LESSON ?? '/zh/learn/kafka/acks/';

test('a lesson loads the player only when the embed scrolls into view', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(LESSON, { waitUntil: 'networkidle' });
  const embed = page.locator('[data-lazy-simulation]').first();
  await expect(embed).toHaveCount(1);
  // The test is only meaningful when the embed starts out of view (more than the 200 px preload margin).
  expect(await embed.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 200)).toBe(true);
  await expect(embed.locator('[data-state="placeholder"]')).toBeVisible();
  await expect(page.locator('section[data-state][data-scenario]')).toHaveCount(0);
  const before = scripts.length;
  await embed.scrollIntoViewIfNeeded();
  // Scoped to this embed: the lesson's next simulation sits within the 200 px preload margin and may load too.
  await expect(embed.locator('section[data-state][data-scenario]')).toBeVisible({ timeout: 15_000 });
  expect(scripts.length).toBeGreaterThan(before);
});

test('pressing "Run" on the placeholder loads the player and plays', async ({ page }) => {
  // Trap: clicking scrolls the embed into view, which makes the IntersectionObserver open the player while the
  // click is in flight (the button detaches and the click times out). Without an observer, only "Run" opens it.
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'IntersectionObserver');
  });
  await page.goto(LESSON);
  const embed = page.locator('[data-lazy-simulation]').first();
  await expect(embed).toHaveCount(1);
  await embed.getByTestId('lazy-play').click();
  const root = embed.locator('section[data-state][data-scenario]');
  await expect(root).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await root.getAttribute('data-step'))).toBeGreaterThan(0);
});
