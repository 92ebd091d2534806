/**
 * Pure updates of a Progress document (no validator imported: islands load this eagerly, zod lazily). Every function returns a new document and leaves its input untouched.
 * Invariants: `attempts` sorted by time, at most MAX_ATTEMPTS; `days` sorted and unique; recording the same event
 * twice changes nothing (the inbox may be folded in twice if another tab wrote to it meanwhile).
 */
import { dayKey, MAX_ATTEMPTS, MAX_INTERVIEWS, PROGRESS_VERSION } from './keys';
import type { Attempt, InboxEvent, Interview, LessonProgress, Progress, StoredCard } from './schema';

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, attempts: [], cards: {}, interviews: [], days: [] };
}

const sortedUnique = (days: string[]) => [...new Set(days)].sort();

function touch(p: Progress, at: number): Progress {
  const day = dayKey(at);
  return p.days.includes(day) ? p : { ...p, days: sortedUnique([...p.days, day]) };
}

const attemptId = (a: Attempt) => `${a.item}|${a.at}|${a.via}`;

function withAttempts(p: Progress, added: Attempt[]): Progress {
  const seen = new Set(p.attempts.map(attemptId));
  const fresh = added.filter((a) => !seen.has(attemptId(a)));
  if (fresh.length === 0) return p;
  const all = [...p.attempts, ...fresh].sort((a, b) => a.at - b.at);
  return { ...p, attempts: all.slice(Math.max(0, all.length - MAX_ATTEMPTS)) };
}

function mergeLesson(a: LessonProgress | undefined, b: LessonProgress): LessonProgress {
  if (!a) return b;
  const done = [a.completedAt, b.completedAt].filter((x): x is number => x !== null);
  return { readAt: Math.min(a.readAt, b.readAt), completedAt: done.length ? Math.min(...done) : null };
}

export function recordRead(p: Progress, lesson: string, at: number): Progress {
  const lessons = { ...p.lessons, [lesson]: mergeLesson(p.lessons[lesson], { readAt: at, completedAt: null }) };
  return touch({ ...p, lessons }, at);
}

export function recordDone(p: Progress, lesson: string, at: number): Progress {
  const lessons = { ...p.lessons, [lesson]: mergeLesson(p.lessons[lesson], { readAt: at, completedAt: at }) };
  return touch({ ...p, lessons }, at);
}

export function recordAttempt(p: Progress, attempt: Attempt): Progress {
  return touch(withAttempts(p, [attempt]), attempt.at);
}

export function setCard(p: Progress, key: string, card: StoredCard, at: number): Progress {
  return touch({ ...p, cards: { ...p.cards, [key]: card } }, at);
}

export function recordInterview(p: Progress, interview: Interview): Progress {
  const interviews = [...p.interviews, interview].slice(-MAX_INTERVIEWS);
  return touch({ ...p, interviews }, interview.at);
}

/** Folds the lesson page's inbox events into the document. */
export function applyInbox(p: Progress, events: InboxEvent[]): Progress {
  return events.reduce<Progress>((acc, e) => {
    if (e.t === 'read') return recordRead(acc, e.l, e.at);
    if (e.t === 'done') return recordDone(acc, e.l, e.at);
    return recordAttempt(acc, { item: e.i, correct: e.c, at: e.at, via: 'lesson' });
  }, p);
}

/** The card reviewed last wins (ties: more repetitions), so a merge never rolls a schedule back. */
function newerCard(a: StoredCard | undefined, b: StoredCard): StoredCard {
  if (!a) return b;
  const ta = a.last_review ?? -1;
  const tb = b.last_review ?? -1;
  return tb > ta || (tb === ta && b.reps > a.reps) ? b : a;
}

/** Union of two documents: nothing either side knows is lost. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons = { ...a.lessons };
  for (const [k, v] of Object.entries(b.lessons)) lessons[k] = mergeLesson(lessons[k], v);
  const cards = { ...a.cards };
  for (const [k, v] of Object.entries(b.cards)) cards[k] = newerCard(cards[k], v);
  const seen = new Set(a.interviews.map((i) => `${i.at}|${i.seed}`));
  const interviews = [...a.interviews, ...b.interviews.filter((i) => !seen.has(`${i.at}|${i.seed}`))]
    .sort((x, y) => x.at - y.at)
    .slice(-MAX_INTERVIEWS);
  return withAttempts({ ...a, lessons, cards, interviews, days: sortedUnique([...a.days, ...b.days]) }, b.attempts);
}

export interface ProgressSummary {
  lessonsRead: number;
  lessonsCompleted: number;
  attempts: number;
  cards: number;
  interviews: number;
  days: number;
}

export function summarize(p: Progress): ProgressSummary {
  const lessons = Object.values(p.lessons);
  return {
    lessonsRead: lessons.length,
    lessonsCompleted: lessons.filter((l) => l.completedAt !== null).length,
    attempts: p.attempts.length,
    cards: Object.keys(p.cards).length,
    interviews: p.interviews.length,
    days: p.days.length,
  };
}

export type ImportMode = 'merge' | 'replace';

/** What importing `incoming` would do: the document after, and the counts before and after (the preview). */
export function planImport(current: Progress, incoming: Progress, mode: ImportMode) {
  const next = mode === 'merge' ? mergeProgress(current, incoming) : incoming;
  return { next, before: summarize(current), after: summarize(next) };
}
