import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, contentHash, planPrecache, renderWorker, TEMPLATE } from './gen-sw.mjs';

/** A small export: one of each kind of file the real one has. */
const EXPORT: Record<string, string> = {
  'index.html': 'language choice',
  '404.html': 'not found',
  '404/index.html': 'not found',
  '_not-found/index.html': 'not found',
  '_not-found/index.txt': 'rsc',
  '_next/static/chunks/abc.js': 'chunk',
  '_next/static/chunks/lazy-player.js': 'player',
  '_next/static/chunks/site.css': 'css',
  'manifest.webmanifest': '{}',
  'icons/icon-192.png': 'png',
  'og.png': 'og',
  'robots.txt': 'robots',
  'sitemap.xml': 'sitemap',
  'sw.js': 'old worker',
  'zh/index.html': 'zh home',
  'zh/index.txt': 'zh home rsc',
  'zh/__next._tree.txt': 'tree',
  'zh/learn/kafka/acks/index.html': 'lesson',
  'zh/sim/kafka-acks1-leader-crash/index.html': 'scenario',
  'zh/practice/index.html': 'practice',
  'zh/practice/items.json': '[]',
  'zh/search/index.json': '{}',
  'zh/blank/index.html': 'baseline',
  'zh/offline/index.html': 'offline zh',
  'en/index.html': 'en home',
  'en/offline/index.html': 'offline en',
};
const files = (overrides: Record<string, string> = {}) =>
  Object.entries({ ...EXPORT, ...overrides }).map(([rel, text]) => ({ rel, hash: contentHash(text) }));
const urls = (plan: ReturnType<typeof planPrecache>, group: 'core' | 'zh' | 'en') => plan.groups[group].map(([url]) => url);

describe('gen-sw precache plan', () => {
  it('groups the shared assets as core and pages by locale, keyed by their trailing-slash URLs', () => {
    const plan = planPrecache(files());
    expect(urls(plan, 'core')).toEqual([
      '/',
      '/404.html',
      '/_next/static/chunks/abc.js',
      '/_next/static/chunks/lazy-player.js',
      '/_next/static/chunks/site.css',
      '/en/offline/',
      '/icons/icon-192.png',
      '/manifest.webmanifest',
      '/zh/offline/',
    ]);
    expect(urls(plan, 'zh')).toEqual([
      '/zh/',
      '/zh/learn/kafka/acks/',
      '/zh/practice/',
      '/zh/practice/items.json',
      '/zh/search/index.json',
      '/zh/sim/kafka-acks1-leader-crash/',
    ]);
    expect(urls(plan, 'en')).toEqual(['/en/']);
  });

  it("puts the simulator's per-locale scenario data with its locale", () => {
    expect(classify('sim-data/zh/kafka-acks1-leader-crash.json')).toEqual({ group: 'zh', url: '/sim-data/zh/kafka-acks1-leader-crash.json' });
    expect(classify('sim-data/en/rabbit-simple.json')).toEqual({ group: 'en', url: '/sim-data/en/rabbit-simple.json' });
  });

  it('leaves out RSC payloads, crawler files, duplicate 404s, the budget baseline and the worker itself', () => {
    for (const rel of ['zh/index.txt', 'zh/__next._tree.txt', '_not-found/index.html', '404/index.html', 'robots.txt', 'sitemap.xml', 'og.png', 'sw.js', 'zh/blank/index.html']) {
      expect(classify(rel), rel).toBeNull();
    }
    const all = Object.values(planPrecache(files()).groups).flat().map(([url]) => url);
    expect(all.some((url) => url.endsWith('.txt') || url.includes('blank') || url === '/sw.js')).toBe(false);
  });

  it('gives the same version for the same export, whatever order the files are listed in', () => {
    const a = planPrecache(files());
    const b = planPrecache(files().reverse());
    expect(b).toEqual(a);
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives a new version when any precached file changes, and when the worker template changes', () => {
    const base = planPrecache(files(), 'template');
    expect(planPrecache(files({ 'zh/learn/kafka/acks/index.html': 'lesson, edited' }), 'template').version).not.toBe(base.version);
    expect(planPrecache(files({ '_next/static/chunks/abc.js': 'chunk 2' }), 'template').version).not.toBe(base.version);
    expect(planPrecache(files(), 'template 2').version).not.toBe(base.version);
  });

  it('keeps the version when only a file it does not precache changes', () => {
    const base = planPrecache(files());
    expect(planPrecache(files({ 'zh/index.txt': 'other rsc', 'sitemap.xml': 'other', 'zh/blank/index.html': 'x' })).version).toBe(base.version);
  });

  it('records the content hash per file, so the worker can reuse unchanged files across versions', () => {
    const plan = planPrecache(files());
    expect(plan.groups.zh).toContainEqual(['/zh/practice/items.json', contentHash('[]')]);
  });

  it('inlines the plan into the real template, which must keep both placeholders', () => {
    const template = readFileSync(TEMPLATE, 'utf8');
    const plan = planPrecache(files(), template);
    const worker = renderWorker(template, plan);
    expect(worker).toContain(`const VERSION = '${plan.version}';`);
    expect(worker).toContain(`const PRECACHE = ${JSON.stringify(plan.groups)};`);
    expect(() => new Function(worker)).not.toThrow();
    expect(() => renderWorker(template.replace("const VERSION = 'dev';", ''), plan)).toThrow(/exactly once/);
  });
});
