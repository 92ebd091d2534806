import type { Metadata } from 'next';
import { dictionaries, htmlLang, LOCALES } from '@/lib/i18n';
import { ThemeScript } from '@/components/site/ThemeScript';
import { homeHref } from '@/lib/nav/site-nav';
import './globals.css';

/*
 * The one 404 page (static export writes it to out/404.html; `serve` and most static hosts return it for any
 * unknown path). It cannot know the requested locale without JavaScript, so it speaks both languages, each block
 * marked with its own lang. Needs `experimental.globalNotFound` in next.config.ts.
 */
export const metadata: Metadata = {
  title: `404 · ${dictionaries.zh.notFound.title} · ${dictionaries.en.notFound.title}`,
  robots: { index: false },
};

export default function GlobalNotFound() {
  return (
    <html lang={htmlLang('zh')} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-10 px-6 py-16">
          <p className="text-6xl font-bold text-ink-muted" aria-hidden="true">
            404
          </p>
          {LOCALES.map((locale) => {
            const t = dictionaries[locale].notFound;
            return (
              <section key={locale} lang={htmlLang(locale)}>
                {locale === LOCALES[0] ? <h1 className="text-2xl font-bold">{t.title}</h1> : <h2 className="text-2xl font-bold">{t.title}</h2>}
                <p className="mt-2 text-ink-muted">{t.text}</p>
                <p className="mt-4">
                  <a className="link" href={homeHref(locale)} hrefLang={locale}>
                    {t.home}
                  </a>
                </p>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
