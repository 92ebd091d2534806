/** Building practice sessions and interview draws: pure functions over the practice data. */
import type { Track } from '@/lib/content/schema';
import type { PracticeItem, PracticeQuestion } from './data';
import { seededShuffle } from './shuffle';

export interface SessionFilter {
  track: Track | null;
  /** Lesson key "{track}/{slug}". */
  lesson: string | null;
  difficulty: 1 | 2 | 3 | null;
  /** Only items in this set (the learner's weak spots), when given. */
  only: ReadonlySet<string> | null;
}

export function filterItems(items: readonly PracticeItem[], f: SessionFilter): PracticeItem[] {
  return items.filter(
    (x) =>
      (f.track === null || x.track === f.track) &&
      (f.lesson === null || x.lesson === f.lesson) &&
      (f.difficulty === null || x.item.difficulty === f.difficulty) &&
      (f.only === null || f.only.has(x.key)),
  );
}

/** `size` items (all when null) of the filtered set, in a seeded order. */
export function buildSession(items: readonly PracticeItem[], f: SessionFilter, size: number | null, seed: string): PracticeItem[] {
  const shuffled = seededShuffle(filterItems(items, f), seed);
  return size === null ? shuffled : shuffled.slice(0, size);
}

export function drawQuestions(questions: readonly PracticeQuestion[], track: Track | null, n: number, seed: string): PracticeQuestion[] {
  return seededShuffle(
    questions.filter((q) => track === null || q.track === track),
    seed,
  ).slice(0, n);
}
