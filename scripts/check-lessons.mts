/**
 * A fast check for lesson authors, without a full `next build`:
 *   npx tsx scripts/check-lessons.mts [content/zh/rabbitmq]
 * compiles every lesson's MDX with the same remark plugins the build uses (so MDX syntax errors and
 * heading-id problems show with file and line), then loads the whole content tree with every
 * cross-check the build runs (schema, question ids, scenario ids, quiz sections).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkLesson from '../lib/mdx/remark-lesson.mjs';
import { getSite } from '../lib/content/site';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return mdxFiles(p);
    return p.endsWith('.mdx') ? [p] : [];
  });
}

async function main() {
  const root = process.argv[2] ?? 'content';
  let failed = 0;
  for (const file of mdxFiles(root)) {
    try {
      await compile({ value: readFileSync(file, 'utf8'), path: file }, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkLesson] });
    } catch (e) {
      failed++;
      const err = e as { message: string; line?: number; column?: number };
      console.error(`${file}${err.line ? `:${err.line}:${err.column ?? 0}` : ''}: ${err.message}`);
    }
  }
  try {
    const site = getSite();
    console.log(`compiled ${root}; ${site.lessons.length} lessons load and pass the cross-checks`);
  } catch (e) {
    failed++;
    console.error((e as Error).message);
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
