'use client';

import { useEffect, useState } from 'react';

/** Set on <html> to the worker's version once every page of this locale is cached: the "works offline" signal. */
export const OFFLINE_READY_ATTR = 'data-offline-ready';

/**
 * How long a page is open before it asks for its whole locale (≈ 2.5 MB gzip for zh). A visitor passing through does
 * not pull it: `/` forwards everyone to /zh/, and English readers switch language from there within seconds.
 */
const PRECACHE_DELAY_MS = 3000;
/** The least time between two checks for a new build triggered by the tab becoming visible again. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

type Strings = { updateAvailable: string; reload: string; later: string };

/**
 * Registers the service worker (out/sw.js, written by scripts/gen-sw.mjs; lifecycle in lib/offline/sw.template.js),
 * asks it to cache this locale once the page has been open a few seconds, and offers a waiting update. Production builds only: `next dev` has no sw.js, and a
 * worker left over from a production build on the same origin would answer dev pages from its cache, so dev removes it.
 *
 * The prompt is offered only when a new worker is installed while another one controls the page (an update, never
 * the first install). Reload asks the waiting worker to take over and reloads once it controls the page; the listener
 * is `once` and only added by the click, so a controller change can never reload in a loop. The live region is in the
 * page from the start so screen readers announce the prompt when it fills; focus is left where it is.
 */
export function OfflineSupport({ locale, strings }: { locale: string; strings: Strings }) {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    if (process.env.NODE_ENV !== 'production') {
      container.getRegistrations().then((all) => all.forEach((r) => r.unregister()), () => {});
      return;
    }
    let live = true;
    let timer: number | undefined;
    let lastCheck = Date.now();
    let stopChecks = () => {};
    const offer = (worker: ServiceWorker | null) => {
      if (worker && container.controller && live) setWaiting(worker);
    };
    const watch = (worker: ServiceWorker | null) =>
      worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
    // Registered once the page has loaded (web.dev's advice): installing downloads the core (≈ 0.5 MiB gzip), which
    // must not compete with the page's own first load.
    const loaded = new Promise<void>((resolve) => {
      if (document.readyState === 'complete') resolve();
      else window.addEventListener('load', () => resolve(), { once: true });
    });
    loaded
      .then(() => (live ? container.register('/sw.js', { scope: '/' }) : Promise.reject(new Error('unmounted'))))
      .then((registration) => {
        offer(registration.waiting);
        watch(registration.installing);
        registration.addEventListener('updatefound', () => watch(registration.installing));
        // Learners keep a tab open for days before an interview: look for a new build when the tab comes back
        // into view, at most once an hour (the browser itself checks only on navigation).
        const check = () => {
          if (document.visibilityState === 'visible' && Date.now() - lastCheck > UPDATE_CHECK_MS) {
            lastCheck = Date.now();
            registration.update().catch(() => {});
          }
        };
        document.addEventListener('visibilitychange', check);
        stopChecks = () => document.removeEventListener('visibilitychange', check);
        return container.ready;
      })
      .then((registration) => {
        timer = window.setTimeout(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = ({ data }) => {
            if (data?.ok) document.documentElement.setAttribute(OFFLINE_READY_ATTR, data.version);
          };
          registration.active?.postMessage({ type: 'precache', locale }, [channel.port2]);
        }, PRECACHE_DELAY_MS);
      })
      // No service worker (blocked, private mode, a failed download): the site works online as it always did.
      .catch(() => {});
    return () => {
      live = false;
      stopChecks();
      window.clearTimeout(timer);
    };
  }, [locale]);

  const reload = () => {
    if (!waiting) return;
    // Another tab may already have activated it: then this page is controlled by it and only needs the reload.
    if (waiting.state === 'activating' || waiting.state === 'activated') return window.location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  };

  return (
    <div role="status" className="fixed inset-x-4 bottom-4 z-50 sm:start-auto sm:max-w-sm" data-testid="update-prompt">
      {waiting && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-surface p-3 shadow-lg">
          <p className="me-auto font-medium">{strings.updateAvailable}</p>
          <button type="button" onClick={() => setWaiting(null)} className="rounded-md px-3 py-1.5 hover:bg-surface-muted">
            {strings.later}
          </button>
          <button type="button" onClick={reload} className="rounded-md bg-accent px-3 py-1.5 font-medium text-surface">
            {strings.reload}
          </button>
        </div>
      )}
    </div>
  );
}
