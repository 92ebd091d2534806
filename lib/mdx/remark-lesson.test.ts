/**
 * The remark plugin is what `next build` runs on every lesson. Compiled here with the same MDX compiler
 * @next/mdx uses (@mdx-js/mdx, a dependency of the pinned @mdx-js/loader).
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { extractHeadings } from '@/lib/content/headings';
import { lessonComponents } from '@/mdx-components';
import remarkLesson from './remark-lesson.mjs';
import vocabulary from './vocabulary.json';

const run = (source: string) =>
  compile({ value: source, path: 'lesson.mdx' }, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkLesson] }).then(String);

describe('remark-lesson', () => {
  it('moves an explicit id onto the heading and removes the comment', async () => {
    const js = await run('## Why use it {/*why*/}\n\n### Deeper `code` {/*deeper*/}\n');
    expect(js).toContain('id: "why"');
    expect(js).toContain('id: "deeper"');
    expect(js).toContain('"Why use it"');
    expect(js).not.toContain('/*why*/');
  });

  it('throws on a ## or ### heading without an id, naming file and line', async () => {
    await expect(run('Intro\n\n## No id\n')).rejects.toThrow(/lesson\.mdx:3: heading: expected an explicit id/);
    await expect(run('### No id either\n')).rejects.toThrow(/expected an explicit id/);
  });

  it('leaves # and #### headings alone', async () => {
    await expect(run('# Title\n\n#### Minor\n')).resolves.toContain('Minor');
  });

  it('throws on a duplicate id', async () => {
    await expect(run('## A {/*same*/}\n\n## B {/*same*/}\n')).rejects.toThrow(/lesson\.mdx:3: heading: duplicate id "same" \(first used on line 1\)/);
  });

  it('throws on an id that is not lowercase-dashed', async () => {
    await expect(run('## A {/*Not OK*/}\n')).rejects.toThrow(/id "Not OK" must be lowercase/);
  });

  it('enforces the closed vocabulary', async () => {
    await expect(run('<Recap>\n- a\n</Recap>\n')).resolves.toBeTruthy();
    await expect(run('<Marquee>hi</Marquee>\n')).rejects.toThrow(/lesson\.mdx:1: unknown component <Marquee>/);
    await expect(run('<div>raw html</div>\n')).rejects.toThrow(/<div> is only allowed as an SVG element inside <Figure>/);
    await expect(run('<svg role="img"><title>x</title></svg>\n')).rejects.toThrow(/<svg> is only allowed/);
    await expect(run('<Figure caption="c">\n  <svg role="img"><title>x</title><rect /></svg>\n</Figure>\n')).resolves.toBeTruthy();
    await expect(run('import X from "x"\n\n# T\n')).rejects.toThrow(/never import or export/);
  });

  it('agrees with the loader\'s line-based heading reader on the real lessons', async () => {
    for (const locale of ['zh', 'en']) {
      const file = path.join(__dirname, '..', '..', 'content', locale, 'basics', 'what-is-mq.mdx');
      const source = readFileSync(file, 'utf8');
      const js = await run(source);
      const compiledIds = [...js.matchAll(/_components\.h[23], \{\s*id: "([^"]+)"/g)].map((m) => m[1]);
      expect(compiledIds).toEqual(extractHeadings(source).headings.map((h) => h.id));
    }
  });
});

describe('the MDX component registry', () => {
  it('registers exactly the vocabulary of AUTHORING.md', () => {
    const registered = Object.keys(lessonComponents({ locale: 'zh', quiz: [] })).sort();
    expect(registered).toEqual([...vocabulary.components].sort());
  });

  it('AUTHORING.md documents every component', () => {
    const guide = readFileSync(path.join(__dirname, '..', '..', 'content', 'AUTHORING.md'), 'utf8');
    for (const name of vocabulary.components) expect(guide, name).toContain(`<${name}`);
  });
});
