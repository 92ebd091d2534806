/**
 * The site's content, loaded once per process from ./content and checked against the simulator's registry.
 * Server components call these during `next build`; a ContentError here fails the build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getGlossary, unknownTermIds } from '@/lib/glossary/glossary';
import { ContentError, loadSite, type Lesson, type Site } from './loader';
import { scenarioRegistry } from './scenarios';
import { contentStats } from './stats';
import type { Locale, Track } from './schema';

export const CONTENT_DIR = path.join(process.cwd(), 'content');

let cache: Site | null = null;

export function getSite(): Site {
  if (cache) return cache;
  const site = loadSite(CONTENT_DIR, scenarioRegistry);
  // <Term id> must name a glossary entry: checked here so `next build` fails with file:line, not a dead link.
  const unknown = unknownTermIds(
    getGlossary(),
    site.lessons.map((l) => ({ file: l.file, text: readFileSync(path.resolve(l.file), 'utf8') })),
  );
  if (unknown.length) throw new ContentError(unknown);
  cache = site;
  return cache;
}

export function lessonsOf(locale: Locale, track?: Track): Lesson[] {
  return getSite().lessons.filter((l) => l.locale === locale && (track === undefined || l.track === track));
}

export function findLesson(locale: Locale, track: string, slug: string): Lesson | undefined {
  return getSite().lessons.find((l) => l.locale === locale && l.track === track && l.slug === slug);
}

/** Distinct notes entries (duplicates excluded) answered by this locale's lessons (the home page's meter). */
export function coverage(locale: Locale): { covered: number; total: number } {
  const stats = contentStats(getSite());
  return { covered: stats.questionsCovered[locale], total: stats.questionsTotal };
}
