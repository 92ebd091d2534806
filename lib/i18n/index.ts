import { LOCALES, type Locale } from '@/lib/content/schema';
import { en } from './en';
import { zh, type Dictionary } from './zh';

export { LOCALES, type Locale, type Dictionary };
export { fill } from './fill';

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

/** Narrows a route param; static params make anything else impossible, so this throws instead of returning 404. */
export function toLocale(value: string): Locale {
  if (!isLocale(value)) throw new Error(`unknown locale "${value}"`);
  return value;
}

/** BCP 47 tag for `lang` attributes: "zh-CN" makes browsers pick Simplified Chinese glyphs. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}
