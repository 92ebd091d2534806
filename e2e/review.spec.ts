import { expect, LOCALES, test } from './fixtures';
import { DAY, dict, expectNoViolations, KEYS, storedProgress } from './practice-helpers';

const count = async (text: string | null) => Number(text?.match(/\d+/)?.[0]);

for (const locale of LOCALES) {
  const t = dict[locale];

  test(`${locale}: a card rated Easy leaves the queue and comes due after simulated days (keyboard only)`, async ({ page }) => {
    await page.goto(`/${locale}/review/`);
    const card = page.getByTestId('review-card');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('due-count')).toHaveText(t.review.due.replace('{n}', '0'));
    const fresh = await count(await page.getByTestId('new-count').textContent());
    const key = await card.getAttribute('data-card');
    await expectNoViolations(page);

    // Space reveals (focus on the page, not on a control), 4 rates Easy.
    await page.locator('h1').click();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('review-answer')).toBeVisible();
    await expectNoViolations(page);
    await page.keyboard.press('4');
    await expect(page.getByTestId('new-count')).toHaveText(t.review.fresh.replace('{n}', String(fresh - 1)));
    await expect(card).not.toHaveAttribute('data-card', key ?? '');
    const due = (await storedProgress(page)).cards[key ?? ''].due;
    expect(due).toBeGreaterThan(Date.now() + DAY);

    // Home shows the same counts.
    await page.goto(`/${locale}/`);
    await expect(page.getByTestId('home-due')).toHaveText(t.homeProgress.due.replace('{n}', '0'));

    // Simulated time (the documented test hook: a clock offset only) makes it due again.
    await page.evaluate(({ k, ms }) => localStorage.setItem(k, String(ms)), { k: KEYS.clock, ms: due - Date.now() + 60_000 });
    await page.reload();
    await expect(page.getByTestId('home-due')).toHaveText(t.homeProgress.due.replace('{n}', '1'));
    await page.goto(`/${locale}/review/`);
    await expect(page.getByTestId('due-count')).toHaveText(t.review.due.replace('{n}', '1'));
    await expect(card).toHaveAttribute('data-card', key ?? '');
    await page.getByRole('button', { name: new RegExp(t.review.reveal) }).click();
    await page.getByRole('button', { name: new RegExp(t.practiceCommon.grades['3']) }).click();
    await expect(page.getByTestId('due-count')).toHaveText(t.review.due.replace('{n}', '0'));
    expect((await storedProgress(page)).cards[key ?? ''].reps).toBe(2);
  });
}

test('en: question cards show the notes verbatim, then key points or "no lesson yet"', async ({ page }) => {
  // Every English quiz item (≈ 110) is a new card ahead of the first notes question: rating them away takes a while.
  test.setTimeout(120_000);
  const t = dict.en;
  await page.goto('/en/review/');
  const card = page.getByTestId('review-card');
  await expect(card).toBeVisible();
  await page.locator('h1').click();
  // Quiz items come first; rate them away until a notes question shows.
  for (let i = 0; i < 400 && !(await card.getAttribute('data-card'))?.startsWith('q:'); i++) {
    const before = await card.getAttribute('data-card');
    await page.locator('h1').click();
    await page.keyboard.press(' ');
    await page.keyboard.press('4');
    await expect(card).not.toHaveAttribute('data-card', before ?? '');
  }
  await expect(card.getByTestId('review-question')).toHaveAttribute('lang', 'zh-CN');
  await card.getByRole('button', { name: new RegExp(t.review.reveal) }).click();
  const answer = page.getByTestId('review-answer');
  await expect(answer.getByText(t.review.keyPoints).or(answer.getByTestId('no-lesson'))).toBeVisible();
  await expectNoViolations(page);
});
