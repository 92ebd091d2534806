import type { Metadata } from 'next';
import { SearchApp } from '@/components/search/SearchApp';
import { Shell } from '@/components/site/Shell';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { searchHref, searchIndexHref } from '@/lib/seo/paths';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(searchHref), { title: t.search.title, description: t.search.intro });
}

/** Static shell; the island fetches /{locale}/search/index.json (built at build time) and queries it locally. */
export default async function SearchPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const { label, placeholder, loading, failed, retry, results, noResults, kinds } = t.search;
  return (
    <Shell locale={locale} alternate={searchHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.search.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.search.intro}</p>
      <SearchApp indexHref={searchIndexHref(locale)} strings={{ label, placeholder, loading, failed, retry, results, noResults, kinds }} />
    </Shell>
  );
}
