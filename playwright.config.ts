import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

/*
 * e2e runs against the built static export (`out/`), served by `serve` exactly as `npm start` serves it.
 * Browser: Debian's Chromium by default (these machines cannot download Playwright's browsers); CHROMIUM_PATH
 * overrides the path, and PLAYWRIGHT_BUNDLED=1 uses Playwright's own browser instead.
 */

/** 4173 when free, else any free port. Trap: the config is evaluated again in every worker, so the port is
 *  chosen once in the main process and handed to workers through the environment. */
function pickPort(): string {
  const probe = `const net=require('net');const tryListen=(p)=>{const s=net.createServer();s.once('error',()=>tryListen(0));s.listen(p,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});};tryListen(4173);`;
  return execFileSync(process.execPath, ['-e', probe]).toString().trim();
}
process.env.E2E_PORT ??= pickPort();
const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

const bundled = process.env.PLAYWRIGHT_BUNDLED === '1';
const launchOptions = {
  ...(bundled ? {} : { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  // Service workers blocked everywhere but e2e/offline.spec.ts: page.route never sees a request a worker answers,
  // and a worker caching pages would make the other specs depend on what an earlier page load cached.
  use: { baseURL, trace: 'retain-on-failure', serviceWorkers: 'block' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: `node node_modules/serve/build/main.js out --listen tcp://127.0.0.1:${port} --no-port-switching --no-clipboard --no-request-logging`,
    url: `${baseURL}/zh/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
