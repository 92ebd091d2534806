/**
 * Page metadata shared by every localized page: canonical URL, hreflang alternates (only to locales where the page
 * exists), Open Graph and Twitter basics. Absolute URLs come from SITE_URL, read at build time (a static export
 * cannot know its host). Trap: Next merges metadata shallowly, so a page's `openGraph` replaces the layout's whole
 * object; that is why every page builds it here, image included, instead of relying on the layout.
 */
import type { Metadata, Viewport } from 'next';
import { getDictionary, htmlLang, LOCALES, type Locale } from '@/lib/i18n';
import { SURFACE } from '@/lib/theme/theme';

export const SITE_URL = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

/**
 * The `viewport` export of both root layouts: the browser UI (mobile address bar, installed app title bar) takes the
 * header's surface colour in each colour scheme. It follows the OS scheme; an explicit choice in the theme toggle
 * does not change it.
 */
export const VIEWPORT: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: SURFACE.light },
    { media: '(prefers-color-scheme: dark)', color: SURFACE.dark },
  ],
};

/** Static Open Graph image (public/og.png, 1200×630). */
export const OG_IMAGE = { url: '/og.png', width: 1200, height: 630, alt: 'MQ Lab' } as const;

const ogLocale = (locale: Locale) => (locale === 'zh' ? 'zh_CN' : 'en_US');

/** `hrefs`: this page's path in each locale where it exists; `hrefs[locale]` is required (the canonical). */
export function pageMetadata(
  locale: Locale,
  hrefs: Partial<Record<Locale, string>>,
  { title, description, absoluteTitle = false }: { title: string; description: string; absoluteTitle?: boolean },
): Metadata {
  const canonical = hrefs[locale];
  if (!canonical) throw new Error(`pageMetadata: no ${locale} path`);
  const present = LOCALES.filter((l) => hrefs[l] !== undefined);
  const languages: Record<string, string> = {};
  // hreflang only when a real counterpart exists: a lone page pointing at itself would say nothing.
  if (present.length > 1) {
    for (const l of present) languages[htmlLang(l)] = hrefs[l] as string;
    languages['x-default'] = hrefs.zh ?? canonical;
  }
  const siteName = getDictionary(locale).site.name;
  const fullTitle = absoluteTitle ? title : `${title} · ${siteName}`;
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical, languages },
    openGraph: {
      type: 'website',
      siteName,
      title: fullTitle,
      description,
      url: canonical,
      locale: ogLocale(locale),
      alternateLocale: present.filter((l) => l !== locale).map(ogLocale),
      images: [OG_IMAGE],
    },
    twitter: { card: 'summary_large_image', title: fullTitle, description, images: [OG_IMAGE.url] },
  };
}

/** The same path builder applied to every locale: for pages that exist in all of them. */
export function everyLocale(href: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, href(l)])) as Record<Locale, string>;
}
