import { LOCALES, type Locale } from '@/lib/content/schema';
import { en } from './en';
import { zh, type Dictionary } from './zh';

export { LOCALES, type Locale, type Dictionary };

/** The locale `/` forwards to. */
export const DEFAULT_LOCALE: Locale = 'zh';

export const dictionaries: Record<Locale, Dictionary> = { zh, en };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** The other locale (the language switch points there). Valid while there are exactly two locales. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible so a test or a reader notices it. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
