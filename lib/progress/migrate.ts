/**
 * Reading a stored or imported progress document: parse, migrate older versions forward, validate.
 * Pure: no storage access. A document that cannot be read is reported with a reason, never "fixed" by dropping data;
 * the caller (store.ts) keeps the raw text as a backup.
 */
import { PROGRESS_VERSION, ProgressSchema, type Progress } from './schema';

export type DecodeFailure = 'unparseable' | 'future-version' | 'invalid';
export type Decoded =
  | { ok: true; progress: Progress; migratedFrom: number | null }
  | { ok: false; reason: DecodeFailure; detail: string };

type Doc = Record<string, unknown>;
/** `migrations[n]` turns a version-n document into a version-(n+1) one. Each must be pure and total. */
export type Migrations = Readonly<Record<number, (doc: Doc) => Doc>>;

/**
 * The real migration chain. Empty while version 1 is the only version ever shipped; when the schema changes, bump
 * PROGRESS_VERSION, add `MIGRATIONS[old] = (doc) => …` and a test with a frozen old document.
 */
export const MIGRATIONS: Migrations = {};

const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies `migrations[from] … migrations[current - 1]` in order; a missing step is an error message. */
export function runMigrations(doc: Doc, from: number, current: number, migrations: Migrations): Doc | string {
  let migrated = doc;
  for (let v = from; v < current; v++) {
    const step = migrations[v];
    if (!step) return `no migration from version ${v}`;
    migrated = { ...step(migrated), version: v + 1 };
  }
  return migrated;
}

export function decodeProgress(raw: string, migrations: Migrations = MIGRATIONS, current: number = PROGRESS_VERSION): Decoded {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: 'unparseable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!isDoc(doc)) return { ok: false, reason: 'invalid', detail: 'expected a JSON object' };
  const from = doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { ok: false, reason: 'invalid', detail: 'field "version": expected a positive integer' };
  if (from > current) return { ok: false, reason: 'future-version', detail: `version ${from} is newer than this site's ${current}` };
  const migrated = runMigrations(doc, from, current, migrations);
  if (typeof migrated === 'string') return { ok: false, reason: 'invalid', detail: migrated };
  const parsed = ProgressSchema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'invalid', detail: `field "${issue.path.join('.') || '(root)'}": ${issue.message}` };
  }
  return { ok: true, progress: parsed.data, migratedFrom: from === current ? null : from };
}
