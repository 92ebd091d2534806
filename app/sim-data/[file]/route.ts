import { listBuiltins } from '@/simulator';
import { scenarioData } from '@/lib/sim/data';

// Static export: one JSON file per built-in scenario, out/sim-data/{id}.json (see lib/sim/data.ts).
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { file: string }[] {
  return listBuiltins().map((s) => ({ file: `${s.id}.json` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const data = scenarioData(file.replace(/\.json$/, ''));
  if (!data) return new Response('unknown scenario', { status: 404 });
  return Response.json(data);
}
