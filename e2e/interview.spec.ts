import { expect, LOCALES, test } from './fixtures';
import { dict, expectNoViolations, storedProgress } from './practice-helpers';

for (const locale of LOCALES) {
  const t = dict[locale];

  test(`${locale}: a mock interview with a timer, checklist and self-grade feeds the review queue`, async ({ page }) => {
    await page.goto(`/${locale}/interview/`);
    await page.getByLabel(t.interview.count, { exact: true }).selectOption('3');
    await page.getByLabel(t.interview.seed).fill('e2e-seed');
    await expectNoViolations(page);
    await page.getByRole('button', { name: t.interview.start }).click();

    const asked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const q = page.getByTestId('interview-question');
      await expect(q.getByRole('heading', { level: 2 })).toContainText(String(i + 1));
      asked.push((await q.getAttribute('data-question')) ?? '');
      await expect(q.getByTestId('timer')).toContainText('0:0');
      await q.getByLabel(t.interview.yourAnswer).fill('异步、解耦、削峰 / async, decoupling, peak shaving');
      await page.waitForTimeout(i === 0 ? 1100 : 0);
      await q.getByRole('button', { name: t.interview.done }).click();
      const reveal = q.getByTestId('interview-reveal');
      const boxes = reveal.locator('input[type="checkbox"]');
      // The first answer is weak (one point, graded Again); the others tick every point and are graded Good.
      if ((await boxes.count()) > 0) for (const box of i === 0 ? [boxes.first()] : await boxes.all()) await box.check();
      else await expect(reveal.getByTestId('no-lesson')).toBeVisible();
      if (i === 0) await expectNoViolations(page);
      await reveal.locator(`button[data-grade="${i === 0 ? 1 : 3}"]`).click();
    }

    const report = page.getByTestId('interview-report');
    await expect(report.getByRole('heading', { name: t.interview.reportTitle })).toBeVisible();
    await expect(report.locator('tbody tr')).toHaveCount(3);
    await expect(report.locator('tbody tr').first().locator('td').nth(1)).toHaveText(/^0:0[1-9]$/);
    // The first answer was graded Again, so it and its track are flagged weak.
    await expect(report.locator('tbody tr[data-weak]')).toHaveCount(1);
    await expect(report.getByTestId('weak-areas').locator('li')).toHaveCount(1);
    await expectNoViolations(page);

    const stored = await storedProgress(page);
    expect(stored.interviews).toHaveLength(1);
    for (const id of asked) expect(stored.cards[`q:${id}`]?.reps, id).toBe(1);

    // The same seed draws the same questions.
    await report.getByRole('button', { name: t.interview.again }).click();
    await page.getByLabel(t.interview.count, { exact: true }).selectOption('3');
    await page.getByLabel(t.interview.seed).fill('e2e-seed');
    await page.getByRole('button', { name: t.interview.start }).click();
    await expect(page.getByTestId('interview-question')).toHaveAttribute('data-question', asked[0]);
  });
}
