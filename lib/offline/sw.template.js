/*
 * MQ Lab's service worker. This is the template: scripts/gen-sw.mjs writes out/sw.js from it after `next build`,
 * replacing VERSION and PRECACHE (the two `const` lines below, which must stay exactly as they are) with this
 * export's build version and precache list. A classic script on purpose (module workers are newer than the rest of
 * what the site needs), no dependencies.
 *
 * Lifecycle:
 * - install: caches the `core` group (every _next/static file, the offline and 404 pages, manifest, icons). An
 *   update also re-caches the locales the previous version had filled, copying every file whose content hash did not
 *   change from the old cache (only changed files are downloaded), so a waiting update is complete before the page
 *   offers it. It never calls skipWaiting on its own: the page's "Reload" button asks for it (message
 *   `skip-waiting`), so a page never runs old JavaScript against a new cache it did not ask for.
 * - activate: deletes the caches of other versions, claims uncontrolled pages (the first visit's page).
 * - message `precache` {locale} with a port: caches every page and JSON file of that locale (the page sends it a few
 *   seconds after every load; files already cached are skipped) and answers { ok, version, locale, files } on the
 *   port once all are cached. That answer is the "available offline" signal.
 *
 * Requests: only same-origin GETs are answered; the query string is ignored for cache lookups (a static host ignores
 * it too; the simulator keeps its state in it). Navigations and precached files: cache first, then the network
 * (a precached page fetched this way is kept). Offline and not cached: the offline page of the URL's locale for a
 * page this build has, the 404 page (status 404) for anything else. RSC payloads: network first, cache fallback.
 */
'use strict';

const VERSION = 'dev';
/** Group (`core` or a locale) → [URL, first hex digits of the content's SHA-256][]. */
const PRECACHE = { core: [] };

const CACHE_PREFIX = 'mqlab-';
const CACHE = CACHE_PREFIX + VERSION;
/** Response header carrying the verified content hash: what lets the next version reuse a file unchanged. */
const HASH_HEADER = 'x-mqlab-hash';
/** Marker entries, one per locale this cache holds (or is filling): not a URL any page uses. */
const WANTED = '/__sw/locale/';
const LOCALES = Object.keys(PRECACHE).filter((group) => group !== 'core');
/** Parallel downloads while filling: enough to keep a connection busy, few enough to leave room for the page. */
const PARALLEL = 3;

const expected = new Map();
for (const group of Object.values(PRECACHE)) for (const [url, hash] of group) expected.set(url, hash);

/** Cache key of a same-origin URL: its path (no query, no fragment), with `…/index.html` as `…/`. */
function keyOf(url) {
  return url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : url.pathname;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches one precache entry, bypassing a stale HTTP cache. The copy is rebuilt (no redirect flag, only the content
 * type) and labelled with its hash only when the bytes match the build's: a host that rewrites files still works
 * offline, it just gets no reuse across versions.
 */
async function download(url, hash) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = hex(await crypto.subtle.digest('SHA-256', body)).slice(0, hash.length);
  const headers = { 'content-type': response.headers.get('content-type') || 'application/octet-stream' };
  if (actual === hash) headers[HASH_HEADER] = hash;
  return new Response(body, { status: 200, headers });
}

async function oldCaches() {
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
  return Promise.all(names.map((name) => caches.open(name)));
}

/** Caches every entry missing from `cache`, reusing a previous version's copy with the same hash. */
async function fill(cache, entries, previous) {
  let next = 0;
  let failure = null;
  async function worker() {
    while (next < entries.length) {
      const [url, hash] = entries[next++];
      try {
        if (await cache.match(url)) continue;
        let copy = null;
        for (const old of previous) {
          const hit = await old.match(url);
          if (hit && hit.headers.get(HASH_HEADER) === hash) {
            copy = hit;
            break;
          }
        }
        await cache.put(url, copy || (await download(url, hash)));
      } catch (error) {
        failure = failure || error;
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failure) throw failure;
}

async function markWanted(cache, locale) {
  if (!(await cache.match(WANTED + locale))) await cache.put(WANTED + locale, new Response(locale));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const previous = await oldCaches();
      await fill(cache, PRECACHE.core, previous);
      for (const locale of LOCALES) {
        let wanted = false;
        for (const old of previous) wanted = wanted || Boolean(await old.match(WANTED + locale));
        if (!wanted) continue;
        await markWanted(cache, locale);
        // Best effort: what is missing now is fetched again by the next `precache` message.
        await fill(cache, PRECACHE[locale], previous).catch(() => {});
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Locale → the running fill, so pages loaded in parallel share one. */
const filling = new Map();

function precacheLocale(locale) {
  if (!filling.has(locale)) {
    const run = (async () => {
      const cache = await caches.open(CACHE);
      await markWanted(cache, locale);
      // Core too: it was complete at install, but storage can be cleared under a running worker.
      const entries = PRECACHE.core.concat(PRECACHE[locale]);
      await fill(cache, entries, []);
      return entries.length;
    })();
    filling.set(locale, run);
    run.finally(() => filling.delete(locale)).catch(() => {});
  }
  return filling.get(locale);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  const reply = (message) => port && port.postMessage({ version: VERSION, ...message });
  if (data.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (data.type === 'version') {
    reply({});
  } else if (data.type === 'precache' && LOCALES.includes(data.locale)) {
    // Save-Data: keep the core only; pages are still cached as they are visited.
    if (self.navigator.connection && self.navigator.connection.saveData) return reply({ ok: false, locale: data.locale, reason: 'save-data' });
    event.waitUntil(
      precacheLocale(data.locale).then(
        (files) => reply({ ok: true, locale: data.locale, files }),
        (error) => reply({ ok: false, locale: data.locale, reason: String(error) }),
      ),
    );
  }
});

/** Cache first; on a miss the network, keeping a copy when the URL is one this build precaches. */
async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok && !response.redirected) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

async function navigate(event, url) {
  const key = keyOf(url);
  // `/zh/learn` → `/zh/learn/`, as the static host would redirect (relative URLs must resolve against the slash).
  if (!key.endsWith('/') && expected.has(`${key}/`)) return Response.redirect(`${url.origin}${key}/${url.search}`, 301);
  if (expected.has(key)) {
    try {
      return await cacheFirst(event, key);
    } catch {
      const locale = LOCALES.includes(key.split('/')[1]) ? key.split('/')[1] : LOCALES[0];
      const offline = await caches.match(`/${locale}/offline/`, { cacheName: CACHE });
      if (offline) return offline;
      throw new TypeError('offline');
    }
  }
  try {
    return await fetch(event.request);
  } catch {
    // Offline and not a page of this build: the site's own 404, as the host would answer.
    const notFound = await caches.match('/404.html', { cacheName: CACHE });
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    throw new TypeError('offline');
  }
}

/** RSC payloads (client-side navigation): fresh when online, the last copy when offline. */
async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (error) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = keyOf(url);
  if (request.mode === 'navigate') event.respondWith(navigate(event, url));
  else if (expected.has(key)) event.respondWith(cacheFirst(event, key));
  else if (request.headers.get('rsc') === '1' || url.searchParams.has('_rsc')) event.respondWith(networkFirst(event, key));
});
