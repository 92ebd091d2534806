/** The real content/ tree: it must load with the simulator's registry, exactly as `next build` loads it. */
import { describe, expect, it } from 'vitest';
import { getSite } from './site';
import { contentStats } from './stats';

describe('content/', () => {
  // Loaded inside the tests (not at collection time) so a content error is reported as a failing test with its
  // "file: field: message" lines, not as a suite that could not be collected.
  it('loads and passes every cross-check', () => {
    expect(getSite().lessons.length).toBeGreaterThan(0);
  });

  it('has 95 distinct questions in the notes index (98 entries, 3 duplicates)', () => {
    const { notes } = getSite();
    expect(notes.entries).toHaveLength(98);
    expect(notes.distinctIds).toHaveLength(95);
  });

  it('answers "什么是mq?" in both locales, with a quiz of at least 3 items of 2 kinds', () => {
    for (const locale of ['zh', 'en'] as const) {
      const lesson = getSite().lessons.find((l) => l.locale === locale && l.slug === 'what-is-mq');
      expect(lesson?.frontmatter.questions).toContain('mqtest-what-is-mq');
      expect(lesson?.quiz.items.length).toBeGreaterThanOrEqual(3);
      expect(new Set(lesson?.quiz.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('content:stats counts what the lessons answer', () => {
    const stats = contentStats(getSite());
    expect(stats.questionsTotal).toBe(95);
    for (const locale of ['zh', 'en'] as const) {
      expect(stats.questionsCovered[locale] + stats.notCovered[locale].length).toBe(95);
      expect(stats.notCovered[locale]).not.toContain('mqtest-what-is-mq');
      expect(stats.notCovered[locale]).not.toContain('mqtest-why-use-mq');
    }
    expect(stats.quizItems).toBe(Object.values(stats.quizItemsByLesson).reduce((a, b) => a + b, 0));
    expect(stats.quizItemsByLesson['zh/basics/what-is-mq']).toBeGreaterThanOrEqual(3);
  });
});
