/**
 * Spaced repetition with ts-fsrs (FSRS). Cards are stored with epoch-ms dates (schema.ts StoredCard); the clock is
 * always passed in, so tests (and the e2e clock hook) can make days pass.
 */
import { createEmptyCard, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade, StoredCard } from './schema';

// Defaults except fuzz off: the same history always gives the same schedule (tests and two tabs agree).
const scheduler = fsrs({ enable_fuzz: false });

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard['state'],
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

export function fromStored(s: StoredCard): Card {
  return { ...s, due: new Date(s.due), last_review: s.last_review === null ? undefined : new Date(s.last_review) };
}

/** The card after rating it `grade` at `now` (a card never rated starts empty at `now`). */
export function rate(card: StoredCard | undefined, grade: Grade, now: number): StoredCard {
  const current = card ? fromStored(card) : createEmptyCard(new Date(now));
  return toStored(scheduler.next(current, new Date(now), grade as FsrsGrade).card);
}

/** When each rating would bring the card back (shown on the rating buttons). */
export function preview(card: StoredCard | undefined, now: number): Record<Grade, number> {
  const current = card ? fromStored(card) : createEmptyCard(new Date(now));
  const at = (g: Grade) => scheduler.next(current, new Date(now), g as FsrsGrade).card.due.getTime();
  return { 1: at(1), 2: at(2), 3: at(3), 4: at(4) };
}

/** Human interval for a rating button: "10 min", "3 d". */
export function intervalLabel(ms: number, units: { min: string; h: string; d: string }): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return `${min} ${units.min}`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} ${units.h}`;
  return `${Math.round(h / 24)} ${units.d}`;
}
