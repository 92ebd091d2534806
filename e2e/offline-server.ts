/**
 * A static server for e2e/offline.spec.ts, one per test (its own port, so its own origin: service workers and caches
 * never leak between tests). It serves out/ the way `serve` does for this site (…/ → …/index.html, 404.html for
 * anything unknown) and adds what the offline tests need and `serve` cannot do:
 * - `offline`: every request is cut (socket destroyed), whatever the browser's own offline emulation covers;
 * - `override(path, body)`: a different body for one path, to deploy a "new build" (a new sw.js) mid-test;
 * - `requests`: the paths asked for, in order.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const OUT = path.resolve('out');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

export type Site = {
  url: string;
  offline: boolean;
  requests: string[];
  override(pathname: string, body: string | Buffer): void;
  close(): Promise<void>;
};

export async function startSite(): Promise<Site> {
  const overrides = new Map<string, string | Buffer>();
  const site = {
    url: '',
    offline: false,
    requests: [] as string[],
    override: (pathname: string, body: string | Buffer) => void overrides.set(pathname, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    site.requests.push(pathname);
    if (site.offline) return void req.socket.destroy();
    const send = (status: number, file: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    };
    if (overrides.has(pathname)) return send(200, pathname, overrides.get(pathname) as string | Buffer);
    const file = path.join(OUT, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(OUT)) return send(404, '.txt', 'not found');
    try {
      send(200, file, await readFile(file));
    } catch {
      try {
        // A directory without its slash: redirect like `serve` (trailingSlash export).
        await readFile(path.join(file, 'index.html'));
        res.writeHead(301, { location: `${pathname}/` }).end();
      } catch {
        send(404, '404.html', await readFile(path.join(OUT, '404.html')));
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}
