// What the static build reads, shared by scripts/start.mjs (is out/ stale?) and next.config.ts (the build id).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything the build reads. Files outside these (tests, e2e, docs) do not change out/. */
export const SOURCES = ['app', 'components', 'content', 'lib', 'public', 'simulator', 'mdx-components.tsx', 'next.config.ts',
  'postcss.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
export const SKIP = /(^|\/)(node_modules|fixtures)(\/|$)|\.test\.tsx?$/;

/** Files of SOURCES under `root`, relative with forward slashes, sorted. */
export function sourceFiles(root) {
  const files = [];
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs) || SKIP.test(rel)) return;
    if (!statSync(abs).isDirectory()) return void files.push(rel);
    for (const name of readdirSync(abs)) visit(`${rel}/${name}`);
  };
  for (const source of SOURCES) visit(source);
  return files.sort();
}

/**
 * A build id derived from the sources (and the build-time environment they read), so the same sources give a
 * byte-identical export. Next's default id is random per build, which puts a new id into every HTML file: every
 * build would then look like a new version to the service worker (scripts/gen-sw.mjs) and prompt every visitor.
 */
export function sourceHash(root, env = process.env) {
  const hash = createHash('sha256');
  for (const rel of sourceFiles(root)) hash.update(rel).update('\0').update(readFileSync(path.join(root, rel))).update('\0');
  hash.update(`SITE_URL=${env.SITE_URL ?? ''}`);
  return hash.digest('base64url').slice(0, 21);
}
