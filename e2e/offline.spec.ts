/**
 * Offline and installable: the service worker (lib/offline/sw.template.js → out/sw.js), its update prompt and the web
 * manifest. Each worker test runs its own static server (e2e/offline-server.ts): its own origin, so no worker or cache
 * survives from another test, and "offline" means both the browser's emulation and a server that cuts every request.
 * Service workers are blocked in every other spec (playwright.config.ts) and allowed only here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, lessonPath, test } from './fixtures';
import { startSite, type Site } from './offline-server';
import { answerShownItem, dict, expectNoViolations } from './practice-helpers';

test.use({ serviceWorkers: 'allow' });
// A first visit caches the visitor's whole locale (≈ 180 files for zh) before the "ready" signal.
test.describe.configure({ timeout: 120_000 });

const READY = 'data-offline-ready';
/** What scripts/gen-sw.mjs records per file: the first hex digits of SHA-256 (as many as the worker holds). */
const contentHash = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);
const ACKS1 = 'kafka-acks1-leader-crash';

let site: Site;
test.beforeEach(async () => {
  site = await startSite();
});
test.afterEach(async () => {
  await site.close();
});

/**
 * Opens `path` on a fresh origin and waits until the worker controls the page and has answered that every file of
 * the page's locale is cached (it sets `data-offline-ready` on <html> to its version). Returns the version.
 */
async function firstVisit(page: Page, path: string): Promise<string> {
  const started = Date.now();
  await page.goto(site.url + path);
  await expect(page.locator('html')).toHaveAttribute(READY, /^[0-9a-f]{12}$/, { timeout: 90_000 });
  const ms = Date.now() - started;
  test.info().annotations.push({ type: 'precache complete', description: `${ms} ms after the first navigation to ${path}` });
  console.log(`[offline] ${path}: precache complete ${ms} ms after the first navigation (${site.requests.length} requests)`);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}/sw.js`);
  return (await page.locator('html').getAttribute(READY)) as string;
}

async function goOffline(context: BrowserContext) {
  site.offline = true;
  await context.setOffline(true);
}

/** Asks the worker controlling the page for its version (a MessageChannel round trip). */
async function controllerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = ({ data }) => resolve(data.version);
        navigator.serviceWorker.controller?.postMessage({ type: 'version' }, [channel.port2]);
      }),
  );
}

async function stepForward(root: Locator, page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    const before = Number(await root.getAttribute('data-step'));
    await page.getByTestId('step').click();
    await expect.poll(async () => Number(await root.getAttribute('data-step'))).toBeGreaterThan(before);
  }
}

test('after a first visit, a lesson reloads offline with its text and a working quiz', async ({ page, context }) => {
  await firstVisit(page, lessonPath('zh'));
  await goOffline(context);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('什么是 MQ？');
  await expect(page.getByRole('region', { name: '30 秒面试回答' })).toContainText('消息中间件');
  // The quiz island hydrated from cached chunks.
  const tf = page.locator('[data-kind="truefalse"]');
  await tf.getByLabel(dict.zh.quiz.false).check();
  await tf.getByRole('button', { name: dict.zh.quiz.check }).click();
  await expect(tf.getByRole('status')).toContainText(dict.zh.quiz.correct);
  // A lesson never opened is there too: the whole locale was cached, not just the visited page.
  await page.goto(`${site.url}/zh/learn/kafka/acks/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main')).toContainText('acks');
});

test('offline, the simulator steps (a share link included) and a practice item is answered', async ({ page, context }) => {
  await firstVisit(page, '/zh/');
  await goOffline(context);

  await page.goto(`${site.url}/zh/sim/${ACKS1}/`);
  const root = page.locator('section[data-state][data-scenario]');
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await stepForward(root, page, 3);
  const step = await root.getAttribute('data-step');
  // The player wrote its state into the query string; the worker ignores it for the lookup, the page restores it.
  await expect(page).toHaveURL(/\?s=/);
  await page.goto(page.url());
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(root).toHaveAttribute('data-step', step as string);

  // Without its trailing slash, as the static host would, the worker redirects to the page's address.
  await page.goto(`${site.url}/zh/practice`);
  await expect(page).toHaveURL(`${site.url}/zh/practice/`);
  await expect(page.getByTestId('matching')).toBeVisible();
  await page.getByRole('button', { name: dict.zh.practice.start }).click();
  await answerShownItem(page.getByTestId('practice-item'), 'zh');
});

