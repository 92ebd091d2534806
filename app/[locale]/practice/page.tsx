import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { PracticeApp } from '@/components/practice/PracticeApp';
import { Shell } from '@/components/site/Shell';
import { TRACKS } from '@/lib/content/schema';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { practiceHref, progressHref } from '@/lib/practice/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(practiceHref), { title: t.practice.title, description: t.practice.intro });
}

/** Static shell; the island fetches /{locale}/practice/items.json (shared with review and interview). */
export default async function PracticePage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const tracks = Object.fromEntries(TRACKS.map((tr) => [tr, t.tracks[tr].title])) as Record<(typeof TRACKS)[number], string>;
  return (
    <Shell locale={locale} alternate={practiceHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.practice.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.practice.intro}</p>
      <PracticeApp
        locale={locale}
        progressHref={progressHref(locale)}
        strings={{ practice: t.practice, common: t.practiceCommon, quiz: t.quiz, tracks }}
      />
    </Shell>
  );
}
