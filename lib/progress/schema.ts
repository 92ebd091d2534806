/**
 * The learner's progress as stored in the browser (localStorage key `mqlab.progress`), exported to and imported
 * from a file. Versioned: `version` is bumped on every incompatible change and lib/progress/migrate.ts carries older
 * documents forward. zod/mini keeps the validator small: the practice, review, interview and progress islands ship it.
 *
 * Keys (stable across locales, so a learner switching language keeps their progress):
 * - lesson key: "{track}/{slug}"
 * - quiz item key: "{track}/{slug}#{id}"
 * - card key: "item:{quiz item key}" or "q:{notes id}"
 * Times are epoch milliseconds.
 */
import * as z from 'zod/mini';
import { MAX_ATTEMPTS, MAX_INTERVIEWS, PROGRESS_VERSION } from './keys';

export { MAX_ATTEMPTS, MAX_INTERVIEWS, PROGRESS_VERSION };

const time = z.number().check(z.nonnegative());
const count = z.int().check(z.nonnegative());

export const LessonProgressSchema = z.strictObject({
  /** First visit of the lesson page. */
  readAt: time,
  /** First time every gradable quiz item of the lesson was checked; null while not done. */
  completedAt: z.nullable(time),
});

export const ATTEMPT_SOURCES = ['lesson', 'practice', 'review', 'interview'] as const;

export const AttemptSchema = z.strictObject({
  /** Quiz item key "{track}/{slug}#{id}". */
  item: z.string().check(z.minLength(3)),
  correct: z.boolean(),
  at: time,
  via: z.enum(ATTEMPT_SOURCES),
});

/** ts-fsrs's Card with dates as epoch ms (lib/progress/srs.ts converts). */
export const StoredCardSchema = z.strictObject({
  due: time,
  stability: z.number().check(z.nonnegative()),
  difficulty: z.number().check(z.nonnegative()),
  elapsed_days: z.number().check(z.nonnegative()),
  scheduled_days: z.number().check(z.nonnegative()),
  learning_steps: count,
  reps: count,
  lapses: count,
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  last_review: z.nullable(time),
});

/** A self-grade, as ts-fsrs Rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const InterviewSchema = z.strictObject({
  at: time,
  /** Seed of the shuffle that drew the questions (re-running with it draws the same ones). */
  seed: z.string(),
  answers: z.array(
    z.strictObject({
      /** Notes id. */
      question: z.string(),
      ms: time,
      checked: count,
      total: count,
      grade: GradeSchema,
    }),
  ),
});

export const ProgressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string(), LessonProgressSchema),
  /** Oldest first; capped at MAX_ATTEMPTS (the oldest are dropped, and only on a write the learner caused). */
  attempts: z.array(AttemptSchema),
  cards: z.record(z.string(), StoredCardSchema),
  interviews: z.array(InterviewSchema),
  /** Local days ("YYYY-MM-DD") with any activity, sorted, unique: the streak. */
  days: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});

export type LessonProgress = z.infer<typeof LessonProgressSchema>;
export type Attempt = z.infer<typeof AttemptSchema>;
export type AttemptSource = Attempt['via'];
export type StoredCard = z.infer<typeof StoredCardSchema>;
export type Grade = z.infer<typeof GradeSchema>;
export type Interview = z.infer<typeof InterviewSchema>;
export type Progress = z.infer<typeof ProgressSchema>;

export { emptyProgress } from './ops';

/**
 * What the lesson quiz island appends to `mqlab.inbox` (it ships no validator, so it never rewrites the progress
 * document itself; the full store validates and folds these in on its next load).
 */
export const InboxEventSchema = z.union([
  z.strictObject({ t: z.literal('read'), l: z.string(), at: time }),
  z.strictObject({ t: z.literal('done'), l: z.string(), at: time }),
  z.strictObject({ t: z.literal('answer'), l: z.string(), i: z.string(), c: z.boolean(), at: time }),
]);
export type InboxEvent = z.infer<typeof InboxEventSchema>;
