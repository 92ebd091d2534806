/**
 * Line-based reading of a lesson body, so the loader, content:stats and unit tests know a lesson's headings and
 * components without compiling MDX.
 * Invariant: accepts exactly the heading syntax lib/mdx/remark-lesson.mjs accepts (`## Text {/*id*\/}` on `##` and
 * `###`); the remark plugin is what the build enforces on the compiled page, this keeps the TOC in step with it.
 */

export interface Heading {
  depth: 2 | 3;
  /** Explicit id, identical in every locale; the anchor of TOC links and quiz `section` links. */
  id: string;
  /** Heading text with inline markdown markers removed (for the TOC). */
  text: string;
  /** 1-based line in the .mdx file (frontmatter included). */
  line: number;
}

export interface BodyProblem {
  line: number;
  field: string;
  message: string;
}

const HEADING = /^(#{2,3})\s+(.*?)\s*$/;
const EXPLICIT_ID = /^(.*?)\s*\{\/\*\s*(.*?)\s*\*\/\}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FENCE = /^\s*(```|~~~)/;
/** Ids the lesson page itself uses (quiz section and items, simulation boxes, skip link target, sources). */
const RESERVED = /^(?:quiz|quiz-.*|sim-.*|main-content|sources)$/;

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(source: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | null = null;
  source.split('\n').forEach((text, i) => {
    const match = FENCE.exec(text);
    if (match) {
      if (fence === null) fence = match[1];
      else if (match[1] === fence) fence = null;
      return;
    }
    if (fence === null) out.push({ text, line: i + 1 });
  });
  return out;
}

export function extractHeadings(source: string): { headings: Heading[]; problems: BodyProblem[] } {
  const headings: Heading[] = [];
  const problems: BodyProblem[] = [];
  for (const { text, line } of proseLines(source)) {
    const heading = HEADING.exec(text);
    if (!heading) continue;
    const explicit = EXPLICIT_ID.exec(heading[2]);
    if (!explicit) {
      problems.push({ line, field: 'heading', message: `expected an explicit id, e.g. "## Title {/*stable-id*/}"` });
      continue;
    }
    const [, rawText, id] = explicit;
    if (!ID.test(id)) {
      problems.push({ line, field: 'heading', message: `id "${id}" must be lowercase words joined by "-"` });
      continue;
    }
    if (RESERVED.test(id)) {
      problems.push({ line, field: 'heading', message: `id "${id}" is reserved for the page itself` });
      continue;
    }
    const first = headings.find((h) => h.id === id);
    if (first) {
      problems.push({ line, field: 'heading', message: `duplicate id "${id}" (first used on line ${first.line})` });
      continue;
    }
    headings.push({ depth: heading[1].length as 2 | 3, id, text: rawText.replace(/[`*_]/g, ''), line });
  }
  return { headings, problems };
}

/** Every `<Simulation scenario="…">` in the body, in order. */
export function extractSimulations(source: string): string[] {
  return proseLines(source).flatMap(({ text }) =>
    [...text.matchAll(/<Simulation\b[^>]*\bscenario=["']([^"']+)["']/g)].map((m) => m[1]),
  );
}

/**
 * The distinct inline-code spans of the prose (`x-dead-letter-exchange`, `enable.idempotence`, `__consumer_offsets`):
 * config keys, arguments and internal names a learner searches for verbatim. Code blocks are left out.
 */
export function extractCodeTerms(source: string): string[] {
  const terms = proseLines(source).flatMap(({ text }) => [...text.matchAll(/`([^`\n]{2,80})`/g)].map((m) => m[1].trim()));
  return [...new Set(terms.filter(Boolean))];
}

/** How many `<Quiz` tags the body has (AUTHORING.md: exactly one, at the end). */
export function countQuizTags(source: string): number {
  return proseLines(source).reduce((n, { text }) => n + [...text.matchAll(/<Quiz\b/g)].length, 0);
}
