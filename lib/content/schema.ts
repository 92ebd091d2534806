/**
 * The schemas every lesson and quiz file must satisfy. They are checked at build time (the lesson
 * loader calls `parseLessonFrontmatter` / `parseQuizFile`) and in unit tests, so an invalid lesson
 * fails `npm run build` naming the file, the field and what was expected.
 */
import { z } from 'zod';

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Tracks, in the order the site presents them. */
export const TRACKS = ['basics', 'rabbitmq', 'kafka', 'rocketmq'] as const;
export type Track = (typeof TRACKS)[number];

const slugLike = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by "-"');

export const SourceSchema = z.object({
  /** Human title of the primary source, e.g. "Kafka documentation — Replication". */
  title: z.string().min(3),
  /** Absolute https URL of a primary source (vendor docs, KIP, RabbitMQ/RocketMQ docs). */
  url: z.url({ protocol: /^https$/ }),
});

export const VerifiedSchema = z.object({
  /** Product the claims were checked against: "Kafka", "RabbitMQ", "RocketMQ", … */
  product: z.string().min(2),
  /** Version string as the vendor writes it, e.g. "4.1", "3.13 / 4.1", "5.3". */
  version: z.string().min(1),
});

export const LessonFrontmatterSchema = z
  .object({
    title: z.string().min(2),
    track: z.enum(TRACKS),
    /** Position inside the track (1-based); unique per track and locale. */
    order: z.number().int().positive(),
    /** One or two sentences shown on the track page and used for SEO. */
    summary: z.string().min(10),
    /** Ids from content/notes-index.json that this lesson answers (at least one). */
    questions: z.array(z.string()).min(1),
    /** Primary sources the claims were checked against. */
    sources: z.array(SourceSchema).min(1),
    /** Built-in simulator scenario ids this lesson uses or links to. */
    scenarios: z.array(slugLike).default([]),
    /** Versions the lesson was verified against. */
    verified: z.array(VerifiedSchema).min(1),
    /** Key points an interviewer listens for; used by the mock interview as a self-check list. */
    keyPoints: z.array(z.string().min(4)).min(3),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

const quizBase = {
  /** Unique within the lesson; the global id is `${track}/${slug}#${id}`. */
  id: slugLike,
  prompt: z.string().min(4),
  /** Shown after answering, right or wrong. */
  explanation: z.string().min(4),
  /** Heading id in the lesson that explains the answer (checked against the lesson's headings). */
  section: slugLike.optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
};

export const PREDICT_FATES = ['lost', 'duplicated', 'reordered', 'acked', 'stored', 'deadLettered'] as const;

export const QuizItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...quizBase,
    kind: z.literal('single'),
    options: z.array(z.string().min(1)).min(2).max(6),
    /** Index of the correct option. */
    answer: z.number().int().nonnegative(),
  }).strict(),
  z.object({
    ...quizBase,
    kind: z.literal('multiple'),
    options: z.array(z.string().min(1)).min(3).max(6),
    /** Indices of all correct options (at least one). */
    answer: z.array(z.number().int().nonnegative()).min(1),
  }).strict(),
  z.object({ ...quizBase, kind: z.literal('truefalse'), answer: z.boolean() }).strict(),
  z.object({
    ...quizBase,
    kind: z.literal('ordering'),
    /** The items in their correct order; the UI presents them shuffled (deterministically). */
    items: z.array(z.string().min(1)).min(3).max(7),
  }).strict(),
  z.object({
    ...quizBase,
    kind: z.literal('predict'),
    /** Built-in scenario id. The answer is never typed by hand: it is read from the engine's report. */
    scenario: slugLike,
    /** The learner answers yes / no to: "does message `message` end up `fate`?" */
    check: z
      .object({
        /** Message id as named in the scenario, e.g. "m3". */
        message: z.string().min(1),
        fate: z.enum(PREDICT_FATES),
      })
      .strict(),
  }).strict(),
]);
export type QuizItem = z.infer<typeof QuizItemSchema>;

export const QuizFileSchema = z
  .object({ items: z.array(QuizItemSchema).min(3) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate quiz id "${item.id}"` });
      seen.add(item.id);
      if (item.kind === 'single' && item.answer >= item.options.length)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'answer'], message: `expected an option index < ${item.options.length}` });
      if (item.kind === 'multiple' && item.answer.some((a) => a >= item.options.length))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'answer'], message: `expected option indices < ${item.options.length}` });
    });
    if (new Set(file.items.map((i) => i.kind)).size < 2)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'expected at least 2 different kinds of quiz item' });
  });
export type QuizFile = z.infer<typeof QuizFileSchema>;

/** Formats a zod error as "file: field: message" lines (the build prints these and stops). */
export function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
