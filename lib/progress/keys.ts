/**
 * Storage keys, constants and key builders, shared by the tiny lesson-page writer (components/quiz/record.ts), the
 * home page's reader and the full store. Kept free of imports so those do not pull in the validator (zod), which the
 * store loads lazily (lib/progress/client.ts).
 */
export const PROGRESS_KEY = 'mqlab.progress';
/** Events appended by the lesson page (read / answer / done), folded into the progress document by the store. */
export const INBOX_KEY = 'mqlab.inbox';
/** Every unreadable document is copied to `mqlab.backup.{epoch ms}.{what}` before anything replaces it. */
export const BACKUP_PREFIX = 'mqlab.backup.';
/** Test hook: a clock offset in milliseconds (see lib/progress/README.md). Only an offset is accepted. */
export const CLOCK_OFFSET_KEY = 'mqlab.clockOffsetMs';

/** Current version of the progress document (schema.ts); here so validator-free readers can check it. */
export const PROGRESS_VERSION = 1;

/** Caps that keep the document small; the oldest entries go first. */
export const MAX_ATTEMPTS = 5000;
export const MAX_INTERVIEWS = 200;

const MAX_OFFSET = 10 * 366 * 86_400_000;

/** The test clock offset from its stored text: an integer number of ms within ±10 years, anything else 0. */
export function parseClockOffset(raw: string | null): number {
  if (raw === null || !/^-?\d{1,13}$/.test(raw)) return 0;
  const n = Number(raw);
  return Math.abs(n) <= MAX_OFFSET ? n : 0;
}

export const lessonKey = (track: string, slug: string) => `${track}/${slug}`;
export const itemKey = (track: string, slug: string, id: string) => `${track}/${slug}#${id}`;
export const itemCardKey = (key: string) => `item:${key}`;
export const questionCardKey = (notesId: string) => `q:${notesId}`;

/** Local calendar day of an instant, "YYYY-MM-DD" (the streak counts the learner's own days). */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
