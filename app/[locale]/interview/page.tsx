import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { InterviewApp } from '@/components/practice/InterviewApp';
import { Shell } from '@/components/site/Shell';
import { TRACKS } from '@/lib/content/schema';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { interviewHref, progressHref } from '@/lib/practice/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(interviewHref), { title: t.interview.title, description: t.interview.intro });
}

/** Static shell; the island fetches /{locale}/practice/items.json (the data practice and review use too). */
export default async function InterviewPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const tracks = Object.fromEntries(TRACKS.map((tr) => [tr, t.tracks[tr].title])) as Record<(typeof TRACKS)[number], string>;
  return (
    <Shell locale={locale} alternate={interviewHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.interview.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.interview.intro}</p>
      <InterviewApp
        locale={locale}
        progressHref={progressHref(locale)}
        strings={{ interview: t.interview, common: t.practiceCommon, tracks }}
      />
    </Shell>
  );
}
