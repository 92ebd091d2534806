/**
 * Frame times of the player on a big Kafka cluster (5 brokers, 30 partitions × RF 3), measured in Chromium with
 * requestAnimationFrame during playback at 8×, plus the latency of single steps (keydown → second frame).
 * Reported, not a timed pass/fail: the numbers go to stdout and to the test's attachments.
 *
 * No built-in scenario is that big, so the cluster is built from kafka-key-ordering with config patches carried in
 * the share link (`?s=`): cluster.brokers = b1…b5, clicks has 30 partitions with replication factor 3. The patched
 * scenario is re-validated by the player exactly like a learner's config change.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from './fixtures';

/** Gzipped size of a built script, read from out/ (the static server does not compress). */
const gzipOf = (url: string) => zlib.gzipSync(fs.readFileSync(path.join('out', new URL(url).pathname))).length;

const BASE = 'kafka-key-ordering';
const state = {
  v: 1,
  s: BASE,
  p: [
    { path: ['cluster', 'brokers'], value: ['b1', 'b2', 'b3', 'b4', 'b5'] },
    { path: ['cluster', 'topics', 0, 'partitions'], value: 30 },
    { path: ['cluster', 'topics', 0, 'replicationFactor'], value: 3 },
  ],
  i: [],
  n: 0,
};

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { n: s.length, p50: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +(s[s.length - 1] ?? 0).toFixed(2) };
};

test('JS bytes: the scenario page before and after the player loads', async ({ page }, testInfo) => {
  await page.goto(`/en/sim/${BASE}/`, { waitUntil: 'load' });
  const html = await (await page.request.get(`/en/sim/${BASE}/`)).text();
  const initial = [...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => new URL(m[1], page.url()).href))];
  await expect(page.locator('section[data-state][data-scenario]')).toBeVisible({ timeout: 30_000 });
  // The page's own resource timing, read once the player is visible: unlike Playwright's 'response' events, which
  // arrive asynchronously, every script the player needed is recorded there by the time it has rendered.
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.endsWith('.js')));
  const lazy = [...new Set(scripts)].filter((u) => !initial.includes(u));
  const kib = (urls: string[]) => +(urls.reduce((n, u) => n + gzipOf(u), 0) / 1024).toFixed(1);
  const report = { initialScripts: initial.length, initialGzipKiB: kib(initial), playerScripts: lazy.length, playerGzipKiB: kib(lazy) };
  console.log(`SIM JS ${JSON.stringify(report)}`);
  await testInfo.attach('sim-js.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  expect(lazy.length).toBeGreaterThan(0);
});

test('playback frame times on a 5-broker, 30-partition cluster', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`/en/sim/${BASE}/?s=${Buffer.from(JSON.stringify(state)).toString('base64url')}`);
  const root = page.locator('section[data-state][data-scenario]');
  await expect(root).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sim-alert')).toHaveCount(0);
  const view = page.getByTestId('view-kafka');
  await expect(view.locator('[data-partition]')).toHaveCount(30);
  await expect(view.locator('[data-replica]')).toHaveCount(90);
  const length = Number(await root.getAttribute('data-length'));
  const svgElements = await view.evaluate((el) => el.querySelectorAll('*').length);

  // Single steps: keydown on the stage → two animation frames later (React commit + paint).
  const stage = page.getByTestId('stage');
  await stage.focus();
  const stepLatency = await page.evaluate(async (count) => {
    const el = document.querySelector('[data-testid="stage"]')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const total: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      // Two frames: the one that renders the step, then the one after its paint (so the floor is ~17–33 ms).
      await frame();
      await frame();
      total.push(performance.now() - t0);
    }
    return { total };
  }, 80);

  // Playback at 8×: every animation frame's delta for 6 s, and long animation frames if the browser reports them.
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveText('8×');
  await page.keyboard.press(' ');
  await expect(root).toHaveAttribute('data-state', 'playing');
  const playback = await page.evaluate(async (ms) => {
    const deltas: number[] = [];
    const long: number[] = [];
    let po: PerformanceObserver | null = null;
    try {
      po = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
      po.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      po = null;
    }
    const stepBefore = Number(document.querySelector('section[data-state]')!.getAttribute('data-step'));
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const end = last + ms;
      const tick = (now: number) => {
        deltas.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    po?.disconnect();
    const stepAfter = Number(document.querySelector('section[data-state]')!.getAttribute('data-step'));
    return { deltas, long, steps: stepAfter - stepBefore };
  }, 6000);
  await page.keyboard.press(' ');

  const report = {
    scenario: `${BASE} patched: 5 brokers, 30 partitions, RF 3 (${length} events)`,
    svgElements,
    stepLatencyMs: stats(stepLatency.total),
    playbackFrameDeltaMs: stats(playback.deltas),
    framesOver20ms: playback.deltas.filter((d) => d > 20).length,
    longAnimationFrames: stats(playback.long),
    stepsPlayed: playback.steps,
  };
  console.log(`SIM PERF ${JSON.stringify(report, null, 2)}`);
  await testInfo.attach('sim-perf.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  expect(playback.steps).toBeGreaterThan(10);
});
