/**
 * `npm run --silent content:stats`: one JSON document about the lessons (see lib/content/stats.ts).
 * It runs the same loader and checks as the build, so invalid content exits 1 with the "file: field: message" lines.
 */
import { ContentError } from '@/lib/content/loader';
import { getSite } from '@/lib/content/site';
import { contentStats } from '@/lib/content/stats';

try {
  process.stdout.write(JSON.stringify(contentStats(getSite()), null, 2) + '\n');
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  process.stderr.write(error.message + '\n');
  process.exitCode = 1;
}
