/**
 * Loading and saving the progress document through a key-value store (localStorage in the browser, a Map in
 * tests). Pure over the `KV` it is given.
 *
 * The one rule: data the site cannot read is never silently wiped. An unparseable, invalid or future-version
 * document (and an unreadable inbox) is first copied to its own backup key `mqlab.backup.{ms}.{what}`; only when that
 * copy is confirmed is the main key replaced. If the copy fails (quota), the store runs from memory and saves nothing.
 */
import { BACKUP_PREFIX, CLOCK_OFFSET_KEY, INBOX_KEY, PROGRESS_KEY, parseClockOffset } from './keys';
import { decodeProgress, type DecodeFailure } from './migrate';
import { applyInbox, emptyProgress } from './ops';
import { InboxEventSchema, type InboxEvent, type Progress } from './schema';

/** The subset of the Web Storage API used here. */
export interface KV {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface Backup {
  key: string;
  savedAt: number;
  reason: DecodeFailure | 'inbox';
  detail: string;
  /** The original text, byte for byte. */
  raw: string;
}

export interface Loaded {
  progress: Progress;
  /** False when a backup could not be written: nothing may be saved over the unread data. */
  writable: boolean;
  /** Backups made by this load (the UI reports them). */
  problems: Backup[];
}

function tryBackup(kv: KV, what: string, backup: Omit<Backup, 'key'>): Backup | null {
  const key = `${BACKUP_PREFIX}${backup.savedAt}.${what}`;
  const value = JSON.stringify({ savedAt: backup.savedAt, reason: backup.reason, detail: backup.detail, raw: backup.raw });
  try {
    kv.setItem(key, value);
    return kv.getItem(key) === value ? { key, ...backup } : null;
  } catch {
    return null;
  }
}

function save(kv: KV, progress: Progress): boolean {
  try {
    kv.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function loadProgress(kv: KV, now: number): Loaded {
  const problems: Backup[] = [];
  let writable = true;
  let progress = emptyProgress();
  const raw = kv.getItem(PROGRESS_KEY);
  if (raw !== null) {
    const decoded = decodeProgress(raw);
    if (decoded.ok) {
      progress = decoded.progress;
    } else {
      const backup = tryBackup(kv, 'progress', { savedAt: now, reason: decoded.reason, detail: decoded.detail, raw });
      if (backup) problems.push(backup);
      else writable = false;
    }
  }

  const inboxRaw = kv.getItem(INBOX_KEY);
  if (inboxRaw !== null) {
    const { events, bad } = readInbox(inboxRaw);
    progress = applyInbox(progress, events);
    let inboxSafe = bad === null;
    if (bad !== null) {
      const backup = tryBackup(kv, 'inbox', { savedAt: now, reason: 'inbox', detail: bad, raw: inboxRaw });
      if (backup) {
        problems.push(backup);
        inboxSafe = true;
      }
    }
    // Clear the inbox only once its events are saved, and only if no tab appended meanwhile (if one did, the next
    // load folds everything again; applying an event twice changes nothing).
    if (writable && inboxSafe && save(kv, progress) && kv.getItem(INBOX_KEY) === inboxRaw) kv.removeItem(INBOX_KEY);
  }
  if (writable && raw !== null && problems.some((p) => p.reason !== 'inbox')) writable = save(kv, progress);
  return { progress, writable, problems };
}

function readInbox(raw: string): { events: InboxEvent[]; bad: string | null } {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (error) {
    return { events: [], bad: error instanceof Error ? error.message : String(error) };
  }
  if (!Array.isArray(doc)) return { events: [], bad: 'expected a JSON array' };
  const events: InboxEvent[] = [];
  let invalid = 0;
  for (const entry of doc) {
    const parsed = InboxEventSchema.safeParse(entry);
    if (parsed.success) events.push(parsed.data);
    else invalid++;
  }
  return { events, bad: invalid ? `${invalid} unreadable event(s)` : null };
}

export function saveProgress(kv: KV, progress: Progress): boolean {
  return save(kv, progress);
}

/** Every backup in the store, oldest first. A backup whose own text is unreadable is still listed, raw. */
export function listBackups(kv: KV): Backup[] {
  const out: Backup[] = [];
  for (let i = 0; i < kv.length; i++) {
    const key = kv.key(i);
    if (key === null || !key.startsWith(BACKUP_PREFIX)) continue;
    const value = kv.getItem(key) ?? '';
    const savedAt = Number(key.slice(BACKUP_PREFIX.length).split('.')[0]) || 0;
    try {
      const doc = JSON.parse(value) as Partial<Backup>;
      out.push({
        key,
        savedAt,
        reason: (doc.reason as Backup['reason']) ?? 'invalid',
        detail: typeof doc.detail === 'string' ? doc.detail : '',
        raw: typeof doc.raw === 'string' ? doc.raw : value,
      });
    } catch {
      out.push({ key, savedAt, reason: 'unparseable', detail: '', raw: value });
    }
  }
  return out.sort((a, b) => a.savedAt - b.savedAt);
}

/**
 * Test hook: `localStorage['mqlab.clockOffsetMs']` holds an integer number of milliseconds added to the wall clock
 * (at most ±10 years). Anything else is ignored. It can only shift time, nothing else.
 */
export function clockOffset(kv: KV): number {
  return parseClockOffset(kv.getItem(CLOCK_OFFSET_KEY));
}
