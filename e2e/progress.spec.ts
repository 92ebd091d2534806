import { readFile } from 'node:fs/promises';
import { expect, lessonPath, LESSON, LOCALES, test } from './fixtures';
import { dict, expectNoViolations, KEYS, storedProgress } from './practice-helpers';

for (const locale of LOCALES) {
  const t = dict[locale];

  test(`${locale}: lesson visits and quiz answers show up on progress, home and track pages; export → clear → import restores`, async ({ page }) => {
    await page.goto(lessonPath(locale));
    const single = page.locator('[data-kind="single"]').first();
    await single.locator('input').first().check();
    await single.getByRole('button', { name: t.quiz.check }).click();
    await expect(single.getByRole('status')).toContainText(/./);

    await page.goto(`/${locale}/progress/`);
    await expect(page.getByTestId('lessons-read')).toHaveText(/^1 \/ \d+$/);
    await expect(page.getByTestId('accuracy')).toContainText('/1)');
    await expect(page.getByTestId('streak')).toContainText(t.progress.streakValue.replace('{n}', '1').split('{')[0]);
    await expect(page.getByTestId('accuracy-chart').locator('rect[data-day]')).toHaveCount(1);
    await expectNoViolations(page);

    // Home and track pages show per-track bars from the same storage.
    await page.goto(`/${locale}/`);
    await expect(page.locator(`[data-track-progress="${LESSON.track}"] p`)).toContainText(/1/);
    await page.goto(`/${locale}/learn/${LESSON.track}/`);
    await expect(page.locator(`[data-track-progress="${LESSON.track}"] p`)).toContainText(/1/);
    await expectNoViolations(page);

    await page.goto(`/${locale}/progress/`);
    const before = await storedProgress(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const file = await download.path();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(before);

    await page.getByRole('button', { name: t.progress.clear }).click();
    await page.getByRole('button', { name: t.progress.clearYes }).click();
    await expect(page.getByTestId('lessons-read')).toHaveText(/^0 \//);

    await page.getByTestId('import-file').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect(preview.locator('[data-row="lessonsRead"] td').first()).toHaveText('0');
    await expect(preview.locator('[data-row="lessonsRead"] td').nth(1)).toHaveText('1');
    await expectNoViolations(page);
    await preview.getByLabel(t.progress.replace).check();
    await preview.getByRole('button', { name: t.progress.apply }).click();
    await expect(page.getByTestId('lessons-read')).toHaveText(/^1 \//);
    expect(await storedProgress(page)).toEqual(before);
  });

  test(`${locale}: an invalid import file is refused with the reason`, async ({ page }) => {
    await page.goto(`/${locale}/progress/`);
    await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"lessons":[]}') });
    await expect(page.getByTestId('import-invalid')).toContainText('lessons');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  });
}

for (const [name, raw] of [
  ['corrupt', '{"version":1,"lessons":{"basics/what-is-mq":'],
  ['future-version', JSON.stringify({ version: 99, lessons: {}, somethingNew: [1, 2, 3] })],
] as const) {
  for (const locale of LOCALES) {
    const t = dict[locale];
    test(`${locale}: ${name} storage is backed up, reported, downloadable and never silently wiped`, async ({ page }) => {
      await page.goto(`/${locale}/`);
      await page.evaluate(({ k, v }) => localStorage.setItem(k, v), { k: KEYS.progress, v: raw });

      // Any practice page reports it and links to the progress page.
      await page.goto(`/${locale}/practice/`);
      const notice = page.getByTestId('storage-notice');
      await expect(notice).toContainText(t.practiceCommon.storageProblem);
      await expectNoViolations(page);
      const backupKeys = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), KEYS.backup);
      expect(backupKeys).toHaveLength(1);
      expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), backupKeys[0])) ?? '{}').raw).toBe(raw);

      await notice.getByRole('link', { name: t.practiceCommon.storageLink }).click();
      const backups = page.getByTestId('backups');
      await expect(backups).toContainText(t.progress.backupsHeading);
      await expectNoViolations(page);
      const [download] = await Promise.all([page.waitForEvent('download'), backups.getByRole('button', { name: t.progress.download }).click()]);
      expect(await readFile(await download.path(), 'utf8')).toBe(raw);

      // Still there after more visits (the site writes fresh progress, the backup stays) until the learner deletes it.
      await page.reload();
      await expect(backups).toBeVisible();
      await backups.getByRole('button', { name: t.progress.deleteBackup }).click();
      await expect(page.getByTestId('backups')).toHaveCount(0);
      expect(await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), KEYS.backup)).toEqual([]);
    });
  }
}
