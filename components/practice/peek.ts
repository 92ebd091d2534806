/**
 * A read-only, validator-free look at stored progress for the home and track pages (which must stay light: no zod,
 * no ts-fsrs). Defensive about shapes; it never writes, so unreadable data is left for the full store to back up.
 * Call after mount only.
 */
import { CLOCK_OFFSET_KEY, INBOX_KEY, PROGRESS_KEY, PROGRESS_VERSION, parseClockOffset } from '@/lib/progress/keys';

export interface Peek {
  /** Lesson keys read (document and not-yet-folded inbox). */
  read: Set<string>;
  /** Card key → due time (epoch ms). */
  due: Map<string, number>;
  now: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(raw: string | null): unknown {
  try {
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

export function peekProgress(): Peek {
  const out: Peek = { read: new Set(), due: new Map(), now: Date.now() };
  try {
    const store = window.localStorage;
    out.now += parseClockOffset(store.getItem(CLOCK_OFFSET_KEY));
    const doc = parse(store.getItem(PROGRESS_KEY));
    if (isObject(doc) && doc.version === PROGRESS_VERSION) {
      if (isObject(doc.lessons)) for (const k of Object.keys(doc.lessons)) out.read.add(k);
      if (isObject(doc.cards))
        for (const [k, c] of Object.entries(doc.cards)) if (isObject(c) && typeof c.due === 'number') out.due.set(k, c.due);
    }
    const inbox = parse(store.getItem(INBOX_KEY));
    if (Array.isArray(inbox)) for (const e of inbox) if (isObject(e) && e.t === 'read' && typeof e.l === 'string') out.read.add(e.l);
  } catch {
    // Storage unavailable: show zero progress.
  }
  return out;
}
