// Prints the gzip bytes of JavaScript each built page loads: `node scripts/js-size.mjs [out/zh/index.html …]`.
// Counts every <script src> the HTML references (module scripts a modern browser fetches), skipping `noModule`
// polyfills, each chunk once per page. Run after `npm run build`; with no arguments it measures one page per type.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const out = path.resolve('out');
const defaults = {
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
const args = process.argv.slice(2);
const pages = args.length ? Object.fromEntries(args.map((a) => [a, path.relative(out, path.resolve(a))])) : defaults;

export function pageJs(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const srcs = new Set();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1];
    if (/\bnoModule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) srcs.add(src.split('?')[0]);
  }
  let gzip = 0;
  for (const src of srcs) gzip += gzipSync(readFileSync(path.join(out, src))).length;
  return { scripts: srcs.size, gzip };
}

const result = {};
for (const [name, rel] of Object.entries(pages)) {
  const file = path.join(out, rel);
  result[name] = existsSync(file) ? { page: rel, ...pageJs(file) } : { page: rel, missing: true };
}
console.log(JSON.stringify(result, null, 2));
