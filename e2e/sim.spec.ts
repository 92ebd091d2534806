import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ACKS1 = 'kafka-acks1-leader-crash';

const scenarioPath = (locale: string, id: string, search = '') => `/${locale}/sim/${id}/${search}`;

/** The player root (it replaces the server placeholder once its chunk has loaded). */
async function openPlayer(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const root = page.locator('section[data-state][data-scenario]');
  await expect(root).toBeVisible({ timeout: 15_000 });
  await expect(root).toHaveAttribute('data-ready', 'true');
  return root;
}

const stepOf = async (root: Locator) => Number(await root.getAttribute('data-step'));

/** Steps over every event, background ones included (the default stops at foreground events only). */
async function allEvents(page: Page) {
  const box = page.getByTestId('show-background');
  if (!(await box.isChecked())) await box.check();
}

/** Presses "Step forward" `times` times one event at a time, waiting for each step to land (no click races a re-render). */
async function stepForward(page: Page, root: Locator, times: number) {
  await allEvents(page);
  for (let i = 0; i < times; i++) {
    const before = await stepOf(root);
    await page.getByTestId('step').click();
    await expect(root).toHaveAttribute('data-step', String(before + 1));
  }
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'axe violations').toEqual([]);
}

test('the scenario page paints the question and topology without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(scenarioPath('en', ACKS1));
  const placeholder = page.locator('[data-state="placeholder"]');
  await expect(placeholder).toContainText('Topology');
  await expect(placeholder).toContainText('3 brokers');
  await expect(placeholder).toContainText('Question');
  await context.close();
});

test('by default, step and back move between foreground events (background ones are skipped)', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await expect(page.getByTestId('narration')).toContainText(/Step 0 \/ \d+ · event 0 \/ 914/);
  const seen: number[] = [];
  for (let i = 0; i < 4; i++) {
    const before = await stepOf(root);
    await page.getByTestId('step').click();
    await expect.poll(() => stepOf(root)).toBeGreaterThan(before);
    seen.push(await stepOf(root));
  }
  // acks1 has background events (idle fetches) among its first events: four steps cover more than four events.
  expect(seen[3]).toBeGreaterThan(4);
  await expect(page.getByTestId('narration')).toContainText('Step 4 /');
  await page.getByTestId('back').click();
  await expect(root).toHaveAttribute('data-step', String(seen[2]));
  // The scrubber counts stops too.
  await expect(page.getByTestId('scrubber')).toHaveValue('3');
});

test('step, back and scrub move exactly one event at a time', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await expect(root).toHaveAttribute('data-state', 'idle');
  await expect(root).toHaveAttribute('data-step', '0');
  await allEvents(page);
  await stepForward(page, root, 2);
  await expect(root).toHaveAttribute('data-state', 'paused');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('narration')).toContainText('m1');
  await page.getByTestId('scrubber').fill('40');
  await expect(root).toHaveAttribute('data-step', '40');
  // Each log entry jumps to just after its event.
  await page.getByTestId('event-log').getByRole('button').filter({ hasText: '#38' }).click();
  await expect(root).toHaveAttribute('data-step', '38');
});

test('predict first: the outcome stays hidden until revealed, the end is reached or the key moment is jumped to', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-revealed', 'false');
  await expect(page.getByTestId('outcome-lost')).toHaveCount(0);
  await expect(outcome).not.toContainText('m3');
  await expect(page.getByTestId('jump-loss')).toHaveText('Jump to the key moment');
  await expect(page.locator('[data-testid="markers"] [data-marker="loss"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="view-kafka"] [data-lost="true"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(outcome).toHaveAttribute('data-revealed', 'true');
  await expect(page.getByTestId('outcome-lost')).toContainText('m3');
  // Sticky: going back to the start keeps it revealed.
  await page.keyboard.press('Home');
  await expect(root).toHaveAttribute('data-step', '0');
  await expect(outcome).toHaveAttribute('data-revealed', 'true');
  await expect(page.getByTestId('jump-loss')).toHaveText('Jump to the moment data was lost');
  // In a fresh page, the reveal button shows it without moving.
  await page.reload();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-revealed', 'false');
  await page.getByTestId('reveal').click();
  await expect(page.getByTestId('outcome-lost')).toContainText('m3');
});

test('acks=1: m3 is reported lost and "jump to the loss" lands on the truncation', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await page.getByTestId('reveal').click();
  await expect(page.getByTestId('outcome-lost')).toContainText('m3');
  await expect(page.locator('[data-testid="outcome"] tr[data-message="m3"]')).toHaveAttribute('data-fate', 'lost');
  await page.getByTestId('jump-loss').click();
  await expect(page.getByTestId('narration')).toContainText('m3');
  await expect(page.getByTestId('narration')).toContainText(/lost/i);
  // One event earlier, b1 still holds m3: it is drawn with the lost marking.
  await allEvents(page);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.locator('[data-testid="view-kafka"] [data-message="m3"][data-lost="true"]').first()).toBeVisible();
  expect(await stepOf(root)).toBeGreaterThan(0);
});