test('offline, a page not cached yet shows the offline page in its own language', async ({ page, context }) => {
  await firstVisit(page, lessonPath('zh'));
  await goOffline(context);
  // Only zh was used, so the English lesson was never fetched.
  await page.goto(site.url + lessonPath('en'));
  await expect(page.getByTestId('offline-title')).toHaveText(dict.en.offline.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(page.url()).toBe(site.url + lessonPath('en'));
  await expectNoViolations(page);
});

test.describe('an unknown address offline', () => {
  test.use({ expectNotFound: true });
  test('gets the 404 page, as online', async ({ page, context }) => {
    await firstVisit(page, lessonPath('zh'));
    await goOffline(context);
    const response = await page.goto(`${site.url}/zh/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dict.zh.notFound.title);
  });
});

for (const locale of ['en', 'zh'] as const) {
  test(`${locale}: a new deploy shows the update prompt; Reload switches to it with one reload`, async ({ page }) => {
    const t = dict[locale].offline;
    const oldVersion = await firstVisit(page, lessonPath(locale));
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeEmpty();

    // "Deploy" a new build: a changed manifest and the sw.js a build would write for it (new hash, new version).
    const worker = readFileSync('out/sw.js', 'utf8');
    const manifest = readFileSync('out/manifest.webmanifest', 'utf8');
    const newManifest = manifest.replace('"short_name":"MQ Lab"', '"short_name":"MQ Lab 2"');
    const newVersion = oldVersion.split('').reverse().join('');
    const oldHash = /\["\/manifest\.webmanifest","([0-9a-f]+)"\]/.exec(worker)?.[1] ?? '';
    expect(oldHash).toBe(contentHash(manifest, oldHash.length));
    const newHash = contentHash(newManifest, oldHash.length);
    const newWorker = worker
      .replace(`const VERSION = '${oldVersion}';`, `const VERSION = '${newVersion}';`)
      .replace(`["/manifest.webmanifest","${oldHash}"]`, `["/manifest.webmanifest","${newHash}"]`);
    expect(newWorker).toContain(`'${newVersion}'`);
    expect(newWorker).toContain(newHash);
    const count = (path: string) => site.requests.filter((p) => p === path).length;
    const before = { manifest: count('/manifest.webmanifest'), lesson: count(lessonPath(locale)) };
    site.override('/sw.js', newWorker);
    site.override('/manifest.webmanifest', newManifest);

    // The browser checks sw.js on navigations; a long-open page can ask too. Either way the new worker installs
    // and waits, and the page that an old worker controls offers it, in its own language.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(prompt).toContainText(t.updateAvailable, { timeout: 30_000 });
    await expectNoViolations(page);
    expect(await controllerVersion(page)).toBe(oldVersion);

    // Keyboard: skip link, then Later, then Reload.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: dict[locale].site.skipToContent })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(prompt.getByRole('button', { name: t.later })).toBeFocused();
    await page.keyboard.press('Tab');
    const reload = prompt.getByRole('button', { name: t.reload });
    await expect(reload).toBeFocused();

    let loads = 0;
    page.on('load', () => loads++);
    await page.keyboard.press('Enter');
    // The reloaded page is served by the new worker, from its own cache, and has asked it to cache the locale.
    await expect(page.locator('html')).toHaveAttribute(READY, newVersion, { timeout: 30_000 });
    expect(await controllerVersion(page)).toBe(newVersion);
    expect(await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()).then((m) => m.short_name))).toBe('MQ Lab 2');
    await expect(prompt).toBeEmpty();
    expect(loads).toBe(1);
    // Only the changed file was downloaded again; the others were copied from the old version's cache.
    expect(count('/manifest.webmanifest')).toBe(before.manifest + 1);
    expect(count(lessonPath(locale))).toBe(before.lesson);
  });
}

test('Later hides the prompt without activating the update', async ({ page }) => {
  const oldVersion = await firstVisit(page, lessonPath('en'));
  site.override('/sw.js', readFileSync('out/sw.js', 'utf8').replace(`const VERSION = '${oldVersion}';`, "const VERSION = 'fedcba987654';"));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const prompt = page.getByTestId('update-prompt');
  await prompt.getByRole('button', { name: dict.en.offline.later }).click({ timeout: 30_000 });
  await expect(prompt).toBeEmpty();
  expect(await controllerVersion(page)).toBe(oldVersion);
});

test('a tab coming back into view checks for a new build, at most once an hour', async ({ page }) => {
  const oldVersion = await firstVisit(page, lessonPath('en'));
  site.override('/sw.js', readFileSync('out/sw.js', 'utf8').replace(`const VERSION = '${oldVersion}';`, "const VERSION = 'fedcba987654';"));
  const checks = () => site.requests.filter((p) => p === '/sw.js').length;
  const backInView = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const before = checks();
  // Within the hour since the page loaded: no check.
  await backInView();
  await page.waitForTimeout(1000);
  expect(checks()).toBe(before);
  // An hour and a bit later (the page's clock moved on): the tab checks, and the new build is offered.
  await page.evaluate(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 61 * 60 * 1000;
  });
  await backInView();
  await expect(page.getByTestId('update-prompt')).toContainText(dict.en.offline.updateAvailable, { timeout: 30_000 });
  expect(checks()).toBeGreaterThan(before);
});

test('the web manifest is served as such, with the icons it names', async ({ page, request }) => {
  await page.goto(lessonPath('zh'));
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'MQ Lab', short_name: 'MQ Lab', start_url: '/zh/', scope: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  const purposes = new Set<string>();
  for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
    const png = await request.get(icon.src);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const body = await png.body();
    // PNG header: width and height are the big-endian words at bytes 16 and 20 (IHDR).
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    purposes.add(icon.purpose);
  }
  expect([...purposes].sort()).toEqual(['any', 'maskable']);
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
