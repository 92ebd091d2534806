import type { Locale } from '@/lib/content/schema';

export const glossaryHref = (locale: Locale) => `/${locale}/glossary/`;
export const searchHref = (locale: Locale) => `/${locale}/search/`;
export const searchIndexHref = (locale: Locale) => `/${locale}/search/index.json`;
