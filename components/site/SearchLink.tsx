'use client';

import { useEffect } from 'react';

/** id of the search page's input: Ctrl/⌘+K focuses it when present instead of navigating. */
export const SEARCH_INPUT_ID = 'site-search';

/**
 * The header's search entry: a plain link to /{locale}/search/ (works without JavaScript) plus the Ctrl/⌘+K
 * shortcut. Deliberately not a modal: the index and the results UI load only on the search page, so the header
 * island every lesson loads stays a few hundred bytes.
 */
export function SearchLink({ href, label, shortcut }: { href: string; label: string; shortcut: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      const input = document.getElementById(SEARCH_INPUT_ID);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      } else {
        window.location.assign(href);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [href]);
  return (
    <a
      href={href}
      data-testid="search-link"
      aria-keyshortcuts="Control+K Meta+K"
      className="flex items-center gap-2 rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-muted"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4.5 4.5" />
      </svg>
      {label}
      <kbd aria-hidden="true" className="hidden rounded border border-line px-1 font-mono text-xs text-ink-muted sm:inline">
        {shortcut}
      </kbd>
    </a>
  );
}
