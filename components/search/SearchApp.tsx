'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { SEARCH_INPUT_ID } from '@/components/site/SearchLink';
import { loadIndex, search, type LoadedIndex, type SearchHit, type SearchIndex, type SearchKind } from '@/lib/search/engine';

export interface SearchStrings {
  label: string;
  placeholder: string;
  loading: string;
  failed: string;
  results: string;
  noResults: string;
  kinds: Record<SearchKind, string>;
}

type Status = 'loading' | 'ready' | 'failed';

/**
 * The search page's island: fetches the static index once, queries it on every keystroke, keeps the query in
 * `?q=` (shareable, survives reload). The last query's time in milliseconds is exposed as data-query-ms for the
 * e2e timing report. Trap: `location` is read in an effect, never during render (the page is prerendered).
 */
export function SearchApp({ indexHref, strings }: { indexHref: string; strings: SearchStrings }) {
  const [index, setIndex] = useState<LoadedIndex | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [{ query, hits, ms }, setResult] = useState<{ query: string; hits: SearchHit[]; ms: number | null }>({
    query: '',
    hits: [],
    ms: null,
  });
  /** The latest query, readable from the async index load (typing may start before the index arrives). */
  const queryRef = useRef('');
  const inputRef = useRef<HTMLInputElement>(null);

  // Runs in event handlers and the load callback only: timing and URL updates are side effects, not render work.
  const run = useCallback((q: string, idx: LoadedIndex | null) => {
    queryRef.current = q;
    const url = new URL(window.location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (!idx || !q.trim()) {
      setResult({ query: q, hits: [], ms: null });
      return;
    }
    const start = performance.now();
    const found = search(idx, q);
    setResult({ query: q, hits: found, ms: performance.now() - start });
  }, []);

  useEffect(() => {
    queryRef.current = new URLSearchParams(window.location.search).get('q') ?? '';
    inputRef.current?.focus();
    let cancelled = false;
    fetch(indexHref)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndex>) : Promise.reject(new Error(String(r.status)))))
      .then((raw) => {
        if (cancelled) return;
        const loaded = loadIndex(raw);
        setIndex(loaded);
        setStatus('ready');
        run(queryRef.current, loaded);
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [indexHref, run]);

  let message = '';
  if (status === 'loading') message = strings.loading;
  else if (status === 'failed') message = strings.failed;
  else if (query.trim()) message = hits.length ? strings.results.replace('{n}', String(hits.length)) : strings.noResults;

  return (
    <div className="mt-6" data-status={status}>
      <label htmlFor={SEARCH_INPUT_ID} className="block text-sm font-semibold">
        {strings.label}
      </label>
      <input
        ref={inputRef}
        id={SEARCH_INPUT_ID}
        type="search"
        value={query}
        onChange={(e) => run(e.target.value, index)}
        placeholder={strings.placeholder}
        autoComplete="off"
        spellCheck={false}
        className="mt-1 w-full max-w-2xl rounded-lg border border-line bg-surface px-4 py-2 text-lg"
      />
      <p aria-live="polite" className="mt-3 text-sm text-ink-muted" data-testid="search-status">
        {message}
      </p>
      <ol className="mt-4 space-y-4" data-testid="search-results" data-query-ms={ms === null ? undefined : ms.toFixed(3)}>
        {hits.map(({ doc }) => (
          <li key={`${doc.k}:${doc.u}:${doc.t}`} data-kind={doc.k} className="[overflow-wrap:anywhere]">
            <span className="me-2 rounded-full border border-line px-2 py-0.5 text-xs text-ink-muted">{strings.kinds[doc.k]}</span>
            <a href={doc.u} lang={doc.l} className="link text-lg font-medium">
              {doc.t}
            </a>
            {doc.s ? (
              <p lang={doc.l} className="mt-1 line-clamp-2 text-sm text-ink-muted">
                {doc.s}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
