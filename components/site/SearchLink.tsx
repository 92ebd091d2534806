'use client';

import { useCallback, useEffect, useState, useSyncExternalStore, type ComponentType, type MouseEvent } from 'react';
import type { SearchDialogProps, SearchDialogStrings } from '@/components/search/SearchDialog';

/** id of the search page's input: Ctrl/⌘+K focuses it when present instead of opening the dialog. */
export const SEARCH_INPUT_ID = 'site-search';

/**
 * The dialog's chunk. Trap: keep this the only reference to components/search/SearchDialog (and type-only imports
 * above): a static import would put the dialog, the engine and the results UI into every page's initial JavaScript.
 */
const importDialog = () => import('@/components/search/SearchDialog').then((m) => m.SearchDialog);

/** Focuses the search page's own input; false when this is not the search page. */
function focusPageInput(): boolean {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  return true;
}

/**
 * The header's search entry: a plain link to /{locale}/search/ (works without JavaScript) that, with JavaScript,
 * opens the search dialog over the current page, as does Ctrl/⌘+K anywhere (on the search page both focus its input
 * instead). The dialog's code loads on first use (hovering or focusing the link prefetches it); if it cannot load,
 * the link simply navigates. This island itself stays a few hundred bytes.
 */
const noSubscribe = () => () => {};
/** Apple keyboards say ⌘, not Ctrl (read after hydration: the prerendered page shows the Ctrl label). */
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

export function SearchLink({
  href,
  label,
  shortcut,
  indexHref,
  strings,
}: {
  href: string;
  label: string;
  shortcut: string;
  indexHref: string;
  strings: SearchDialogStrings;
}) {
  const [Dialog, setDialog] = useState<ComponentType<SearchDialogProps> | null>(null);
  const apple = useSyncExternalStore(noSubscribe, isApple, () => false);
  const [open, setOpen] = useState(false);

  const openSearch = useCallback(() => {
    if (focusPageInput()) return;
    importDialog().then(
      (component) => {
        setDialog(() => component);
        setOpen(true);
      },
      () => window.location.assign(href),
    );
  }, [href]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      openSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);

  const onClick = (e: MouseEvent) => {
    // A modified or middle click keeps its meaning (a new tab with the search page).
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    openSearch();
  };
  const prefetch = () => {
    if (!document.getElementById(SEARCH_INPUT_ID)) importDialog().catch(() => {});
  };

  return (
    <>
      <a
        href={href}
        onClick={onClick}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        data-testid="search-link"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-2 rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-muted"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" />
        </svg>
        {label}
        <kbd aria-hidden="true" className="hidden rounded border border-line px-1 font-mono text-xs text-ink-muted sm:inline" data-testid="search-shortcut">
          {apple ? '⌘ K' : shortcut}
        </kbd>
      </a>
      {Dialog ? <Dialog open={open} onClose={() => setOpen(false)} indexHref={indexHref} searchHref={href} strings={strings} /> : null}
    </>
  );
}
