/**
 * The review queue, pure and free of ts-fsrs (the home page's due counter uses it): cards already scheduled and
 * due (most overdue first), then cards never rated, in the order given.
 */
import type { StoredCard } from './schema';

export interface Queue {
  /** Scheduled cards whose due time has come, most overdue first. */
  due: string[];
  /** Cards never rated, in the order of `keys`. */
  fresh: string[];
}

export function queueOf(keys: readonly string[], cards: Readonly<Record<string, StoredCard>>, now: number): Queue {
  const due = keys.filter((k) => cards[k] !== undefined && cards[k].due <= now).sort((a, b) => cards[a].due - cards[b].due);
  return { due, fresh: keys.filter((k) => cards[k] === undefined) };
}

