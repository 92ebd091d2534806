/**
 * The project's own index of the learner's notes (content/notes-index.json, imported by scripts/import-notes.ts).
 * Question texts are shown verbatim on lesson pages: never retype them in a lesson.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const NoteEntrySchema = z
  .object({
    /** Stable id, referenced from lesson frontmatter `questions`. */
    id: z.string().min(1),
    /** Section heading of the notes the entry sits under. */
    section: z.string(),
    /** The text exactly as the notes write it. */
    text: z.string().min(1),
    /** "question" asks something; "topic" is a heading-like prompt the notes leave open. Both need a lesson. */
    kind: z.enum(['question', 'topic']),
    answeredInNotes: z.boolean(),
    /** Set when the entry repeats another one; it is answered by the lesson of that entry. */
    duplicateOf: z.string().optional(),
  })
  .strict();
export type NoteEntry = z.infer<typeof NoteEntrySchema>;

export const NotesIndexSchema = z
  .object({ source: z.string(), count: z.number().int(), questions: z.array(NoteEntrySchema) })
  .strict()
  .superRefine((index, ctx) => {
    if (index.count !== index.questions.length)
      ctx.addIssue({ code: 'custom', path: ['count'], message: `expected ${index.questions.length} (the number of entries)` });
    const ids = new Set(index.questions.map((q) => q.id));
    index.questions.forEach((q, i) => {
      if (q.duplicateOf !== undefined && !ids.has(q.duplicateOf))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'duplicateOf'], message: `unknown id "${q.duplicateOf}"` });
    });
  });

export interface NotesIndex {
  entries: NoteEntry[];
  byId: Map<string, NoteEntry>;
  /** Ids a lesson must answer: every entry that does not repeat another (95 for the current notes). */
  distinctIds: string[];
}

export function buildNotesIndex(raw: unknown, file = 'content/notes-index.json'): NotesIndex {
  const parsed = NotesIndexSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`).join('\n'));
  const entries = parsed.data.questions;
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    distinctIds: entries.filter((e) => e.duplicateOf === undefined).map((e) => e.id),
  };
}

export function readNotesIndex(contentDir: string): NotesIndex {
  const file = path.join(contentDir, 'notes-index.json');
  return buildNotesIndex(JSON.parse(readFileSync(file, 'utf8')), path.relative(process.cwd(), file));
}
