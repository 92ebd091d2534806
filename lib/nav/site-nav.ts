/** Builds the navigation tree of one locale from the loaded lessons (tracks in TRACKS order, lessons by `order`). */
import { getDictionary } from '@/lib/i18n';
import type { Lesson } from '@/lib/content/loader';
import { TRACKS, type Locale, type Track } from '@/lib/content/schema';
import type { NavNode } from './nav';

export const homeHref = (locale: Locale) => `/${locale}/`;
export const trackHref = (locale: Locale, track: Track) => `/${locale}/learn/${track}/`;
export const lessonHref = (locale: Locale, track: Track, slug: string) => `/${locale}/learn/${track}/${slug}/`;

/** `lessons` may hold every locale; only `locale`'s are used. Pure, so it is unit-tested with plain data. */
export function buildNavTree(locale: Locale, lessons: readonly Pick<Lesson, 'locale' | 'track' | 'slug' | 'frontmatter'>[]): NavNode {
  const dict = getDictionary(locale);
  return {
    title: dict.site.home,
    href: homeHref(locale),
    children: TRACKS.map((track) => ({
      title: dict.tracks[track].title,
      href: trackHref(locale, track),
      children: lessons
        .filter((l) => l.locale === locale && l.track === track)
        .sort((a, b) => a.frontmatter.order - b.frontmatter.order)
        .map((l) => ({ title: l.frontmatter.title, href: lessonHref(locale, track, l.slug) })),
    })),
  };
}
