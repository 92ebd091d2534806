import { DEFAULT_LOCALE, dictionaries, htmlLang, LOCALES } from '@/lib/i18n';
import { homeHref } from '@/lib/nav/site-nav';

/**
 * `/`: forwards to the default locale. Static export cannot redirect (redirect() writes no meta refresh), so the
 * page renders the refresh itself (React hoists <meta> into <head>) and real links for anyone it does not forward.
 */
export default function LanguageChoice() {
  const target = homeHref(DEFAULT_LOCALE);
  return (
    <>
      <meta httpEquiv="refresh" content={`0;url=${target}`} />
      <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-16">
        <h1 className="text-3xl font-bold">MQ Lab</h1>
        <p className="mt-2 text-ink-muted">{dictionaries[DEFAULT_LOCALE].root.heading}</p>
        <ul className="mt-8 grid gap-4 sm:grid-cols-2">
          {LOCALES.map((locale) => (
            <li key={locale} lang={htmlLang(locale)}>
              <a
                href={homeHref(locale)}
                hrefLang={locale}
                className="block rounded-xl border border-line p-5 text-lg font-semibold hover:bg-surface-muted"
              >
                {dictionaries[locale].site.languageName}
                <span className="mt-1 block text-sm font-normal text-ink-muted">{dictionaries[locale].site.tagline}</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-8 text-sm text-ink-muted">{dictionaries[DEFAULT_LOCALE].root.redirecting}</p>
      </main>
    </>
  );
}
