import type { Locale } from '@/lib/content/schema';

export const glossaryHref = (locale: Locale) => `/${locale}/glossary/`;
export const searchHref = (locale: Locale) => `/${locale}/search/`;
export const searchIndexHref = (locale: Locale) => `/${locale}/search/index.json`;
/** The page the service worker answers, offline, for a page it has not cached yet (its path is in scripts/gen-sw.mjs too). */
export const offlineHref = (locale: Locale) => `/${locale}/offline/`;
