import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { HomeProgress } from '@/components/practice/HomeProgress';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import { Shell } from '@/components/site/Shell';
import { getSite, lessonsOf } from '@/lib/content/site';
import { TRACKS, type Track } from '@/lib/content/schema';
import { fill, getDictionary, LOCALES, otherLocale, toLocale, type Locale } from '@/lib/i18n';
import { locate } from '@/lib/nav/nav';
import { buildNavTree, lessonHref, trackHref } from '@/lib/nav/site-nav';
import { progressHref } from '@/lib/practice/paths';
import { lessonKey } from '@/lib/progress/keys';

type Props = { params: Promise<{ locale: string; track: string }> };

export const dynamicParams = false;

export function generateStaticParams(): { locale: Locale; track: Track }[] {
  return LOCALES.flatMap((locale) => TRACKS.map((track) => ({ locale, track })));
}

async function resolve(params: Props['params']): Promise<{ locale: Locale; track: Track }> {
  const { locale, track } = await params;
  if (!(TRACKS as readonly string[]).includes(track)) throw new Error(`unknown track "${track}"`);
  return { locale: toLocale(locale), track: track as Track };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, track } = await resolve(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale((l) => trackHref(l, track)), {
    title: t.tracks[track].title,
    description: t.tracks[track].description,
  });
}

export default async function TrackPage({ params }: Props) {
  const { locale, track } = await resolve(params);
  const t = getDictionary(locale);
  const lessons = lessonsOf(locale, track);
  const { breadcrumbs } = locate(buildNavTree(locale, getSite().lessons), trackHref(locale, track));
  return (
    <Shell locale={locale} alternate={trackHref(otherLocale(locale), track)}>
      <Breadcrumbs label={t.lesson.breadcrumbs} trail={breadcrumbs} />
      <h1 className="text-3xl font-bold">{t.tracks[track].title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-ink-muted">{t.tracks[track].description}</p>
      {lessons.length > 0 ? (
        <div className="mt-6 max-w-xl">
          <HomeProgress
            strings={t.homeProgress}
            trackTitles={{ [track]: t.tracks[track].title }}
            tracks={[{ track, lessons: lessons.map((l) => lessonKey(l.track, l.slug)) }]}
            progressHref={progressHref(locale)}
          />
        </div>
      ) : null}
      <h2 className="mt-10 text-xl font-semibold">{t.track.lessonsHeading}</h2>
      {lessons.length === 0 ? (
        <p className="mt-4 text-ink-muted">{t.track.empty}</p>
      ) : (
        <ol className="mt-4 space-y-3" data-testid="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <a
                href={lessonHref(locale, track, lesson.slug)}
                className="block rounded-xl border border-line p-4 hover:border-accent hover:bg-surface-muted"
              >
                <span className="block text-sm text-ink-muted">{fill(t.track.lessonNumber, { n: lesson.frontmatter.order })}</span>
                <span className="block text-lg font-semibold">{lesson.frontmatter.title}</span>
                <span className="mt-1 block text-ink-muted">{lesson.frontmatter.summary}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </Shell>
  );
}
