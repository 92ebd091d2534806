import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { ReviewApp } from '@/components/practice/ReviewApp';
import { Shell } from '@/components/site/Shell';
import { TRACKS } from '@/lib/content/schema';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { reviewHref, progressHref } from '@/lib/practice/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(reviewHref), { title: t.review.title, description: t.review.intro });
}

/** Static shell; the island fetches /{locale}/practice/items.json (the data practice and interview use too). */
export default async function ReviewPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const tracks = Object.fromEntries(TRACKS.map((tr) => [tr, t.tracks[tr].title])) as Record<(typeof TRACKS)[number], string>;
  return (
    <Shell locale={locale} alternate={reviewHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.review.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.review.intro}</p>
      <ReviewApp
        locale={locale}
        progressHref={progressHref(locale)}
        strings={{ review: t.review, common: t.practiceCommon, quiz: t.quiz, tracks }}
      />
    </Shell>
  );
}
