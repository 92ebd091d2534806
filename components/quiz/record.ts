/**
 * The lesson page's progress writer: appends events to `mqlab.inbox` (lib/progress/README.md). Deliberately tiny and
 * validator-free, because it ships with every lesson page: it never rewrites the progress document, and when the
 * inbox holds something it cannot read it writes nothing (the full store backs that up on its next load).
 * Call from effects and handlers only.
 */
import { CLOCK_OFFSET_KEY, INBOX_KEY, parseClockOffset } from '@/lib/progress/keys';

export type LessonEvent = { t: 'read' | 'done'; l: string } | { t: 'answer'; l: string; i: string; c: boolean };

/** "/zh/learn/kafka/isr/" → "kafka/isr" (null off a lesson page). */
export function lessonFromPath(pathname: string): string | null {
  const m = /^\/[a-z]{2}\/learn\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(pathname);
  return m ? `${m[1]}/${m[2]}` : null;
}

export function appendEvent(event: LessonEvent): void {
  try {
    const store = window.localStorage;
    const raw = store.getItem(INBOX_KEY);
    const list: unknown = raw === null ? [] : JSON.parse(raw);
    if (!Array.isArray(list)) return;
    list.push({ ...event, at: Date.now() + parseClockOffset(store.getItem(CLOCK_OFFSET_KEY)) });
    // The inbox is folded into the progress document on every practice / progress page; cap it meanwhile.
    store.setItem(INBOX_KEY, JSON.stringify(list.slice(-1000)));
  } catch {
    // Storage disabled or full, or an unreadable inbox: progress is best effort here and must never break the lesson.
  }
}
