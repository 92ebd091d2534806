/**
 * Copies the learner's question index (../shared/seed-questions.json) into content/notes-index.json,
 * the project's own index of the notes. Run by hand when the notes change:
 *   npx tsx scripts/import-notes.ts [path/to/seed-questions.json]
 * The build reads only content/notes-index.json, so it never depends on files outside the repo.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Seed = { id: string; section: string; text: string; answeredInNotes: boolean; kind: 'question' | 'topic'; duplicateOf?: string };

const src = process.argv[2] ?? path.join(__dirname, '..', '..', 'shared', 'seed-questions.json');
const seed = JSON.parse(readFileSync(src, 'utf8')) as { questions: Seed[] };
const out = seed.questions.map((q) => ({
  id: q.id,
  section: q.section,
  text: q.text,
  kind: q.kind,
  answeredInNotes: q.answeredInNotes,
  ...(q.duplicateOf ? { duplicateOf: q.duplicateOf } : {}),
}));
writeFileSync(path.join(__dirname, '..', 'content', 'notes-index.json'), JSON.stringify({ source: 'seed-notes.md', count: out.length, questions: out }, null, 1) + '\n');
console.log(`wrote ${out.length} entries`);
