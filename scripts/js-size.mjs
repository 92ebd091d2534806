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

/**
 * `{ scripts, gzip, srcs }` of one built HTML file; `outDir` is the export root the script paths resolve against.
 * With `lazy: true` it also counts every chunk the loaded chunks can import() (transitively): an upper bound for a
 * page whose islands render a React.lazy component at once (the scenario page's player). Trap: without it, a lazy
 * chunk is invisible here because the HTML never names it; Turbopack names it only inside the importing chunk.
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
  if (lazy) {
    const queue = [...srcs];
    while (queue.length) {
      const code = readFileSync(path.join(outDir, queue.pop()), 'utf8');
      for (const [ref] of code.matchAll(/static\/chunks\/[\w.~-]+\.js/g)) {
        const src = `/_next/${ref}`;
        if (!srcs.has(src) && existsSync(path.join(outDir, src))) {
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
  return { scripts: srcs.size, gzip, srcs: [...srcs] };
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
