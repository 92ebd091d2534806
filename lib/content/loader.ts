/**
 * Build-time lesson loader: reads content/{locale}/{track}/{slug}.mdx and {slug}.quiz.yaml with fs, validates them
 * (schema.ts) and cross-checks the whole site (checks.ts). Used by server components, scripts and tests only.
 *
 * Every problem is collected first and thrown once as a ContentError whose message has one line per problem,
 * "file: field: message", so a broken lesson fails `next build` (and content:stats) with everything to fix.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
import { checkSite, type ScenarioRegistry } from './checks';
import { countQuizTags, extractCodeTerms, extractHeadings, extractSimulations, type Heading } from './headings';
import { readNotesIndex, type NotesIndex } from './notes';
import {
  formatIssues,
  LessonFrontmatterSchema,
  LOCALES,
  QuizFileSchema,
  TRACKS,
  type LessonFrontmatter,
  type Locale,
  type QuizFile,
  type Track,
} from './schema';

export interface Lesson {
  locale: Locale;
  track: Track;
  slug: string;
  /** Path of the .mdx file relative to the working directory (as printed in errors). */
  file: string;
  /** Path of the quiz file relative to the working directory. */
  quizFile: string;
  frontmatter: LessonFrontmatter;
  headings: Heading[];
  quiz: QuizFile;
  /** Scenario ids of `<Simulation scenario>` tags in the body. */
  simulations: string[];
  /** Inline-code terms of the body (config keys, arguments …), for search. */
  codeTerms: string[];
}

export interface Site {
  lessons: Lesson[];
  notes: NotesIndex;
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.join('\n')}`);
    this.name = 'ContentError';
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

const rel = (file: string) => path.relative(process.cwd(), file) || file;

function zodProblems(file: string, error: ZodError): string[] {
  return formatIssues(file, error).split('\n');
}

function yamlProblem(file: string, error: unknown, lineOffset = 0): string {
  if (error instanceof YAMLParseError) {
    const line = (error.linePos?.[0].line ?? 0) + lineOffset;
    // The first line of the message ends with " at line L, column C:" and a source excerpt follows; we print the line.
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return `${file}: (yaml${line ? ` line ${line}` : ''}): ${message}`;
  }
  return `${file}: (yaml): ${String(error)}`;
}

/** Reads and validates one lesson; pushes problems instead of throwing so every file gets reported. */
export function readLesson(mdxPath: string, locale: Locale, track: Track, problems: string[]): Lesson | null {
  const file = rel(mdxPath);
  const slug = path.basename(mdxPath, '.mdx');
  const before = problems.length;
  if (!SLUG.test(slug)) problems.push(`${file}: (file name): slug "${slug}" must be lowercase words joined by "-"`);

  const source = readFileSync(mdxPath, 'utf8');
  const fm = FRONTMATTER.exec(source);
  let frontmatter: LessonFrontmatter | null = null;
  if (!fm) {
    problems.push(`${file}: (frontmatter): expected a YAML block between "---" lines at the top of the file`);
  } else {
    try {
      const parsed = LessonFrontmatterSchema.safeParse(parseYaml(fm[1]));
      if (parsed.success) frontmatter = parsed.data;
      else problems.push(...zodProblems(file, parsed.error));
    } catch (error) {
      problems.push(yamlProblem(file, error, 1));
    }
  }
  if (frontmatter && frontmatter.track !== track)
    problems.push(`${file}: track: expected "${track}" (the folder the lesson is in), got "${frontmatter.track}"`);

  // Blank the frontmatter out (keeping its lines) so body line numbers match the file.
  const body = fm ? fm[0].replace(/[^\n]/g, '') + source.slice(fm[0].length) : source;
  const { headings, problems: bodyProblems } = extractHeadings(body);
  for (const p of bodyProblems) problems.push(`${file}:${p.line}: ${p.field}: ${p.message}`);
  const quizTags = countQuizTags(body);
  if (quizTags !== 1) problems.push(`${file}: <Quiz />: expected exactly one <Quiz /> at the end of the body, found ${quizTags}`);

  const quizPath = mdxPath.replace(/\.mdx$/, '.quiz.yaml');
  const quizFile = rel(quizPath);
  let quiz: QuizFile | null = null;
  if (!existsSync(quizPath)) {
    problems.push(`${quizFile}: (file): missing; every lesson has a quiz file beside it`);
  } else {
    try {
      const parsed = QuizFileSchema.safeParse(parseYaml(readFileSync(quizPath, 'utf8')));
      if (parsed.success) quiz = parsed.data;
      else problems.push(...zodProblems(quizFile, parsed.error));
    } catch (error) {
      problems.push(yamlProblem(quizFile, error));
    }
  }

  if (problems.length > before || !frontmatter || !quiz) return null;
  return { locale, track, slug, file, quizFile, frontmatter, headings, quiz, simulations: extractSimulations(body), codeTerms: extractCodeTerms(body) };
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Loads every lesson under `contentDir` and checks the site as a whole against the notes index in `notesDir`
 * (tests point `contentDir` at fixtures and keep the real index). Throws a ContentError listing every problem.
 * Only `{locale}/{track}/*.mdx` is read: any other folder or stray file under a locale is reported, so a typo in a
 * folder name cannot silently hide a lesson.
 */
export function loadSite(contentDir: string, scenarios: ScenarioRegistry, notesDir: string = contentDir): Site {
  const problems: string[] = [];
  let notes: NotesIndex;
  try {
    notes = readNotesIndex(notesDir);
  } catch (error) {
    throw new ContentError([error instanceof Error ? error.message : String(error)]);
  }
  const lessons: Lesson[] = [];
  for (const locale of LOCALES) {
    const localeDir = path.join(contentDir, locale);
    if (!isDir(localeDir)) continue;
    for (const entry of readdirSync(localeDir).sort()) {
      const trackDir = path.join(localeDir, entry);
      if (!(TRACKS as readonly string[]).includes(entry) || !isDir(trackDir)) {
        problems.push(`${rel(trackDir)}: (folder): expected one of the tracks ${TRACKS.join(', ')}`);
        continue;
      }
      const track = entry as Track;
      for (const name of readdirSync(trackDir).sort()) {
        if (name.endsWith('.quiz.yaml')) {
          if (!existsSync(path.join(trackDir, name.replace(/\.quiz\.yaml$/, '.mdx'))))
            problems.push(`${rel(path.join(trackDir, name))}: (file): quiz without a lesson beside it`);
          continue;
        }
        if (!name.endsWith('.mdx')) {
          problems.push(`${rel(path.join(trackDir, name))}: (file): expected {slug}.mdx or {slug}.quiz.yaml`);
          continue;
        }
        const lesson = readLesson(path.join(trackDir, name), locale, track, problems);
        if (lesson) lessons.push(lesson);
      }
    }
  }
  problems.push(...checkSite(lessons, notes, scenarios));
  if (problems.length) throw new ContentError(problems);
  lessons.sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.frontmatter.order - b.frontmatter.order);
  return { lessons, notes };
}
