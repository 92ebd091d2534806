import type { Metadata } from 'next';
import { Shell } from '@/components/site/Shell';
import { getSite } from '@/lib/content/site';
import { getGlossary, lessonText, termUsage } from '@/lib/glossary/glossary';
import { getDictionary, htmlLang, otherLocale, toLocale } from '@/lib/i18n';
import { lessonHref } from '@/lib/nav/site-nav';
import { glossaryHref } from '@/lib/seo/paths';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(glossaryHref), { title: t.glossary.title, description: t.glossary.intro });
}

/** zh ↔ en glossary: server-rendered HTML only. Each entry's lesson links come from scanning lesson text. */
export default async function GlossaryPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const other = otherLocale(locale);
  const t = getDictionary(locale);
  const terms = getGlossary();
  const usage = termUsage(terms, getSite().lessons.map(lessonText), locale);
  return (
    <Shell locale={locale} alternate={glossaryHref(other)}>
      <h1 className="text-3xl font-bold">{t.glossary.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.glossary.intro}</p>
      <nav aria-label={t.glossary.index} className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {terms.map((term) => (
            <li key={term.id}>
              <a href={`#${term.id}`} className="inline-block rounded-full border border-line px-3 py-1 hover:bg-surface-muted">
                {term[locale]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="mt-10 divide-y divide-line" data-testid="glossary">
        {terms.map((term) => {
          const lessons = usage.get(term.id) ?? [];
          return (
            <div key={term.id} className="py-5">
              <dt id={term.id} className="text-xl font-semibold">
                {term[locale]}{' '}
                <span lang={htmlLang(other)} className="text-base font-normal text-ink-muted">
                  · {term[other]}
                </span>
              </dt>
              <dd className="mt-2 max-w-3xl">{term.def[locale]}</dd>
              <dd lang={htmlLang(other)} className="mt-1 max-w-3xl text-sm text-ink-muted">
                {term.def[other]}
              </dd>
              <dd className="mt-2 text-sm">
                <span className="font-semibold">{t.glossary.usedIn}: </span>
                {lessons.length === 0 ? (
                  <span className="text-ink-muted">{t.glossary.notUsed}</span>
                ) : (
                  <ul className="inline">
                    {lessons.map((l, i) => (
                      <li key={`${l.track}/${l.slug}`} className="inline">
                        {i > 0 ? ' · ' : ''}
                        <a className="link" href={lessonHref(locale, l.track, l.slug)}>
                          {l.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </Shell>
  );
}
