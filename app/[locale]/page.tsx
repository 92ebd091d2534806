import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { HomeProgress } from '@/components/practice/HomeProgress';
import { Shell } from '@/components/site/Shell';
import { coverage, getSite, lessonsOf } from '@/lib/content/site';
import { TRACKS } from '@/lib/content/schema';
import { fill, getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { homeHref, trackHref } from '@/lib/nav/site-nav';
import { progressHref, reviewHref } from '@/lib/practice/paths';
import { lessonKey } from '@/lib/progress/keys';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return pageMetadata(locale, everyLocale(homeHref), {
    title: `${t.site.name} · ${t.home.title}`,
    description: t.site.description,
    absoluteTitle: true,
  });
}

export default async function Home({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  const { covered, total } = coverage(locale);
  const percent = total === 0 ? 0 : Math.round((covered / total) * 100);
  const lessons = lessonsOf(locale);
  return (
    <Shell locale={locale} alternate={homeHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold sm:text-4xl">{t.home.title}</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">{t.home.intro}</p>

      <section aria-labelledby="coverage" className="mt-8 max-w-xl rounded-xl border border-line p-5">
        <h2 id="coverage" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
          {t.home.coverageLabel}
        </h2>
        <p className="mt-2 text-lg font-medium" data-testid="coverage">
          {fill(t.home.coverage, { n: covered, total })}
        </p>
        <meter
          className="mt-3 h-3 w-full"
          min={0}
          max={total}
          value={covered}
          aria-label={t.home.coverageLabel}
          aria-valuetext={fill(t.home.coverage, { n: covered, total })}
        >
          {percent}%
        </meter>
      </section>

      <div className="mt-6 max-w-xl">
        <HomeProgress
          strings={t.homeProgress}
          trackTitles={Object.fromEntries(TRACKS.map((tr) => [tr, t.tracks[tr].title]))}
          tracks={TRACKS.map((track) => ({ track, lessons: lessons.filter((l) => l.track === track).map((l) => lessonKey(l.track, l.slug)) }))}
          cards={{
            items: lessons.reduce((n, l) => n + l.quiz.items.length, 0),
            questions: getSite().notes.distinctIds.length,
            reviewHref: reviewHref(locale),
          }}
          progressHref={progressHref(locale)}
        />
      </div>

      <h2 className="mt-12 text-2xl font-bold">{t.home.tracksHeading}</h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {TRACKS.map((track) => {
          const count = lessonsOf(locale, track).length;
          return (
            <li key={track}>
              <a
                href={trackHref(locale, track)}
                data-track={track}
                className="block h-full rounded-xl border border-line p-5 hover:border-accent hover:bg-surface-muted"
              >
                <span className="text-xl font-semibold">{t.tracks[track].title}</span>
                <span className="mt-1 block text-ink-muted">{t.tracks[track].description}</span>
                <span className="mt-3 block text-sm font-medium">
                  {count > 0 ? fill(t.home.lessonCount, { n: count }) : t.home.noLessons}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </Shell>
  );
}
