/**
 * The lazy simulator embed in a lesson: no player JavaScript until the learner scrolls to it or presses "Run".
 * Skips while no lesson embeds a simulation (components/mdx/Simulation.tsx wires <LazySimulation> in); set
 * SIM_EMBED_LESSON=/zh/learn/track/slug/ to point it at a specific lesson.
 */
import { expect, lessonPath, test } from './fixtures';

const LESSON = process.env.SIM_EMBED_LESSON ?? lessonPath('zh');

test('a lesson loads the player only when the embed scrolls into view', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(LESSON, { waitUntil: 'networkidle' });
  const embed = page.locator('[data-lazy-simulation]').first();
  test.skip((await embed.count()) === 0, `no <LazySimulation> on ${LESSON} yet`);
  const inView = await embed.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight + 200);
  test.skip(inView, 'the embed is above the fold on this lesson: nothing to defer');
  await expect(embed.locator('[data-state="placeholder"]')).toBeVisible();
  await expect(page.locator('section[data-state][data-scenario]')).toHaveCount(0);
  const before = scripts.length;
  await embed.scrollIntoViewIfNeeded();
  await expect(page.locator('section[data-state][data-scenario]')).toBeVisible({ timeout: 15_000 });
  expect(scripts.length).toBeGreaterThan(before);
});

test('pressing "Run" on the placeholder loads the player and plays', async ({ page }) => {
  await page.goto(LESSON);
  const embed = page.locator('[data-lazy-simulation]').first();
  test.skip((await embed.count()) === 0, `no <LazySimulation> on ${LESSON} yet`);
  await embed.getByTestId('lazy-play').click();
  const root = page.locator('section[data-state][data-scenario]');
  await expect(root).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await root.getAttribute('data-step'))).toBeGreaterThan(0);
});
