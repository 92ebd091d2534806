// JS budgets per page type, run by `npm test` after the build and before e2e: `node scripts/budgets.mjs`.
//
// Baseline: out/{locale}/blank/ (app/[locale]/blank/page.tsx), a page of the same build with no content and no
// islands. Measuring a real blank page rather than naming "the framework chunks" keeps the baseline honest when
// Next changes how it splits its runtime: whatever every page must load is, by definition, what the blank loads.
// Each page is compared with the blank of its own locale. Every page of a type is measured (not one sample), and a
// failure names the page and the bytes over. Bytes are gzip of every <script src> the HTML loads plus the chunks
// the page imports at mount (pageJs in scripts/js-size.mjs with `lazy: { allow }`): for a scenario page, the player
// and the one system chunk of its scenario; chunks that load on interaction (the player in a lesson, the validator,
// the other systems) are tagged in the source (CHUNK_TAG) and left out, and the run prints which were.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chunkTags, pageJs } from './js-size.mjs';

const KiB = 1024;

/** Allowed gzip JS above the blank page, per page type (issue 12, item 7). */
export const BUDGETS = { lesson: 15 * KiB, scenario: 80 * KiB, practice: 60 * KiB };


/** Tagged chunks (CHUNK_TAG in the source) a page of each type loads at mount: the scenario's system, the page's locale. */
export function mountTags(type, system, locale, narratedByBuild = true) {
  if (type !== 'scenario') return [];
  // The narration code loads at mount only when the build shipped no narration for the scenario (lib/sim/data.ts).
  return ['player', `system-${system}`, `strings-${locale}`, ...(narratedByBuild ? [] : [`narrate-${system}`])];
}

/** The scenario page's system, from the lazy player's wrapper (`data-system`, components/sim/LazySimulation). */
const systemOf = (html) => /data-lazy-simulation="[^"]*" data-system="([\w-]+)"/.exec(html)?.[1] ?? null;
/** Whether the page's scenario data carries its narration (`data-narration`, components/sim/LazySimulation). */
const narratedByBuild = (html) => /data-narration="build"/.test(html);

/** Relative paths (under a locale) of the pages of each type, found by walking the export. */
function pagesOf(outDir, locale) {
  const dirs = (rel) => {
    const abs = path.join(outDir, locale, rel);
    return existsSync(abs) ? readdirSync(abs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  };
  const lesson = dirs('learn').flatMap((track) => dirs(`learn/${track}`).map((slug) => `learn/${track}/${slug}`));
  const scenario = dirs('sim').map((id) => `sim/${id}`);
  const practice = ['practice', 'review', 'interview', 'progress'];
  return { lesson, scenario, practice };
}

/**
 * Pure check: `measured` is a list of `{ page, type, gzip }`, `blank` the baseline bytes per locale (keyed by the
 * page's first path segment). Returns one message per page over its budget, naming the page and the bytes over.
 */
export function overBudget(measured, blank, budgets = BUDGETS) {
  const failures = [];
  for (const { page, type, gzip } of measured) {
    const base = blank[page.split('/')[0]];
    const limit = base + budgets[type];
    if (gzip > limit) {
      failures.push(`${page} (${type}): ${gzip} B gzip JS is ${gzip - limit} B over its budget of blank ${base} B + ${budgets[type]} B`);
    }
  }
  return failures;
}

const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;

function main() {
  const outDir = path.resolve('out');
  const locales = readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(outDir, d.name, 'blank/index.html')))
    .map((d) => d.name);
  if (locales.length === 0) {
    console.error('budgets: no out/{locale}/blank/index.html: run `npm run build` first');
    process.exit(1);
  }
  const blank = {};
  const measured = [];
  const problems = [];
  const skippedTags = new Set();
  for (const locale of locales) {
    blank[locale] = pageJs(path.join(outDir, locale, 'blank/index.html'), outDir).gzip;
    for (const [type, rels] of Object.entries(pagesOf(outDir, locale))) {
      for (const rel of rels) {
        const file = path.join(outDir, locale, rel, 'index.html');
        if (!existsSync(file)) continue;
        const html = readFileSync(file, 'utf8');
        const system = type === 'scenario' ? systemOf(html) : null;
        if (type === 'scenario' && !system) problems.push(`${locale}/${rel}/: no data-system on the player wrapper, cannot tell which system chunk it loads`);
        const allow = mountTags(type, system, locale, narratedByBuild(html));
        const { gzip, srcs, skipped } = pageJs(file, outDir, { lazy: { allow } });
        skipped.forEach((t) => skippedTags.add(t));
        // A tag this page must load but that no chunk carries means the tags (or the build's chunking) changed:
        // the figure would silently shrink, so that is an error too.
        const found = new Set(srcs.flatMap((src) => chunkTags(readFileSync(path.join(outDir, src), 'utf8'))));
        const missing = allow.filter((t) => !found.has(t));
        if (missing.length) problems.push(`${locale}/${rel}/: expected chunk tag(s) ${missing.join(', ')} among its chunks`);
        measured.push({ page: `${locale}/${rel}/`, type, system, gzip });
      }
    }
  }
  console.log('JS budgets (gzip of the scripts the HTML loads + chunks imported at mount; against the blank page of its locale):');
  for (const locale of locales) {
    console.log(`  ${locale}: blank ${kib(blank[locale])}`);
    for (const type of Object.keys(BUDGETS)) {
      const ofType = measured.filter((m) => m.type === type && m.page.startsWith(`${locale}/`));
      const groups = type === 'scenario' ? [...new Set(ofType.map((m) => m.system))] : [null];
      for (const system of groups) {
        const rows = ofType.filter((m) => m.system === system);
        if (rows.length === 0) continue;
        const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
        const label = system ? `${type} (${system})` : type;
        console.log(
          `    ${label.padEnd(20)} ${String(rows.length).padStart(3)} pages, max ${kib(worst.gzip)} = blank + ${kib(worst.gzip - blank[locale])}` +
            ` (budget + ${kib(BUDGETS[type])}; heaviest ${worst.page})`,
        );
      }
    }
  }
  console.log(`  left out as loaded on interaction (tagged chunks): ${[...skippedTags].sort().join(', ') || 'none'}`);
  const failures = [...problems, ...overBudget(measured, blank)];
  if (failures.length) {
    console.error(`\nbudgets: ${failures.length} page(s) over budget or unmeasurable:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`budgets: all ${measured.length} pages within budget`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
