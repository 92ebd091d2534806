import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { Shell } from '@/components/site/Shell';
import { ScenarioLibrary } from '@/components/sim/ScenarioLibrary';
import { otherLocale, toLocale } from '@/lib/i18n';
import { simT } from '@/lib/i18n/sim';
import { simHref } from '@/lib/sim/paths';
import { libraryEntries } from '@/lib/sim/summary';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = simT(locale);
  return pageMetadata(locale, everyLocale(simHref), { title: t.library.title, description: t.library.description });
}

/** Every built-in scenario of the three systems; the filter is a small island, the list is server-rendered HTML. */
export default async function SimLibraryPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = simT(locale);
  return (
    <Shell locale={locale} alternate={simHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.library.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.library.description}</p>
      <ScenarioLibrary locale={locale} entries={libraryEntries(locale)} />
    </Shell>
  );
}
