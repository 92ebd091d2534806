import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { ProgressApp, type ProgressPageData } from '@/components/practice/ProgressApp';
import { Shell } from '@/components/site/Shell';
import { getSite, lessonsOf } from '@/lib/content/site';
import { TRACKS, type Track } from '@/lib/content/schema';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { trackOfSection } from '@/lib/practice/data';
import { progressHref } from '@/lib/practice/paths';
import { lessonKey } from '@/lib/progress/keys';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(progressHref), { title: t.progress.title, description: t.progress.intro });
}

/** Server-rendered frame; the island reads the browser's progress after mount. It gets only keys (a few KB), not the practice data. */
export default async function ProgressPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const lessons = lessonsOf(locale);
  const answeredBy = new Map(lessons.flatMap((l) => l.frontmatter.questions.map((q) => [q, l] as const)));
  const { notes } = getSite();
  const data: ProgressPageData = {
    tracks: TRACKS.map((track) => ({ track, lessons: lessons.filter((l) => l.track === track).map((l) => lessonKey(l.track, l.slug)) })),
    questions: notes.distinctIds.map((id) => {
      const l = answeredBy.get(id);
      return { id, lesson: l ? lessonKey(l.track, l.slug) : null, track: l?.track ?? trackOfSection(notes.byId.get(id)?.section ?? '') };
    }),
  };
  const tracks = Object.fromEntries(TRACKS.map((tr) => [tr, t.tracks[tr].title])) as Record<Track, string>;
  return (
    <Shell locale={locale} alternate={progressHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold">{t.progress.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.progress.intro}</p>
      <ProgressApp locale={locale} data={data} strings={{ progress: t.progress, tracks, loading: t.practiceCommon.loading, notSaved: t.practiceCommon.notSaved }} />
    </Shell>
  );
}
