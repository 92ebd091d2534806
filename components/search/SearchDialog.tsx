'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { groupByKind, type SearchHit } from '@/lib/search/engine';
import { optionId, SearchField, SearchResults, SearchStatusLine, type SearchStrings } from './SearchParts';
import { useSearch } from './useSearch';

/**
 * Names this chunk for scripts/budgets.mjs, which leaves it out of every page's cost at load: the dialog loads on
 * Ctrl/⌘+K or a click (rendered as an attribute below so the minifier keeps it).
 */
export const CHUNK_TAG = 'mqlab:chunk:on-demand-search';

export interface SearchDialogStrings extends SearchStrings {
  /** The dialog's accessible name. */
  dialog: string;
  close: string;
  /** Name of the results listbox. */
  list: string;
  seeAll: string;
  /** The keyboard hint in the footer. */
  keys: string;
}

export interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
  indexHref: string;
  /** The search page; "see all results" adds ?q=. */
  searchHref: string;
  strings: SearchDialogStrings;
}

/** Results shown in the dialog; the search page shows the engine's default (30). */
const LIMIT = 10;

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * The Ctrl/⌘+K search dialog, imported by the header's SearchLink on first use (it and the index stay out of every
 * page's initial JavaScript). A native <dialog> opened with showModal(): the page behind is inert, Escape closes it,
 * focus goes back where it was. The input is a combobox driving a listbox of grouped results through
 * aria-activedescendant (focus never leaves the input): ↑/↓/Home/End move, Enter opens the active result (or, with no
 * result, the search page). Same engine, index and results markup as the search page (useSearch, SearchResults).
 */
export function SearchDialog({ open, onClose, indexHref, searchHref, strings }: SearchDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const seeAllRef = useRef<HTMLAnchorElement>(null);
  /** The element focused before opening; focus returns there on close. */
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-results`;

  const { status, retry, query, setQuery, hits, ms } = useSearch(indexHref, { limit: LIMIT });
  const groups = useMemo(() => groupByKind(hits), [hits]);
  /** Options in display order (grouped), the order the arrow keys walk. */
  const count = groups.reduce((n, g) => n + g.hits.length, 0);
  // The active option belongs to one result list: new results start again at the first (the best) one.
  const [picked, setPicked] = useState<{ hits: SearchHit[]; index: number }>({ hits, index: 0 });
  const active = picked.hits === hits ? picked.index : 0;
  const setActive = (index: number) => setPicked({ hits, index });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog || dialog.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [open]);

  useEffect(() => {
    if (open && count > 0) document.getElementById(optionId(listboxId, active))?.scrollIntoView({ block: 'nearest' });
  }, [open, count, active, listboxId]);

  const close = () => dialogRef.current?.close();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = count - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    if (e.key in moves) {
      // With no results the keys keep their text-field meaning (Home/End move the caret).
      if (count === 0) return;
      e.preventDefault();
      setActive(moves[e.key]());
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      // isComposing: Enter also confirms a Chinese IME candidate; that Enter must not open a result.
      e.preventDefault();
      const target = count > 0 ? document.getElementById(optionId(listboxId, active)) : query.trim() ? seeAllRef.current : null;
      target?.click();
    }
  };

  // A plain click on a result (or Enter, which clicks it) closes the dialog and lets the link navigate; a click
  // with a modifier opens a new tab and leaves the dialog open.
  const onResultsClick = (e: MouseEvent<HTMLDivElement>) => {
    if (plainClick(e) && (e.target as Element).closest('a')) close();
  };

  const seeAll = query.trim() ? `${searchHref}?q=${encodeURIComponent(query.trim())}` : searchHref;

  return (
    <dialog
      ref={dialogRef}
      aria-label={strings.dialog}
      data-chunk={CHUNK_TAG}
      data-testid="search-dialog"
      data-status={status}
      onClose={() => {
        onClose();
        returnTo.current?.focus({ preventScroll: true });
      }}
      // The backdrop belongs to the dialog element itself; the content box is filled by the inner div.
      onClick={(e) => {
        if (e.target === dialogRef.current) close();
      }}
      // The dialog itself scrolls, under a sticky input row and footer (a scrolling inner box would be a scrollable
      // region without a tab stop: the options are reached through the combobox, never tabbed to). Below `sm` it is a
      // full-screen sheet; above, bottom-auto undoes the UA's inset-block: 0 so that it is only as tall as its content.
      className="m-0 h-dvh max-h-none w-full max-w-none flex-col overflow-y-auto bg-surface p-0 text-ink backdrop:bg-black/60 open:flex sm:bottom-auto sm:mx-auto sm:mt-[10vh] sm:h-auto sm:max-h-[80vh] sm:max-w-2xl sm:rounded-xl sm:border sm:border-line sm:shadow-2xl"
    >
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-line bg-surface px-3 py-3 sm:px-4">
        <SearchField
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls={listboxId}
          aria-activedescendant={count > 0 ? optionId(listboxId, active) : undefined}
          enterKeyHint="search"
          strings={strings}
          query={query}
          onQuery={setQuery}
          onKeyDown={onKeyDown}
          labelClassName="sr-only"
          className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 text-lg"
        />
        <button type="button" onClick={close} aria-label={strings.close} className="rounded-md p-2 hover:bg-surface-muted">
          <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="m5 5 10 10M15 5 5 15" />
          </svg>
        </button>
      </div>
      <div className="flex-1 px-3 py-3 sm:px-4" onClick={onResultsClick}>
        <SearchStatusLine strings={strings} status={status} query={query} count={hits.length} onRetry={retry} />
        <SearchResults
          groups={groups}
          kinds={strings.kinds}
          query={query}
          ms={ms}
          listbox={{ id: listboxId, label: strings.list, active, onPointerActive: setActive }}
          className="mt-3"
        />
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-line bg-surface px-3 py-3 text-sm sm:px-4">
        <a ref={seeAllRef} href={seeAll} className="link" data-testid="search-see-all">
          {strings.seeAll}
        </a>
        <p aria-hidden="true" className="hidden text-ink-muted sm:block">
          {strings.keys}
        </p>
      </div>
    </dialog>
  );
}
