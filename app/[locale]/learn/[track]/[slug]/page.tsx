import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/seo/seo';
import type { ComponentType } from 'react';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import { Pager } from '@/components/site/Pager';
import { Shell } from '@/components/site/Shell';
import { Toc } from '@/components/site/Toc';
import { findLesson, getSite } from '@/lib/content/site';
import type { Lesson } from '@/lib/content/loader';
import { getDictionary, htmlLang, LOCALES, otherLocale, toLocale, type Locale } from '@/lib/i18n';
import { locate } from '@/lib/nav/nav';
import { buildNavTree, lessonHref, trackHref } from '@/lib/nav/site-nav';
import { lessonComponents } from '@/mdx-components';

type Params = { locale: string; track: string; slug: string };
type Props = { params: Promise<Params> };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getSite().lessons.map(({ locale, track, slug }) => ({ locale, track, slug }));
}

async function resolve(params: Props['params']): Promise<Lesson> {
  const { locale, track, slug } = await params;
  const lesson = findLesson(toLocale(locale), track, slug);
  if (!lesson) throw new Error(`no lesson ${locale}/${track}/${slug}`);
  return lesson;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, track, slug, frontmatter } = await resolve(params);
  // hreflang only to a translation that exists (a zh-only lesson has no en alternate).
  const hrefs = Object.fromEntries(
    LOCALES.filter((l) => findLesson(l, track, slug)).map((l) => [l, lessonHref(l, track, slug)]),
  ) as Partial<Record<Locale, string>>;
  return pageMetadata(locale, hrefs, { title: frontmatter.title, description: frontmatter.summary });
}

export default async function LessonPage({ params }: Props) {
  const lesson = await resolve(params);
  const { locale, track, slug, frontmatter: fm } = lesson;
  const t = getDictionary(locale);
  const { notes, lessons } = getSite();
  const href = lessonHref(locale, track, slug);
  // A lesson not translated yet switches language to the other locale's track page instead of a 404.
  const other = otherLocale(locale);
  const alternate = findLesson(other, track, slug) ? lessonHref(other, track, slug) : trackHref(other, track);
  const { breadcrumbs, prev, next } = locate(buildNavTree(locale, lessons), href);
  // Trap: the template literal must keep this exact shape (a static prefix and suffix) so the bundler can
  // enumerate content/**/*.mdx at build time; a computed path would not be bundled.
  const { default: Content } = (await import(`@/content/${locale}/${track}/${slug}.mdx`)) as {
    default: ComponentType<{ components: ReturnType<typeof lessonComponents> }>;
  };

  return (
    <Shell locale={locale} alternate={alternate}>
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10">
        <article className="min-w-0">
          <Breadcrumbs label={t.lesson.breadcrumbs} trail={breadcrumbs} />
          <h1 className="text-3xl font-bold sm:text-4xl">{fm.title}</h1>

          <section aria-label={t.lesson.fromNotes} className="mt-5 rounded-xl bg-surface-muted p-4" data-testid="notes-questions">
            <p className="text-sm font-semibold text-ink-muted">{t.lesson.fromNotes}</p>
            <ul className="mt-1 space-y-1">
              {fm.questions.map((id) => (
                <li key={id}>
                  {/* Verbatim from the notes (which are Chinese), whatever the page's locale. */}
                  <q lang={htmlLang('zh')} data-question-id={id} className="text-lg font-medium">
                    {notes.byId.get(id)?.text}
                  </q>
                </li>
              ))}
            </ul>
          </section>

          <div className="mt-6 lg:hidden">
            <Toc label={t.lesson.toc} headings={lesson.headings} extra={[{ id: 'quiz', text: t.quiz.heading }]} />
          </div>

          <div className="prose prose-lesson prose-code:before:content-none prose-code:after:content-none mt-8 max-w-none">
            <Content components={lessonComponents({ locale, quiz: lesson.quiz.items })} />
          </div>

          <section aria-labelledby="sources" className="mt-12 border-t border-line pt-6">
            <h2 id="sources" className="text-lg font-semibold">
              {t.lesson.sources}
            </h2>
            <ul className="mt-2 list-disc space-y-1 ps-6">
              {fm.sources.map((source) => (
                <li key={source.url}>
                  <a className="link" href={source.url}>
                    {source.title}
                  </a>
                </li>
              ))}
            </ul>
            <h2 className="mt-6 text-lg font-semibold">{t.lesson.verified}</h2>
            <ul className="mt-2 flex flex-wrap gap-2" data-testid="verified">
              {fm.verified.map((v) => (
                <li key={`${v.product}@${v.version}`} className="rounded-full border border-line px-3 py-1 text-sm">
                  {v.product} {v.version}
                </li>
              ))}
            </ul>
          </section>

          <Pager label={t.lesson.pager} prevLabel={t.lesson.previous} nextLabel={t.lesson.next} prev={prev} next={next} />
        </article>
        <aside className="hidden lg:block">
          <div className="sticky top-20">
            <Toc label={t.lesson.toc} headings={lesson.headings} extra={[{ id: 'quiz', text: t.quiz.heading }]} />
          </div>
        </aside>
      </div>
    </Shell>
  );
}
