#!/usr/bin/env node
/**
 * `npm start`: build the static site when out/ is missing or older than its sources, then serve out/ at
 * http://localhost:3000 with the `serve` package (what the e2e suite serves too). `next start` cannot serve a
 * static export.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SKIP, SOURCES } from './build-inputs.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'out');
const port = process.env.PORT ?? '3000';

function newestMtime(p) {
  if (!existsSync(p) || SKIP.test(path.relative(root, p))) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

const builtAt = existsSync(path.join(out, 'index.html')) ? statSync(path.join(out, 'index.html')).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (builtAt < sourcesAt) {
  console.log(builtAt === 0 ? 'out/ is missing: building…' : 'Sources changed since the last build: rebuilding…');
  // What `npm run build` runs: the export, then its service worker (out/sw.js).
  for (const args of [[path.join(root, 'node_modules/next/dist/bin/next'), 'build'], [path.join(root, 'scripts/gen-sw.mjs')]]) {
    const step = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (step.status !== 0) process.exit(step.status ?? 1);
  }
} else {
  console.log('out/ is up to date.');
}

console.log(`Serving out/ at http://localhost:${port}/ (Ctrl+C to stop)`);
const server = spawn(process.execPath, [path.join(root, 'node_modules/serve/build/main.js'), out, '--listen', `tcp://0.0.0.0:${port}`, '--no-clipboard', '--no-port-switching'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
