import type { MetadataRoute } from 'next';
import { getSite } from '@/lib/content/site';
import { TRACKS } from '@/lib/content/schema';
import { htmlLang, LOCALES, type Locale } from '@/lib/i18n';
import { homeHref, lessonHref, trackHref } from '@/lib/nav/site-nav';
import { interviewHref, practiceHref, progressHref, reviewHref } from '@/lib/practice/paths';
import { glossaryHref, searchHref } from '@/lib/seo/paths';
import { everyLocale, SITE_URL } from '@/lib/seo/seo';
import { scenarioHref, simHref } from '@/lib/sim/paths';
import { listBuiltins } from '@/simulator';

// Static export: metadata routes are route handlers, which must be force-static (out/sitemap.xml).
export const dynamic = 'force-static';

/**
 * Every indexable page in every locale, each with its hreflang alternates. Left out on purpose: `/` (a meta refresh
 * to /zh/) and /{locale}/blank/ (the budget baseline, noindex).
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const abs = (href: string) => `${SITE_URL}${href}`;
  const entries: MetadataRoute.Sitemap = [];
  const add = (hrefs: Partial<Record<Locale, string>>) => {
    const present = LOCALES.filter((l) => hrefs[l] !== undefined);
    const languages = Object.fromEntries(present.map((l) => [htmlLang(l), abs(hrefs[l] as string)]));
    for (const l of present) {
      entries.push({ url: abs(hrefs[l] as string), ...(present.length > 1 ? { alternates: { languages } } : {}) });
    }
  };
  const sameInAll = [homeHref, simHref, practiceHref, reviewHref, interviewHref, progressHref, glossaryHref, searchHref];
  for (const href of sameInAll) add(everyLocale(href));
  for (const track of TRACKS) add(everyLocale((l) => trackHref(l, track)));
  const lessons = getSite().lessons;
  const slugs = new Set(lessons.map((l) => `${l.track}/${l.slug}`));
  for (const key of slugs) {
    const [track, slug] = key.split('/') as [(typeof TRACKS)[number], string];
    add(Object.fromEntries(lessons.filter((l) => l.track === track && l.slug === slug).map((l) => [l.locale, lessonHref(l.locale, track, slug)])));
  }
  for (const { id } of listBuiltins()) add(everyLocale((l) => scenarioHref(l, id)));
  return entries;
}
