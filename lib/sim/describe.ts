/**
 * A structured, engine-agnostic description of a world's domain state `w.d`, for the generic fallback view and the
 * screen-reader state table: one section per top-level collection, one row per entity, one cell per scalar field.
 * Lists are summarised (length and first ids) so a 30-partition cluster stays a readable table.
 */

export interface StateSection {
  title: string;
  columns: string[];
  rows: { entity: string; cells: string[] }[];
}

const MAX_LIST = 6;
const MAX_COLUMNS = 10;

/** Renders one value compactly: scalars as-is, lists of ids joined, objects by their keys. */
export function brief(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const items = v.slice(0, MAX_LIST).map((x) => (x !== null && typeof x === 'object' ? String((x as Record<string, unknown>).id ?? (x as Record<string, unknown>).name ?? '{…}') : String(x)));
    return `[${items.join(', ')}${v.length > MAX_LIST ? `, … +${v.length - MAX_LIST}` : ''}]`;
  }
  const keys = Object.keys(v as object);
  return keys.length === 0 ? '{}' : `{${keys.slice(0, MAX_LIST).join(', ')}${keys.length > MAX_LIST ? ', …' : ''}}`;
}

const isRecordOfObjects = (v: unknown): v is Record<string, Record<string, unknown>> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).length > 0 && Object.values(v).every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));

/** Sections for every entity collection in `d`, plus one "(scalars)" section for the rest. */
export function describeState(d: unknown): StateSection[] {
  if (d === null || typeof d !== 'object') return [{ title: 'state', columns: ['value'], rows: [{ entity: '', cells: [brief(d)] }] }];
  const sections: StateSection[] = [];
  const loose: { entity: string; cells: string[] }[] = [];
  for (const [key, value] of Object.entries(d as Record<string, unknown>)) {
    if (isRecordOfObjects(value)) {
      const columns: string[] = [];
      for (const entity of Object.values(value)) for (const f of Object.keys(entity)) if (!columns.includes(f) && columns.length < MAX_COLUMNS) columns.push(f);
      sections.push({ title: key, columns, rows: Object.entries(value).map(([id, entity]) => ({ entity: id, cells: columns.map((c) => brief(entity[c])) })) });
    } else {
      loose.push({ entity: key, cells: [brief(value)] });
    }
  }
  if (loose.length > 0) sections.push({ title: '…', columns: ['value'], rows: loose });
  return sections;
}
