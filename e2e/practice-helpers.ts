/**
 * Helpers for the practice e2e specs (practice, review, interview, progress). UI strings come from the dictionaries
 * so the same test runs in both locales.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { en } from '../lib/i18n/en';
import { zh } from '../lib/i18n/zh';
import { expect } from './fixtures';

export const dict = { zh, en } as const;
export type E2ELocale = keyof typeof dict;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'axe violations').toEqual([]);
}

/** Storage keys (lib/progress/keys.ts). */
export const KEYS = { progress: 'mqlab.progress', inbox: 'mqlab.inbox', clock: 'mqlab.clockOffsetMs', backup: 'mqlab.backup.' } as const;
export const DAY = 86_400_000;

/** Answers whatever item is shown (first option; ordering as presented) and checks it. */
export async function answerShownItem(item: Locator, locale: E2ELocale) {
  const kind = await item.getAttribute('data-kind');
  if (kind === 'multiple') await item.locator('input[type="checkbox"]').first().check();
  else if (kind !== 'ordering') await item.locator('input[type="radio"]').first().check();
  await item.getByRole('button', { name: dict[locale].quiz.check, exact: true }).click();
  await expect(item.locator('[data-result]')).toBeVisible();
}

/** Reads the progress document the page saved. */
export async function storedProgress(page: Page): Promise<{ lessons: Record<string, unknown>; attempts: unknown[]; cards: Record<string, { due: number; reps: number }>; interviews: unknown[] }> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEYS.progress);
}
