/**
 * Remark plugin for lesson MDX (given to @next/mdx as an absolute path string: Turbopack cannot take functions).
 *
 * 1. Explicit heading ids: `## Title {/*stable-id*\/}`. The trailing MDX comment expression is removed and the id
 *    set on the heading element. Every `##` and `###` must carry one; a duplicate id in one file throws.
 *    Invariant: lib/content/headings.ts parses the same syntax line by line (for the TOC and cross-checks without
 *    compiling MDX); both must accept and reject the same headings.
 * 2. Closed vocabulary: a capitalised JSX tag not in vocabulary.json throws, and lowercase JSX elements are only
 *    allowed when they are SVG elements inside <Figure>. The error names the file and line.
 *
 * It throws (instead of reporting a vfile message) because a message would only be a warning and the build would
 * go on to produce a broken page.
 */
import { readFileSync } from 'node:fs';

const vocabulary = JSON.parse(readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8'));
const COMPONENTS = new Set(vocabulary.components);
const SVG = new Set(vocabulary.svgElements);

export const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COMMENT = /^\/\*\s*(.*?)\s*\*\/$/s;

function where(file, node) {
  const line = node.position?.start?.line;
  return `${file.path ?? '<mdx>'}${line ? `:${line}` : ''}`;
}

/** Removes a trailing `{/*id*\/}` from a heading node and returns the id, or null when there is none. */
export function takeHeadingId(heading) {
  const last = heading.children[heading.children.length - 1];
  if (!last || last.type !== 'mdxTextExpression') return null;
  const match = COMMENT.exec(last.value.trim());
  if (!match) return null;
  heading.children.pop();
  const before = heading.children[heading.children.length - 1];
  if (before && before.type === 'text') before.value = before.value.replace(/\s+$/, '');
  return match[1];
}

function walk(node, ancestors, visit) {
  visit(node, ancestors);
  if (Array.isArray(node.children)) {
    const next = [...ancestors, node];
    for (const child of node.children) walk(child, next, visit);
  }
}

export default function remarkLesson() {
  return (tree, file) => {
    const seen = new Map();
    walk(tree, [], (node, ancestors) => {
      if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
        const id = takeHeadingId(node);
        if (id === null)
          throw new Error(`${where(file, node)}: heading: expected an explicit id, e.g. "## Title {/*stable-id*/}"`);
        if (!HEADING_ID.test(id))
          throw new Error(`${where(file, node)}: heading: id "${id}" must be lowercase words joined by "-"`);
        if (seen.has(id))
          throw new Error(`${where(file, node)}: heading: duplicate id "${id}" (first used on line ${seen.get(id)})`);
        seen.set(id, node.position?.start?.line ?? 0);
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const name = node.name;
        if (name === null) throw new Error(`${where(file, node)}: fragments (<>…</>) are not part of the lesson vocabulary`);
        if (/^[A-Z]/.test(name)) {
          if (!COMPONENTS.has(name))
            throw new Error(`${where(file, node)}: unknown component <${name}>; see content/AUTHORING.md for the vocabulary`);
        } else if (!SVG.has(name) || !ancestors.some((a) => a.name === 'Figure')) {
          throw new Error(`${where(file, node)}: <${name}> is only allowed as an SVG element inside <Figure>`);
        }
      }
      if (node.type === 'mdxjsEsm') throw new Error(`${where(file, node)}: lessons never import or export anything`);
    });
  };
}
