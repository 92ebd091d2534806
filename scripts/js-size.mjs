// Prints the gzip bytes of JavaScript each built page loads: `node scripts/js-size.mjs [out/zh/index.html …]`.
// Counts every <script src> the HTML references (module scripts a modern browser fetches), skipping `noModule`
// polyfills, each chunk once per page. Run after `npm run build`; with no arguments it measures one page per type.
// scripts/budgets.mjs imports `pageJs` from here, so there is one way of measuring.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const out = path.resolve('out');
const defaults = {
  blank: 'zh/blank/index.html',
  home: 'zh/index.html',
  track: 'zh/learn/kafka/index.html',
  lesson: 'zh/learn/kafka/acks/index.html',
  library: 'zh/sim/index.html',
  scenario: 'zh/sim/kafka-acks1-leader-crash/index.html',
  practice: 'zh/practice/index.html',
  review: 'zh/review/index.html',
  interview: 'zh/interview/index.html',
  progress: 'zh/progress/index.html',
};

/** gzip size per chunk file: chunks are shared by many pages, so each is compressed once per process. */
const gzipCache = new Map();

const textCache = new Map();
const read = (file) => {
  if (!textCache.has(file)) textCache.set(file, readFileSync(file, 'utf8'));
  return textCache.get(file);
};

/** `mqlab:chunk:<name>` tags (CHUNK_TAG constants in the source) found in a chunk's code. */
export const chunkTags = (code) => [...new Set([...code.matchAll(/mqlab:chunk:([\w-]+)/g)].map((m) => m[1]))];

/**
 * The import() groups of a chunk: Turbopack compiles `import('x')` to a loader listing every chunk the module
 * needs, `Promise.all(["static/chunks/a.js", …].map(…))`. Chunk paths named anywhere else count as a group of one.
 */
function importGroups(code) {
  const groups = [];
  const grouped = new Set();
  for (const m of code.matchAll(/Promise\.all\(\[((?:"static\/chunks\/[\w.~-]+\.js",?)+)\]/g)) {
    const group = [...m[1].matchAll(/static\/chunks\/[\w.~-]+\.js/g)].map(([ref]) => `/_next/${ref}`);
    group.forEach((g) => grouped.add(g));
    groups.push(group);
  }
  for (const [ref] of code.matchAll(/static\/chunks\/[\w.~-]+\.js/g)) if (!grouped.has(`/_next/${ref}`)) groups.push([`/_next/${ref}`]);
  return groups;
}

/**
 * `{ scripts, gzip, srcs, skipped }` of one built HTML file; `outDir` is the export root the script paths resolve
 * against. Counts every <script src> the HTML loads; with `lazy` it also follows the import() groups of those
 * chunks, transitively (Trap: without it, a lazy chunk is invisible, because the HTML never names it).
 *
 * `lazy: true` follows every group (an upper bound). `lazy: { allow: [...] }` models what loads *at mount*: a group
 * whose chunks carry an `mqlab:chunk:<tag>` (a CHUNK_TAG in the source) is followed only if the tag is allowed,
 * because tagged chunks load on a condition the HTML does not show: the scenario page mounts the player and the
 * one system chunk of its scenario; a lesson loads the player only when the embed scrolls into view; the
 * validator loads on the learner's first edit. Untagged groups are always followed. `skipped` lists the tags left out.
 */
export function pageJs(htmlFile, outDir = out, { lazy = false } = {}) {
  const html = readFileSync(htmlFile, 'utf8');
  const srcs = new Set();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1];
    if (/\bnoModule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) srcs.add(src.split('?')[0]);
  }
  const skipped = new Set();
  if (lazy) {
    const allow = lazy === true ? null : new Set(lazy.allow ?? []);
    const queue = [...srcs];
    while (queue.length) {
      for (const group of importGroups(read(path.join(outDir, queue.pop())))) {
        const files = group.filter((src) => existsSync(path.join(outDir, src)));
        const tags = files.flatMap((src) => chunkTags(read(path.join(outDir, src))));
        const blocked = allow ? tags.filter((t) => !allow.has(t)) : [];
        if (blocked.length) {
          blocked.forEach((t) => skipped.add(t));
          continue;
        }
        for (const src of files) {
          if (srcs.has(src)) continue;
          srcs.add(src);
          queue.push(src);
        }
      }
    }
  }
  let gzip = 0;
  for (const src of srcs) {
    const file = path.join(outDir, src);
    if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file)).length);
    gzip += gzipCache.get(file);
  }
  return { scripts: srcs.size, gzip, srcs: [...srcs], skipped: [...skipped].sort() };
}

function main() {
  const args = process.argv.slice(2);
  const pages = args.length ? Object.fromEntries(args.map((a) => [a, path.relative(out, path.resolve(a))])) : defaults;
  const result = {};
  for (const [name, rel] of Object.entries(pages)) {
    const file = path.join(out, rel);
    if (!existsSync(file)) {
      result[name] = { page: rel, missing: true };
      continue;
    }
    const { scripts, gzip } = pageJs(file);
    result[name] = { page: rel, scripts, gzip };
  }
  console.log(JSON.stringify(result, null, 2));
}

// Trap: importing this module must not print a report, so main() runs only when this file is the entry point.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
