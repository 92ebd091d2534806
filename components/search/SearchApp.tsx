'use client';

import { useEffect, useRef } from 'react';
import { SEARCH_INPUT_ID } from '@/components/site/SearchLink';
import { groupByKind } from '@/lib/search/engine';
import { SearchField, SearchResults, SearchStatusLine, type SearchStrings } from './SearchParts';
import { useSearch } from './useSearch';

export type { SearchStrings };

const readQuery = () => new URLSearchParams(window.location.search).get('q') ?? '';

/** Mirrors the query in ?q= (shareable, survives a reload; the dialog's "see all results" link lands here with it). */
function writeQuery(q: string) {
  const url = new URL(window.location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
}

/**
 * The search page's island: the query starts from ?q= and stays in it. Loading, querying and timing live in
 * useSearch, the results markup in SearchResults: the Ctrl/⌘+K dialog (SearchDialog) shares both. Trap: `location`
 * is read in effects only, never during render (the page is prerendered).
 */
export function SearchApp({ indexHref, strings }: { indexHref: string; strings: SearchStrings }) {
  const { status, retry, query, setQuery, hits, ms } = useSearch(indexHref, { initialQuery: readQuery, onQuery: writeQuery });
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  return (
    <div className="mt-6" data-status={status}>
      <SearchField
        ref={inputRef}
        id={SEARCH_INPUT_ID}
        type="search"
        strings={strings}
        query={query}
        onQuery={setQuery}
        labelClassName="block text-sm font-semibold"
        className="mt-1 w-full max-w-2xl rounded-lg border border-line bg-surface px-4 py-2 text-lg"
      />
      <SearchStatusLine strings={strings} status={status} query={query} count={hits.length} onRetry={retry} className="mt-3" />
      <SearchResults groups={groupByKind(hits)} kinds={strings.kinds} query={query} ms={ms} className="mt-4" />
    </div>
  );
}
