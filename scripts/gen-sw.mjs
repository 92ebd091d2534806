// Writes out/sw.js after `next build` (the `build` script runs it): the hand-written service worker in
// lib/offline/sw.template.js with the precache list of this export inlined. `node scripts/gen-sw.mjs [outDir]`.
//
// What is precached, by group (decided from measurements of the export, see README "Offline"):
// - core: everything under _next/static (JS, CSS, media: every page needs the shared chunks, and the lazy ones —
//   player, practice islands — are loaded by dynamic import, which the HTML never names), `/`, the 404 page, the two
//   offline pages, the manifest and icons. Installed before the worker activates.
// - one group per locale: every page of that locale (lessons, tracks, scenario pages, practice, review, interview,
//   progress, glossary, search) and its JSON (practice items, search index, the simulator's /sim-data/{locale}/).
//   Fetched after activation, only for a
//   locale the visitor uses: ≈ 2.5 MB gzip for zh, too heavy to fetch for both locales on a first mobile visit.
// - never: RSC payloads (*.txt: no page fetches them, the site has no client-side navigation; the worker caches
//   them network-first if that ever changes), robots.txt, sitemap.xml, og.png (for crawlers and link previews),
//   the duplicate 404s (404/index.html, _not-found/), the budget baseline pages (/{locale}/blank/) and sw.js itself.
//
// The version is a hash of the template and of every (URL, content hash) pair, so an unchanged export gives a
// byte-identical sw.js (no update prompt) and any changed file gives a new one. It relies on a reproducible export:
// next.config.ts derives the build id from the sources for that reason (Next's default id is random per build).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const TEMPLATE = path.join(root, 'lib/offline/sw.template.js');

/** Hex characters of SHA-256 kept per file and for the version: 64 bits, plenty to tell two builds apart. */
export const HASH_LENGTH = 16;

export const LOCALES = ['zh', 'en'];

export const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, HASH_LENGTH);

/**
 * Pure: the group of one exported file (`rel` is its path under out/, with forward slashes) and the URL the worker
 * caches it under, or null when it is not precached. Pages are keyed by their trailing-slash URL, the address
 * visitors and links use (`serve` and most static hosts answer it with the directory's index.html).
 */
export function classify(rel) {
  if (rel === 'sw.js' || rel.endsWith('.txt') || rel === 'sitemap.xml' || rel === 'og.png') return null;
  if (rel.startsWith('404/') || rel.startsWith('_not-found/')) return null;
  const url = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
  const [first, second] = rel.split('/');
  // The simulator's per-locale scenario data (/sim-data/{locale}/{id}.json) goes with its locale's pages.
  if (first === 'sim-data' && LOCALES.includes(second)) return { group: second, url };
  if (LOCALES.includes(first)) {
    if (second === 'blank') return null;
    // The offline pages are what the worker answers for a page it has not cached yet: both must be there from the start.
    if (second === 'offline') return { group: 'core', url };
    return { group: first, url };
  }
  return { group: 'core', url };
}

/**
 * Pure: the precache plan of an export given as `{ rel, hash }` per file. Returns `{ version, groups }` where
 * `groups` maps core and each locale to sorted `[url, hash]` pairs; `template` (the worker's source) enters the
 * version so a change to the worker's code is a new version too.
 */
export function planPrecache(files, template = '') {
  const groups = Object.fromEntries(['core', ...LOCALES].map((g) => [g, []]));
  for (const { rel, hash } of files) {
    const entry = classify(rel);
    if (entry) groups[entry.group].push([entry.url, hash]);
  }
  for (const list of Object.values(groups)) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const version = createHash('sha256').update(template).update(JSON.stringify(groups)).digest('hex').slice(0, 12);
  return { version, groups };
}

/** Pure: the worker's source with the plan inlined. Throws when the template lost a placeholder. */
export function renderWorker(template, { version, groups }) {
  const slots = [
    ["const VERSION = 'dev';", `const VERSION = '${version}';`],
    ['const PRECACHE = { core: [] };', `const PRECACHE = ${JSON.stringify(groups)};`],
  ];
  let source = template;
  for (const [slot, value] of slots) {
    if (source.split(slot).length !== 2) throw new Error(`gen-sw: the template must contain "${slot}" exactly once`);
    source = source.replace(slot, () => value);
  }
  return source;
}

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    return e.isDirectory() ? walk(abs, base) : [path.relative(base, abs).split(path.sep).join('/')];
  });
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? 'out');
  const template = readFileSync(TEMPLATE, 'utf8');
  const bytes = new Map();
  const files = walk(outDir).sort().map((rel) => {
    const content = readFileSync(path.join(outDir, rel));
    bytes.set(rel, content);
    return { rel, hash: contentHash(content) };
  });
  const plan = planPrecache(files, template);
  writeFileSync(path.join(outDir, 'sw.js'), renderWorker(template, plan));

  const size = (group) => {
    let raw = 0;
    let gzip = 0;
    for (const { rel } of files) {
      if (classify(rel)?.group !== group) continue;
      raw += bytes.get(rel).length;
      gzip += gzipSync(bytes.get(rel)).length;
    }
    return `${String(plan.groups[group].length).padStart(4)} files, ${(raw / 1024).toFixed(0).padStart(6)} KiB raw, ${(gzip / 1024).toFixed(0).padStart(5)} KiB gzip`;
  };
  console.log(`gen-sw: wrote ${path.relative(process.cwd(), path.join(outDir, 'sw.js'))}, version ${plan.version}`);
  for (const group of Object.keys(plan.groups)) console.log(`  ${group.padEnd(5)} ${size(group)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
