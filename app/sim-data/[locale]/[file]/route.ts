import { listBuiltins } from '@/simulator';
import { LOCALES, toLocale } from '@/lib/i18n';
import { scenarioData } from '@/lib/sim/data';

// Static export: one JSON file per built-in scenario and locale, out/sim-data/{locale}/{id}.json (lib/sim/data.ts).
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { locale: string; file: string }[] {
  return LOCALES.flatMap((locale) => listBuiltins().map((s) => ({ locale, file: `${s.id}.json` })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; file: string }> }): Promise<Response> {
  const { locale, file } = await params;
  const data = scenarioData(file.replace(/\.json$/, ''), toLocale(locale));
  if (!data) return new Response('unknown scenario', { status: 404 });
  return Response.json(data);
}
