import type { MetadataRoute } from 'next';
import { DEFAULT_LOCALE, dictionaries, htmlLang } from '@/lib/i18n';
import { homeHref } from '@/lib/nav/site-nav';
import { SURFACE } from '@/lib/theme/theme';

// Static export: emitted once as out/manifest.webmanifest; Next links it from every page's <head>.
export const dynamic = 'force-static';

/**
 * One manifest for both locales (a page can link only one, and an installed app has one identity). The name is
 * "MQ Lab" in both languages, so nothing is lost there; the description carries both, like the language choice page.
 * start_url is the default locale's home rather than `/`: `/` only forwards there with a meta refresh, and the site
 * is written Chinese first (every lesson exists in zh, a few in en); the language switch is one tap away. Colours are
 * the light surface token: the manifest cannot follow the colour scheme (the theme-color meta in the layouts does).
 */
export default function manifest(): MetadataRoute.Manifest {
  const zh = dictionaries.zh.site;
  return {
    id: '/',
    name: zh.name,
    short_name: zh.name,
    description: `${zh.description} ${dictionaries.en.site.description}`,
    lang: htmlLang(DEFAULT_LOCALE),
    start_url: homeHref(DEFAULT_LOCALE),
    scope: '/',
    display: 'standalone',
    theme_color: SURFACE.light,
    background_color: SURFACE.light,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
