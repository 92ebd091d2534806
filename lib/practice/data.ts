/**
 * The practice data of one locale: every quiz item (predict items with the engine's answer already computed) and
 * every distinct question of the notes with the key points of the lesson answering it. Built at `next build` and
 * emitted as /{locale}/practice/items.json, shared by the practice, review and interview islands (one cached fetch,
 * instead of the same data inlined into three pages). Server only: it runs the simulator.
 */
import type { Site } from '@/lib/content/loader';
import { TRACKS, type Locale, type QuizItem, type Track } from '@/lib/content/schema';
import { lessonHref } from '@/lib/nav/site-nav';
import { itemKey, lessonKey } from '@/lib/progress/keys';
import { scenarioCard } from '@/lib/sim/summary';
import type { ScenarioCard } from '@/lib/sim/summary';
import { predictAnswer } from './predict';

export interface PracticeItem {
  /** "{track}/{slug}#{id}" */
  key: string;
  track: Track;
  /** Lesson key "{track}/{slug}" (the "topic" filter). */
  lesson: string;
  /** Lesson URL, with `#section` when the item names one. */
  href: string;
  item: QuizItem;
  /** Predict items only: the engine's answer to "does the message end up so?" */
  expected?: boolean;
}

export interface PracticeQuestion {
  /** Notes id. */
  id: string;
  /** Verbatim from the notes. */
  text: string;
  track: Track;
  /** The lesson answering it in this locale, or null if none is written yet. */
  lesson: { key: string; title: string; href: string; keyPoints: string[] } | null;
}

export interface PracticeData {
  locale: Locale;
  items: PracticeItem[];
  questions: PracticeQuestion[];
  /** Lesson key → title, for filters and summaries, in track order. */
  lessons: { key: string; track: Track; title: string }[];
  /** Scenario cards of predict items, by id (the embedded player's placeholder props). */
  scenarios: Record<string, ScenarioCard>;
}

/** The notes' sections, mapped to the track a question belongs to when no lesson answers it yet. */
export function trackOfSection(section: string): Track {
  const s = section.toLowerCase();
  if (s.startsWith('kafka')) return 'kafka';
  if (s.startsWith('rabbitmq')) return 'rabbitmq';
  if (s.startsWith('rocketmq')) return 'rocketmq';
  return 'basics';
}

export function practiceData(site: Site, locale: Locale): PracticeData {
  const lessons = site.lessons
    .filter((l) => l.locale === locale)
    .sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.frontmatter.order - b.frontmatter.order);
  const scenarios: Record<string, ScenarioCard> = {};
  const items = lessons.flatMap((l) =>
    l.quiz.items.map((item): PracticeItem => {
      const href = lessonHref(locale, l.track, l.slug) + (item.section ? `#${item.section}` : '');
      const base = { key: itemKey(l.track, l.slug, item.id), track: l.track, lesson: lessonKey(l.track, l.slug), href, item };
      if (item.kind !== 'predict') return base;
      const card = scenarioCard(item.scenario, locale);
      if (card) scenarios[item.scenario] = card;
      return { ...base, expected: predictAnswer(item) };
    }),
  );
  const answeredBy = new Map(lessons.flatMap((l) => l.frontmatter.questions.map((q) => [q, l] as const)));
  const questions = site.notes.distinctIds.map((id): PracticeQuestion => {
    const entry = site.notes.byId.get(id);
    const l = answeredBy.get(id);
    return {
      id,
      text: entry?.text ?? id,
      track: l?.track ?? trackOfSection(entry?.section ?? ''),
      lesson: l
        ? { key: lessonKey(l.track, l.slug), title: l.frontmatter.title, href: lessonHref(locale, l.track, l.slug), keyPoints: l.frontmatter.keyPoints }
        : null,
    };
  });
  return {
    locale,
    items,
    questions,
    lessons: lessons.map((l) => ({ key: lessonKey(l.track, l.slug), track: l.track, title: l.frontmatter.title })),
    scenarios,
  };
}