test('a fault forks the timeline at the current step and is listed', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await stepForward(page, root, 3);
  const lengthBefore = await root.getAttribute('data-length');
  await page.locator('[data-fault="broker.crash:b1"]').click();
  await expect(page.getByTestId('interventions').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('interventions').locator('li').first()).toHaveAttribute('data-at', '3');
  await expect(root).toHaveAttribute('data-step', '4');
  await expect(page.getByTestId('narration')).toContainText('b1 crashes');
  expect(await root.getAttribute('data-length')).not.toBe(lengthBefore);
  // Rewinding before the fault and injecting another discards the old future.
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.locator('[data-fault="broker.crash:b2"]').click();
  await expect(page.getByTestId('interventions').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('interventions').locator('li').first()).toHaveAttribute('data-at', '2');
});

test('a config change replays the scenario (acks=all keeps m3)', async ({ page }) => {
  await openPlayer(page, scenarioPath('en', ACKS1));
  const knob = page.getByTestId('knob-select');
  const index = await knob.locator('option', { hasText: 'acks' }).first().getAttribute('value');
  await knob.selectOption(index!);
  await page.getByTestId('knob-value').selectOption('all');
  await page.getByTestId('knob-apply').click();
  await expect(page.getByTestId('interventions')).toContainText('acks');
  await page.getByTestId('reveal').click();
  await expect(page.getByTestId('outcome-lost')).not.toContainText('m3');
});

test('a share link round-trips scenario, faults and step', async ({ page, context }) => {
  const root = await openPlayer(page, scenarioPath('zh', ACKS1));
  await stepForward(page, root, 5);
  await page.locator('[data-fault="broker.crash:b2"]').click();
  // The first edit of a visit waits for the validator chunk: wait for the fork to land before stepping on.
  await expect(root).toHaveAttribute('data-step', '6');
  await expect(page.getByTestId('interventions').locator('li')).toHaveCount(1);
  await stepForward(page, root, 3);
  await expect(root).toHaveAttribute('data-step', '9');
  await expect(page).toHaveURL(/\?s=/);
  const url = page.url();
  const length = await root.getAttribute('data-length');
  const other = await context.newPage();
  const root2 = await openPlayer(other, url);
  await expect(root2).toHaveAttribute('data-step', '9');
  await expect(root2).toHaveAttribute('data-length', length!);
  await expect(other.getByTestId('interventions').locator('li')).toHaveCount(1);
  // Same event and time (the step counter's granularity is a view preference, not part of the link).
  const tail = (t: string) => t.replace(/^.*?(t = )/, '$1');
  expect(tail(await other.getByTestId('narration').innerText())).toBe(tail(await page.getByTestId('narration').innerText()));
  await other.close();
});

for (const [name, search] of [
  ['garbage', '?s=%%%not-base64'],
  ['truncated JSON', `?s=${Buffer.from('{"v":1,"s":"kafka-acks1').toString('base64url')}`],
  ['wrong version', `?s=${Buffer.from(JSON.stringify({ v: 9 })).toString('base64url')}`],
  ['unknown fault', `?s=${Buffer.from(JSON.stringify({ v: 1, s: ACKS1, p: [], i: [{ at: 2, step: { do: 'rm.rf' } }], n: 3 })).toString('base64url')}`],
  ['step beyond the end', `?s=${Buffer.from(JSON.stringify({ v: 1, s: ACKS1, p: [], i: [], n: 999999 })).toString('base64url')}`],
  ['another scenario', `?s=${Buffer.from(JSON.stringify({ v: 1, s: 'rabbit-simple', p: [], i: [], n: 1 })).toString('base64url')}`],
] as const) {
  test(`a broken link (${name}) shows an alert and falls back to the start`, async ({ page }) => {
    const root = await openPlayer(page, scenarioPath('en', ACKS1, search));
    const alert = page.getByTestId('sim-alert');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('share link is invalid');
    await expect(root).toHaveAttribute('data-step', '0');
    await page.getByTestId('step').click();
    await expect(root).toHaveAttribute('data-step', '1');
    // The alert stays until dismissed, even though the player rewrote the URL.
    await expect(alert).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  });
}

test('keyboard only: tab to the stage, step, jump, speed, play and pause', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', 'rabbit-work-queues'));
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('stage').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByTestId('stage')).toBeFocused();
  // The player root shows a focus ring while keyboard focus is inside it.
  expect(await root.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stepOf(root)).toBeGreaterThanOrEqual(3);
  const three = await stepOf(root);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => stepOf(root)).toBeLessThan(three);
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-state', 'finished');
  await page.keyboard.press('Home');
  await expect(root).toHaveAttribute('data-step', '0');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveText('4×');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed')).toHaveText('2×');
  await page.keyboard.press(' ');
  await expect(root).toHaveAttribute('data-state', 'playing');
  await expect.poll(() => stepOf(root)).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await expect(root).toHaveAttribute('data-state', 'paused');
  // Buttons keep Space for themselves.
  await page.getByTestId('step').focus();
  const before = await stepOf(root);
  await page.keyboard.press(' ');
  await expect.poll(() => stepOf(root)).toBeGreaterThan(before);
});

