/**
 * /{locale}/practice/items.json: the practice data (lib/practice/data.ts), emitted once per locale at build time.
 * Static export allows route handlers only as force-static GETs.
 */
import { getSite } from '@/lib/content/site';
import { LOCALES, toLocale, type Locale } from '@/lib/i18n';
import { practiceData } from '@/lib/practice/data';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { locale: Locale }[] {
  return LOCALES.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return Response.json(practiceData(getSite(), toLocale((await params).locale)));
}
