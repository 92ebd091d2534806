/**
 * /{locale}/search/index.json: the static search index (lib/search/build.ts), emitted once per locale at build
 * time. Static export allows route handlers only as force-static GETs.
 */
import { LOCALES, toLocale, type Locale } from '@/lib/i18n';
import { searchIndex } from '@/lib/search/build';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { locale: Locale }[] {
  return LOCALES.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return Response.json(searchIndex(toLocale((await params).locale)));
}
