// `npm run lighthouse`: Lighthouse 12 (mobile, its default) on one page of each kind, served from out/ as `npm start`
// serves it; prints performance / accessibility / best-practices / SEO per page. A benchmark, not a test: it never
// fails on a score. Run `npm run build` first. Browser: CHROME_PATH (default /usr/bin/chromium, Debian's Chromium).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const pages = {
  home: '/zh/',
  lesson: '/zh/learn/kafka/acks/',
  scenario: '/zh/sim/kafka-acks1-leader-crash/',
  practice: '/zh/practice/',
  glossary: '/zh/glossary/',
};

if (!existsSync('out/zh/index.html')) {
  console.error('lighthouse: no out/: run `npm run build` first');
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const server = spawn(process.execPath, ['node_modules/serve/build/main.js', 'out', '--listen', `tcp://127.0.0.1:${port}`, '--no-clipboard', '--no-request-logging'], { stdio: 'ignore' });
// Trap: the server must go whatever happens, or the port stays taken.
const stop = () => server.kill();
process.on('exit', stop);
await new Promise((r) => setTimeout(r, 1500));

const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };
const rows = [];
for (const [name, path] of Object.entries(pages)) {
  const { stdout } = await run(
    process.execPath,
    [
      'node_modules/lighthouse/cli/index.js',
      `http://127.0.0.1:${port}${path}`,
      '--output=json',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ],
    { env, maxBuffer: 64 * 1024 * 1024 },
  );
  const { categories } = JSON.parse(stdout);
  const score = (id) => Math.round(categories[id].score * 100);
  rows.push({ page: name, path, performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') });
}
stop();
console.log('| page | path | perf | a11y | best practices | SEO |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.page} | ${r.path} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} |`);
