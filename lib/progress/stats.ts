/** Numbers and series the progress page, home and track pages show; pure over a Progress document. */
import { dayKey } from './keys';
import type { Attempt, Progress } from './schema';

export interface Ratio {
  n: number;
  total: number;
}

export function lessonRatios(p: Progress, lessonKeys: readonly string[]): { read: Ratio; completed: Ratio } {
  const mine = lessonKeys.map((k) => p.lessons[k]).filter((l) => l !== undefined);
  return {
    read: { n: mine.length, total: lessonKeys.length },
    completed: { n: mine.filter((l) => l.completedAt !== null).length, total: lessonKeys.length },
  };
}

export function accuracy(attempts: readonly Attempt[]): Ratio {
  return { n: attempts.filter((a) => a.correct).length, total: attempts.length };
}

const DAY = 86_400_000;

/** Correct / total per local day for the `days` days ending today (oldest first), zero-filled. */
export function accuracyByDay(attempts: readonly Attempt[], now: number, days: number): { day: string; n: number; total: number }[] {
  const buckets = new Map<string, Ratio>();
  for (const a of attempts) {
    const b = buckets.get(dayKey(a.at)) ?? { n: 0, total: 0 };
    buckets.set(dayKey(a.at), { n: b.n + (a.correct ? 1 : 0), total: b.total + 1 });
  }
  return Array.from({ length: days }, (_, i) => {
    // Noon avoids landing on the wrong day across a daylight-saving change.
    const d = new Date(now - (days - 1 - i) * DAY);
    const day = dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12).getTime());
    return { day, ...(buckets.get(day) ?? { n: 0, total: 0 }) };
  });
}

/** Day after "YYYY-MM-DD" (calendar arithmetic in UTC, independent of the time zone). */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Current streak (ending today, or yesterday if today has no activity yet) and the longest one. */
export function streak(days: readonly string[], now: number): { current: number; longest: number } {
  const sorted = [...new Set(days)].sort();
  let longest = 0;
  let run = 0;
  let prev: string | null = null;
  for (const day of sorted) {
    run = prev !== null && nextDay(prev) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = day;
  }
  const today = dayKey(now);
  const last = sorted.at(-1);
  const alive = last !== undefined && (last === today || nextDay(last) === today);
  return { current: alive ? run : 0, longest };
}

export interface QuestionRef {
  id: string;
  /** Lesson key answering the question in this locale, or null if no lesson exists yet. */
  lesson: string | null;
}

/** A question is covered once its lesson was read or its card was reviewed at least once. */
export function isCovered(p: Progress, q: QuestionRef): boolean {
  return (q.lesson !== null && p.lessons[q.lesson] !== undefined) || (p.cards[`q:${q.id}`]?.reps ?? 0) > 0;
}

/** Items whose latest attempt was wrong, or whose card is shaky (lapsed, or stability under `minStability` days). */
export function weakItems(p: Progress, minStability = 2): Set<string> {
  const latest = new Map<string, boolean>();
  for (const a of p.attempts) latest.set(a.item, a.correct);
  const weak = new Set([...latest].filter(([, ok]) => !ok).map(([k]) => k));
  for (const [key, card] of Object.entries(p.cards)) {
    if (!key.startsWith('item:') || card.reps === 0) continue;
    if (card.lapses > 0 || card.stability < minStability) weak.add(key.slice('item:'.length));
  }
  return weak;
}