test('shortcuts work right after load, with focus anywhere but a text field', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stepOf(root)).toBeGreaterThan(0);
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-state', 'finished');
  // A select keeps its arrow keys.
  await page.keyboard.press('Home');
  await page.getByTestId('knob-select').focus();
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-step', '0');
});

test('the library lists every system and filters by system and topic', async ({ page }) => {
  await page.goto('/zh/sim/');
  const cards = page.getByTestId('scenario-list').locator(':scope > li');
  const all = await cards.count();
  expect(all).toBeGreaterThan(10);
  for (const s of ['kafka', 'rabbitmq', 'rocketmq']) await expect(page.locator(`[data-system="${s}"]`).first()).toBeVisible();
  await page.getByTestId('filter-system').selectOption('rabbitmq');
  await expect(page.locator('[data-system="kafka"]')).toHaveCount(0);
  const rabbit = await cards.count();
  expect(rabbit).toBeLessThan(all);
  await page.getByTestId('filter-topic').selectOption('dlx');
  expect(await cards.count()).toBeLessThan(rabbit);
  await cards.first().getByRole('link').first().click();
  await expect(page.locator('section[data-state][data-scenario]')).toBeVisible({ timeout: 15_000 });
});

test('axe: scenario library (zh, en)', async ({ page }) => {
  await page.goto('/zh/sim/');
  await expectNoViolations(page);
  await page.goto('/en/sim/');
  await expectNoViolations(page);
});

for (const [locale, id] of [
  ['en', ACKS1],
  ['zh', 'rabbit-ttl-dlx-retry'],
  ['en', 'rocket-txn-checkback'],
] as const) {
  test(`axe and screenshot: ${id} (${locale})`, async ({ page }, testInfo) => {
    const root = await openPlayer(page, scenarioPath(locale, id));
    const length = Number(await root.getAttribute('data-length'));
    const lossAt = page.getByTestId('jump-loss');
    if (await lossAt.isEnabled()) {
      await lossAt.click();
      await allEvents(page);
      await page.getByTestId('step').focus();
      await page.keyboard.press('ArrowLeft');
    } else {
      await page.getByTestId('scrubber').fill(String(Math.floor(length / 3)));
    }
    await page.getByRole('button', { name: /Show the state as a table|以表格显示当前状态/ }).click();
    await expectNoViolations(page);
    // Written into test-results/ (kept after the run) and attached to the report.
    const view = testInfo.outputPath(`${id}-view.png`);
    const player = testInfo.outputPath(`${id}-player.png`);
    await page.getByTestId('stage').screenshot({ path: view });
    await root.screenshot({ path: player });
    await testInfo.attach(`${id}-view.png`, { path: view, contentType: 'image/png' });
    await testInfo.attach(`${id}-player.png`, { path: player, contentType: 'image/png' });
  });
}

test('reduced motion: messages move instantly', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await page.getByTestId('step').click();
  await expect(root).toHaveAttribute('data-step', '1');
  const property = await page.locator('[data-testid="flights"] > g').first().evaluate((el) => getComputedStyle(el).transitionProperty);
  expect(property).toBe('none');
  await context.close();
});

test('the state table shows the state and follows the step (the screen-reader view of the picture)', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await expect(page.getByTestId('state-table')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the state as a table' }).click();
  const table = page.getByTestId('state-table');
  await expect(table.locator('caption').first()).toContainText('State after step 0');
  await stepForward(page, root, 2);
  await expect(table.locator('caption').first()).toContainText(`State after step ${await stepOf(root)}`);
  await page.getByRole('button', { name: 'Hide the state table' }).click();
  await expect(table).toHaveCount(0);
});

// Narration comes from the build's data for an unedited run, and from the narration code after an edit or for a
// run too long to ship its narration (rocket-retry-dlq narrates 47,599 events). Either way the learner reads
// sentences, never the raw event kind the player falls back to when narration is missing.
const RAW_KIND = /\b(kafka|rabbit|rocket)\.[a-z]+(\.[a-zA-Z]+)*\b/;
for (const [id, locale] of [
  [ACKS1, 'zh'],
  ['rocket-retry-dlq', 'en'],
] as const) {
  test(`narration is real text in the log and the caption (${id}, ${locale})`, async ({ page }) => {
    const root = await openPlayer(page, scenarioPath(locale, id));
    await stepForward(page, root, 3);
    await expect(page.getByTestId('narration')).not.toHaveText(RAW_KIND);
    const log = await page.getByTestId('event-log').innerText();
    expect(log).not.toMatch(RAW_KIND);
    expect(log.length).toBeGreaterThan(40);
  });
}

test('after an edit the narration is computed in the browser (the narration code loads with the validator)', async ({ page }) => {
  const root = await openPlayer(page, scenarioPath('en', ACKS1));
  await stepForward(page, root, 3);
  await page.locator('[data-fault="broker.crash:b1"]').click();
  await expect(root).toHaveAttribute('data-step', '4');
  await expect(page.getByTestId('narration')).toContainText('b1 crashes');
  await expect(page.getByTestId('narration')).not.toHaveText(RAW_KIND);
});
