import type { Locale } from '@/lib/content/schema';

export const practiceHref = (locale: Locale) => `/${locale}/practice/`;
export const reviewHref = (locale: Locale) => `/${locale}/review/`;
export const interviewHref = (locale: Locale) => `/${locale}/interview/`;
export const progressHref = (locale: Locale) => `/${locale}/progress/`;
