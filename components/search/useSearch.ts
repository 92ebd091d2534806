import { useCallback, useEffect, useRef, useState } from 'react';
import { loadIndex, search, type LoadedIndex, type SearchHit, type SearchIndex } from '@/lib/search/engine';

export type SearchStatus = 'loading' | 'ready' | 'failed';

/** One fetch per index and page, shared by the search page and the dialog (reopening it does not fetch again). */
const loads = new Map<string, Promise<LoadedIndex>>();

function loadOnce(href: string): Promise<LoadedIndex> {
  let load = loads.get(href);
  if (!load) {
    load = fetch(href)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndex>) : Promise.reject(new Error(`${href}: HTTP ${r.status}`))))
      .then(loadIndex);
    // A failed load is forgotten, so that "try again" really fetches again.
    load.catch(() => loads.delete(href));
    loads.set(href, load);
  }
  return load;
}

export interface SearchOptions {
  /** Most hits returned. */
  limit?: number;
  /** Query to start with, read once when the first load starts (never during render: pages are prerendered). */
  initialQuery?: () => string;
  /** Called with every query (the page mirrors it in ?q=). */
  onQuery?: (query: string) => void;
}

/**
 * The search state of the page and the dialog: loads the static index, queries it on every keystroke and times each
 * query (`ms`, exposed by both UIs as data-query-ms for the e2e timing report). Typing may start before the index
 * arrives: the latest query runs as soon as it does. Trap: `initialQuery` and `onQuery` must be stable (module-level
 * functions), or the index load restarts on every render.
 */
export function useSearch(indexHref: string, { limit, initialQuery, onQuery }: SearchOptions = {}) {
  const [index, setIndex] = useState<LoadedIndex | null>(null);
  const [status, setStatus] = useState<SearchStatus>('loading');
  const [attempt, setAttempt] = useState(0);
  const [{ query, hits, ms }, setResult] = useState<{ query: string; hits: SearchHit[]; ms: number | null }>({
    query: '',
    hits: [],
    ms: null,
  });
  /** The latest query, readable from the async index load. */
  const queryRef = useRef('');

  // Runs in event handlers and the load callback only: timing and onQuery are side effects, not render work.
  const run = useCallback(
    (q: string, idx: LoadedIndex | null) => {
      queryRef.current = q;
      onQuery?.(q);
      if (!idx || !q.trim()) {
        setResult({ query: q, hits: [], ms: null });
        return;
      }
      const start = performance.now();
      const found = search(idx, q, limit);
      setResult({ query: q, hits: found, ms: performance.now() - start });
    },
    [limit, onQuery],
  );

  useEffect(() => {
    if (attempt === 0 && initialQuery) queryRef.current = initialQuery();
    let cancelled = false;
    loadOnce(indexHref).then(
      (loaded) => {
        if (cancelled) return;
        setIndex(loaded);
        setStatus('ready');
        run(queryRef.current, loaded);
      },
      () => {
        if (!cancelled) setStatus('failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [indexHref, attempt, initialQuery, run]);

  const setQuery = useCallback((q: string) => run(q, index), [run, index]);
  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);
  return { status, retry, query, setQuery, hits, ms };
}
