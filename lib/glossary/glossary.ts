/**
 * The glossary (content/glossary.yaml): schema, loader, and which lessons use each term. The lesson links are
 * derived by scanning lesson text, never listed by hand, so they cannot go stale. Server-only (reads files).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCALES, type Locale, type Track } from '@/lib/content/schema';

const perLocale = <T extends z.ZodType>(schema: T) => z.object({ zh: schema, en: schema });

export const TermSchema = z.object({
  /** Anchor on the glossary page and the id of <Term id="…"> in lessons: lowercase words joined by "-". */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by "-"'),
  /** The term in Chinese. */
  zh: z.string().min(1),
  /** The term in English. */
  en: z.string().min(1),
  /** Other spellings that count as a use in lessons of that locale. */
  aliases: z.object({ zh: z.array(z.string().min(1)).optional(), en: z.array(z.string().min(1)).optional() }).optional(),
  /** Spellings that count in lessons of either locale (config keys, acronyms, API names). */
  match: z.array(z.string().min(1)).optional(),
  /** One-line definition per locale. */
  def: perLocale(z.string().min(10).max(200)),
});
export type GlossaryTerm = z.infer<typeof TermSchema>;

export const GlossarySchema = z
  .object({ terms: z.array(TermSchema).min(40) })
  .superRefine(({ terms }, ctx) => {
    const seen = new Set<string>();
    terms.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate id "${t.id}"` });
      seen.add(t.id);
    });
  });

export const GLOSSARY_FILE = path.join(process.cwd(), 'content', 'glossary.yaml');

/** Parses and validates; throws naming the file and the field. */
export function parseGlossary(text: string, file = GLOSSARY_FILE): GlossaryTerm[] {
  const result = GlossarySchema.safeParse(parse(text));
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return result.data.terms;
}

let cache: GlossaryTerm[] | null = null;
export function getGlossary(): GlossaryTerm[] {
  cache ??= parseGlossary(readFileSync(GLOSSARY_FILE, 'utf8'));
  return cache;
}

/** Spellings that count as a use of `term` in a lesson of `locale`. */
export function patternsOf(term: GlossaryTerm, locale: Locale): string[] {
  // A bracketed gloss ("ISR（同步副本集合）") is a display form, not what lessons write: match the head only.
  const head = (s: string) => s.replace(/\s*[（(].*$/, '');
  return [...new Set([head(term[locale]), ...(term.aliases?.[locale] ?? []), ...(term.match ?? [])])];
}

/**
 * Whether `text` uses `pattern`. Chinese patterns match anywhere (no word boundaries in Chinese). Latin patterns
 * match as whole words; all-caps acronyms (ISR, HW, LEO) case-sensitively, so "hw" in a URL does not count.
 * Trap: \b fails at non-word edges ("%RETRY%", "__consumer_offsets" starts with "_" which is a word char), so
 * the boundary is written out as "not preceded/followed by a letter, digit, _ . or -", and only at an edge of the
 * pattern that is itself a word character.
 */
export function uses(text: string, pattern: string): boolean {
  if (/[\u3400-\u9fff]/.test(pattern)) return text.includes(pattern);
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flags = /[a-z]/.test(pattern) ? 'i' : '';
  const before = /^\w/.test(pattern) ? '(?<![\\w.-])' : '';
  const after = /\w$/.test(pattern) ? '(?![\\w-])' : '';
  return new RegExp(`${before}${escaped}${after}`, flags).test(text);
}

export interface LessonText {
  locale: Locale;
  track: Track;
  slug: string;
  title: string;
  /** The MDX body (frontmatter removed). */
  body: string;
}

/** Lesson text for scanning: the title and the body without frontmatter, code fences kept (config keys live there). */
export function lessonText(lesson: { locale: Locale; track: Track; slug: string; file: string; frontmatter: { title: string } }): LessonText {
  const raw = readFileSync(path.resolve(lesson.file), 'utf8');
  return { ...lesson, title: lesson.frontmatter.title, body: raw.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') };
}

/** For each term id, the lessons of `locale` whose text uses it (in the order given). */
export function termUsage(terms: GlossaryTerm[], lessons: LessonText[], locale: Locale): Map<string, LessonText[]> {
  const usage = new Map<string, LessonText[]>();
  const mine = lessons.filter((l) => l.locale === locale);
  for (const term of terms) {
    const patterns = patternsOf(term, locale);
    usage.set(
      term.id,
      mine.filter((l) => {
        const text = `${l.title}\n${l.body}`;
        return text.includes(`<Term id="${term.id}"`) || patterns.some((p) => uses(text, p));
      }),
    );
  }
  return usage;
}

/** `file:line: unknown glossary term "x"` for every <Term id> not in the glossary (the build fails on any). */
export function unknownTermIds(terms: GlossaryTerm[], files: { file: string; text: string }[]): string[] {
  const ids = new Set(terms.map((t) => t.id));
  const problems: string[] = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/<Term\s+id="([^"]*)"/g)) {
        if (!ids.has(m[1])) problems.push(`${file}:${i + 1}: unknown glossary term "${m[1]}" (content/glossary.yaml)`);
      }
    });
  }
  return problems;
}

export { LOCALES };
