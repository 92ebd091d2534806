/** The numbers `npm run content:stats` prints; pure over a loaded Site so tests can check them. */
import type { Site } from './loader';
import { LOCALES, type Locale } from './schema';

export interface ContentStats {
  lessons: Record<Locale, number>;
  /** Distinct notes entries (duplicates excluded): 95 for the current notes. */
  questionsTotal: number;
  questionsCovered: Record<Locale, number>;
  /** Distinct notes ids no lesson of the locale answers yet, in notes order. */
  notCovered: Record<Locale, string[]>;
  /** "{track}/{slug}" of lessons that exist in another locale but not in this one yet. */
  untranslated: Record<Locale, string[]>;
  /** Every quiz item of every lesson, both locales, predict items included. */
  quizItems: number;
  /** The same items by kind, e.g. { single: 120, predict: 86, … } (they sum to quizItems). */
  quizItemsByKind: Record<string, number>;
  /** Review cards per locale: that locale's quiz items plus every distinct notes question (lib/practice). */
  reviewCards: Record<Locale, number>;
  /** "{locale}/{track}/{slug}" → number of quiz items. */
  quizItemsByLesson: Record<string, number>;
  /** Every scenario id referenced by frontmatter, <Simulation> or predict items, sorted. */
  scenarios: string[];
}

export function contentStats({ lessons, notes }: Site): ContentStats {
  const perLocale = <T>(fn: (locale: Locale) => T) =>
    Object.fromEntries(LOCALES.map((locale) => [locale, fn(locale)])) as Record<Locale, T>;
  const answered = perLocale(
    (locale) => new Set(lessons.filter((l) => l.locale === locale).flatMap((l) => l.frontmatter.questions)),
  );
  const notCovered = perLocale((locale) => notes.distinctIds.filter((id) => !answered[locale].has(id)));
  return {
    lessons: perLocale((locale) => lessons.filter((l) => l.locale === locale).length),
    questionsTotal: notes.distinctIds.length,
    questionsCovered: perLocale((locale) => notes.distinctIds.length - notCovered[locale].length),
    notCovered,
    untranslated: perLocale((locale) => {
      const here = new Set(lessons.filter((l) => l.locale === locale).map((l) => `${l.track}/${l.slug}`));
      return [...new Set(lessons.map((l) => `${l.track}/${l.slug}`))].filter((key) => !here.has(key));
    }),
    quizItems: lessons.reduce((n, l) => n + l.quiz.items.length, 0),
    quizItemsByKind: lessons
      .flatMap((l) => l.quiz.items)
      .reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.kind]: (acc[item.kind] ?? 0) + 1 }), {}),
    reviewCards: perLocale(
      (locale) => lessons.filter((l) => l.locale === locale).reduce((n, l) => n + l.quiz.items.length, 0) + notes.distinctIds.length,
    ),
    quizItemsByLesson: Object.fromEntries(lessons.map((l) => [`${l.locale}/${l.track}/${l.slug}`, l.quiz.items.length])),
    scenarios: [
      ...new Set(
        lessons.flatMap((l) => [
          ...l.frontmatter.scenarios,
          ...l.simulations,
          ...l.quiz.items.flatMap((q) => (q.kind === 'predict' ? [q.scenario] : [])),
        ]),
      ),
    ].sort(),
  };
}
