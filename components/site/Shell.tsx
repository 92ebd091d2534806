import type { ReactNode } from 'react';
import { TRACKS, type Locale } from '@/lib/content/schema';
import { getDictionary, htmlLang, otherLocale, type Dictionary } from '@/lib/i18n';
import type { SearchDialogStrings } from '@/components/search/SearchDialog';
import { glossaryHref, searchHref, searchIndexHref } from '@/lib/seo/paths';
import { OfflineSupport } from './OfflineSupport';
import { SearchLink } from './SearchLink';
import { ThemeToggle } from './ThemeToggle';
import { homeHref, trackHref } from '@/lib/nav/site-nav';
import { interviewHref, practiceHref, progressHref, reviewHref } from '@/lib/practice/paths';

/** The strings the search dialog needs, and no more: they are serialized into every page's HTML. */
function dialogStrings(s: Dictionary['search']): SearchDialogStrings {
  const { label, placeholder, loading, failed, retry, results, noResults, kinds, dialog, close, list, seeAll, keys } = s;
  return { label, placeholder, loading, failed, retry, results, noResults, kinds, dialog, close, list, seeAll, keys };
}

/**
 * Header, main landmark and footer of every localized page. Pages pass `alternate`, the same page in the other
 * locale, because a layout cannot know the current path in a static export (and a client hook would cost JS).
 * Links are plain <a>: next/link would add client JavaScript to pages that must have none. Every page with the
 * shell registers the service worker (OfflineSupport); the blank budget baseline has no shell, so its few hundred
 * bytes count against every page's budget.
 */
export function Shell({ locale, alternate, children }: { locale: Locale; alternate: string; children: ReactNode }) {
  const t = getDictionary(locale);
  const other = otherLocale(locale);
  return (
    <>
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        {t.site.skipToContent}
      </a>
      {/* Early in the tab order: when an update prompt shows, keyboard users reach it right after the skip link. */}
      <OfflineSupport locale={locale} strings={{ updateAvailable: t.offline.updateAvailable, reload: t.offline.reload, later: t.offline.later }} />
      <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href={homeHref(locale)} className="text-lg font-bold">
            <span aria-hidden="true" className="me-1 text-producer">
              ▸
            </span>
            {t.site.name}
          </a>
          <nav aria-label={t.site.mainNav} className="flex-1">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {TRACKS.map((track) => (
                <li key={track}>
                  <a href={trackHref(locale, track)} className="hover:underline">
                    {t.tracks[track].title}
                  </a>
                </li>
              ))}
              {/* Practice pages: a visual divider before them, plain links like the tracks. */}
              {(
                [
                  ['practice', practiceHref],
                  ['review', reviewHref],
                  ['interview', interviewHref],
                  ['progress', progressHref],
                ] as const
              ).map(([key, href], i) => (
                <li key={key} className={i === 0 ? 'sm:ms-2 sm:border-s sm:border-line sm:ps-4' : undefined}>
                  <a href={href(locale)} className="hover:underline" data-nav={key}>
                    {t.nav[key]}
                  </a>
                </li>
              ))}
              <li>
                <a href={glossaryHref(locale)} className="hover:underline" data-nav="glossary">
                  {t.glossary.nav}
                </a>
              </li>
            </ul>
          </nav>
          <SearchLink
            href={searchHref(locale)}
            label={t.search.open}
            shortcut={t.search.shortcut}
            indexHref={searchIndexHref(locale)}
            strings={dialogStrings(t.search)}
          />
          <ThemeToggle label={t.theme.label} names={{ light: t.theme.light, dark: t.theme.dark, system: t.theme.system }} />
          <a
            href={alternate}
            hrefLang={other}
            data-testid="language-switch"
            className="rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-muted"
          >
            {/* The accessible name starts with the visible text (WCAG 2.5.3), then says what the link does. */}
            <span lang={htmlLang(other)}>{t.site.switchLanguage}</span>
            <span className="sr-only"> ({t.site.switchLanguageLabel})</span>
          </a>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none">
        {children}
      </main>
      <footer className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-ink-muted">{t.site.footer}</p>
      </footer>
    </>
  );
}
