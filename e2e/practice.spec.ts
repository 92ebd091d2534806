import { expect, LESSON, LOCALES, test } from './fixtures';
import { answerShownItem, dict, expectNoViolations, storedProgress } from './practice-helpers';

const topic = `${LESSON.track}/${LESSON.slug}`;

for (const locale of LOCALES) {
  const t = dict[locale];

  test(`${locale}: a full practice session, with feedback, a summary and recorded attempts`, async ({ page }) => {
    await page.goto(`/${locale}/practice/`);
    await expect(page.getByTestId('matching')).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel(t.practice.topic).selectOption(topic);
    await page.getByLabel(t.practice.size).selectOption('all');
    const matching = Number((await page.getByTestId('matching').textContent())?.match(/\d+/)?.[0]);
    expect(matching).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: t.practice.start }).click();

    for (let i = 0; i < matching; i++) {
      const item = page.getByTestId('practice-item');
      await expect(item.getByRole('heading', { level: 2 })).toContainText(String(i + 1));
      const next = item.getByRole('button', { name: i + 1 === matching ? t.practice.finish : t.practice.next });
      await expect(next).toBeDisabled();
      await answerShownItem(item, locale);
      // Immediate feedback: the explanation and a link to the lesson section.
      await expect(item.getByRole('link', { name: t.quiz.seeSection })).toHaveAttribute('href', new RegExp(`/${locale}/learn/${topic}/`));
      if (i === 0) await expectNoViolations(page);
      await next.click();
    }

    const summary = page.getByTestId('practice-summary');
    await expect(summary.getByRole('heading', { name: t.practice.summaryTitle })).toBeFocused();
    const [right, total] = ((await summary.getByTestId('score').textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    expect(total).toBe(matching);
    const toReview = summary.getByTestId('to-review').locator('li');
    await expect(toReview).toHaveCount(total - right);
    await expectNoViolations(page);
    expect((await storedProgress(page)).attempts).toHaveLength(matching);

    if (right < total) {
      await summary.getByRole('button', { name: t.practice.again }).click();
      await expect(page.getByTestId('practice-item').getByRole('heading', { level: 2 })).toContainText(String(total - right));
    }
  });

  test(`${locale}: weak spots practise only what was answered wrong`, async ({ page }) => {
    await page.goto(`/${locale}/practice/`);
    await page.getByLabel(t.practice.weak).check();
    await expect(page.getByTestId('matching')).toHaveText(t.practice.noneMatching);
    await expect(page.getByRole('button', { name: t.practice.start })).toBeDisabled();
    const key = await page.evaluate(async (l) => ((await (await fetch(`/${l}/practice/items.json`)).json()) as { items: { key: string }[] }).items[0].key, locale);
    await page.evaluate(
      ({ key }) =>
        localStorage.setItem(
          'mqlab.progress',
          JSON.stringify({ version: 1, lessons: {}, attempts: [{ item: key, correct: false, at: Date.now(), via: 'practice' }], cards: {}, interviews: [], days: [] }),
        ),
      { key },
    );
    await page.reload();
    await page.getByLabel(t.practice.weak).check();
    await expect(page.getByTestId('matching')).toHaveText(t.practice.matching.replace('{n}', '1'));
  });
}

test('zh: a predict item is answered, graded by the engine report, and replayed in the simulator', async ({ page }) => {
  const t = dict.zh;
  await page.goto('/zh/practice/');
  const data = await page.evaluate(async () => (await (await fetch('/zh/practice/items.json')).json()) as { items: { key: string; expected?: boolean; item: { kind: string; scenario?: string } }[] });
  const predict = data.items.find((x) => x.item.kind === 'predict');
  expect(predict, 'content has a predict item').toBeDefined();
  if (!predict) return;

  // A lesson's predict item links here with ?item=…; the session starts on it.
  await page.goto(`/zh/practice/?item=${encodeURIComponent(predict.key)}`);
  const item = page.getByTestId('practice-item');
  await expect(item).toHaveAttribute('data-kind', 'predict');
  await item.getByLabel(t.quiz.yes, { exact: true }).check();
  await item.getByRole('button', { name: t.quiz.check }).click();
  // Answering "yes" is right exactly when the engine's report says the fate holds.
  await expect(item.locator('[data-result]')).toHaveAttribute('data-result', predict.expected ? 'correct' : 'incorrect');
  await expect(item.getByTestId('engine-verdict')).toBeVisible();

  const replay = item.getByTestId('replay');
  await expect(replay).toBeVisible();
  // The embed loads as it scrolls into view (or on "play"); then the learner plays the scenario.
  const player = replay.locator('section[data-state][data-scenario]');
  await expect(player).toBeVisible({ timeout: 15_000 });
  await player.getByTestId('play').click();
  await expect(player).toHaveAttribute('data-scenario', predict.item.scenario ?? '');
  await expect.poll(async () => Number(await player.getAttribute('data-step')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.mouse.move(0, 0);
  await expectNoViolations(page);
});

test('zh: a lesson predict item links to practice on that item', async ({ page }) => {
  const data = await (await page.request.get('/zh/practice/items.json')).json() as { items: { key: string; href: string; item: { kind: string } }[] };
  const predict = data.items.find((x) => x.item.kind === 'predict');
  if (!predict) return;
  await page.goto(predict.href.split('#')[0]);
  const link = page.locator(`[data-kind="predict"] a`).first();
  await expect(link).toHaveAttribute('href', /\/practice\/\?item=/);
  await link.click();
  await expect(page.getByTestId('practice-item')).toHaveAttribute('data-kind', 'predict');
});
