import type { InputHTMLAttributes, Ref } from 'react';
import type { HitGroup, SearchKind } from '@/lib/search/engine';
import type { SearchStatus } from './useSearch';

/*
 * The parts of the search UI that the search page (SearchApp) and the Ctrl/⌘+K dialog (SearchDialog) share: the
 * query field, the status line and the grouped results. Stateless; rendered only inside those two client islands.
 */

/** UI strings shared by the search page and the dialog (lib/i18n, `search`). */
export interface SearchStrings {
  label: string;
  placeholder: string;
  loading: string;
  failed: string;
  retry: string;
  results: string;
  noResults: string;
  kinds: Record<SearchKind, string>;
}

/**
 * The labelled query input of the page and the dialog; each adds its own attributes (the dialog's combobox ones).
 * Autocomplete and spellcheck are off: queries are config keys and Chinese terms, not prose.
 */
export function SearchField({
  strings,
  query,
  onQuery,
  labelClassName,
  ref,
  ...input
}: {
  strings: SearchStrings;
  query: string;
  onQuery: (query: string) => void;
  labelClassName: string;
  ref?: Ref<HTMLInputElement>;
  id: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'placeholder'>) {
  return (
    <>
      <label htmlFor={input.id} className={labelClassName}>
        {strings.label}
      </label>
      <input
        ref={ref}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        placeholder={strings.placeholder}
        autoComplete="off"
        spellCheck={false}
        {...input}
      />
    </>
  );
}

/**
 * The line under the input: loading, the result count, or the load failure with a retry button. The message is
 * polite live text (screen readers hear the count change as the learner types); the button sits outside it.
 */
export function SearchStatusLine({
  strings,
  status,
  query,
  count,
  onRetry,
  className,
}: {
  strings: SearchStrings;
  status: SearchStatus;
  query: string;
  count: number;
  onRetry: () => void;
  className?: string;
}) {
  let message = '';
  if (status === 'loading') message = strings.loading;
  else if (status === 'failed') message = strings.failed;
  else if (query.trim()) message = count ? strings.results.replace('{n}', String(count)) : strings.noResults;
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-sm ${className ?? ''}`}>
      <p aria-live="polite" data-testid="search-status" className={status === 'failed' ? 'font-medium text-lost' : 'text-ink-muted'}>
        {message}
      </p>
      {status === 'failed' ? (
        <button type="button" onClick={onRetry} data-testid="search-retry" className="rounded-md border border-line px-3 py-1 font-medium hover:bg-surface-muted">
          {strings.retry}
        </button>
      ) : null}
    </div>
  );
}

/** Makes the results a listbox of a combobox (the dialog): options are the result links, navigated by the input. */
export interface ListboxMode {
  id: string;
  label: string;
  /** Index of the active option in display order (groups flattened). */
  active: number;
  onPointerActive: (index: number) => void;
}

export const optionId = (listboxId: string, index: number) => `${listboxId}-${index}`;

/**
 * Results grouped by kind (lesson, notes question, quiz item, term, scenario), one heading per group, in the order
 * of lib/search/engine.ts groupByKind. On the page it is headings and lists of links; with `listbox` the same markup
 * becomes a listbox of groups of options (headings and lists turn presentational) whose active option is shown with
 * aria-selected, for the dialog's combobox. Options stay real links, so a click (or a middle click) just navigates.
 */
export function SearchResults({
  groups,
  kinds,
  query,
  ms,
  listbox,
  className,
}: {
  groups: HitGroup[];
  kinds: Record<SearchKind, string>;
  /** The query these results answer, and the time it took: data attributes for the e2e tests and timing report. */
  query: string;
  ms: number | null;
  listbox?: ListboxMode;
  className?: string;
}) {
  const lb = listbox;
  const present = lb ? 'presentation' : undefined;
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((n, group) => n + group.hits.length, 0));
  return (
    <div
      role={lb ? 'listbox' : undefined}
      id={lb?.id}
      aria-label={lb?.label}
      hidden={lb && groups.length === 0}
      data-testid="search-results"
      data-query={query}
      data-query-ms={ms === null ? undefined : ms.toFixed(3)}
      className={`space-y-5 ${className ?? ''}`}
    >
      {groups.map(({ kind, hits }, g) => {
        const heading = `${lb?.id ?? 'search'}-group-${kind}`;
        return (
          <div key={kind} role={lb ? 'group' : undefined} aria-labelledby={lb ? heading : undefined} data-group={kind}>
            <h2 id={heading} role={present} className="text-sm font-semibold text-ink-muted">
              {kinds[kind]}
            </h2>
            <ol role={present} className="mt-2 space-y-3">
              {hits.map(({ doc }, i) => {
                const index = starts[g] + i;
                const title = (
                  <span lang={doc.l} className="link text-lg font-medium">
                    {doc.t}
                  </span>
                );
                const snippet = doc.s ? (
                  <span lang={doc.l} className="mt-1 line-clamp-2 block text-sm text-ink-muted">
                    {doc.s}
                  </span>
                ) : null;
                return (
                  <li key={`${doc.u}:${doc.t}`} role={present} data-kind={doc.k} className="[overflow-wrap:anywhere]">
                    {lb ? (
                      <a
                        href={doc.u}
                        role="option"
                        id={optionId(lb.id, index)}
                        aria-selected={lb.active === index}
                        tabIndex={-1}
                        onPointerMove={lb.active === index ? undefined : () => lb.onPointerActive(index)}
                        className="block scroll-mt-20 scroll-mb-16 rounded-md border-s-4 border-transparent px-3 py-2 aria-selected:border-accent aria-selected:bg-surface-muted"
                      >
                        {title}
                        {snippet}
                      </a>
                    ) : (
                      // On the page only the title is the link: its name stays short, the summary is plain text.
                      <>
                        <a href={doc.u}>{title}</a>
                        {snippet}
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
