/**
 * The outcome tracker, in the spirit of Jepsen's checkers: engines report what happened to each
 * message (sent, acked, delivered, processed, dead-lettered) and the tracker derives the verdicts.
 *
 * Definitions (fixed by product.md):
 * - lost: acked === true, never processed, and not stored at the end;
 * - duplicated: processed more than once within the same unit (a fanout copy processed once in each of
 *   two queues is not a duplicate; without a unit, any second processing is);
 * - reordered: within an ordering unit (a producer's partition / queue), processed for the first time
 *   after a message that was sent later into the same unit.
 */
import type { MessageFate } from './types';

export interface OutcomeState {
  /** Fates keyed by message id; `order` keeps first-seen order for the report. */
  fates: Record<string, Omit<MessageFate, 'stored'>>;
  order: string[];
  /** Per ordering unit: message ids in the order the producer first sent them. */
  sendOrder: Record<string, string[]>;
  /** Per ordering unit: message ids in the order they were first processed. */
  processOrder: Record<string, string[]>;
  /** Times each message was processed per unit ("" when processed without a unit). */
  processedIn: Record<string, Record<string, number>>;
  /** Network messages dropped by faults (for narration and the player). */
  netDropped: { msg: string; type: string; from: string; to: string; time: number; messages: string[] }[];
}

export function createOutcome(): OutcomeState {
  return { fates: {}, order: [], sendOrder: {}, processOrder: {}, processedIn: {}, netDropped: [] };
}

function fate(o: OutcomeState, id: string) {
  let f = o.fates[id];
  if (!f) {
    f = { id, acked: null, error: null, routedTo: [], deliveries: 0, processed: 0, deadLettered: null };
    o.fates[id] = f;
    o.order.push(id);
  }
  return f;
}

/** The producer sent `id` for the first time (retries do not count) into ordering `unit`, if any. */
export function recordSent(o: OutcomeState, id: string, unit?: string) {
  fate(o, id);
  if (unit !== undefined) {
    const list = (o.sendOrder[unit] ??= []);
    if (!list.includes(id)) list.push(id);
  }
}

/**
 * The producer learnt the result. A success after an earlier error (a retry that worked) wins;
 * an error after a success keeps the success (the producer already told the application).
 */
export function recordAck(o: OutcomeState, id: string, ok: boolean, error: string | null = null) {
  const f = fate(o, id);
  if (f.acked === true) return;
  f.acked = ok;
  f.error = ok ? null : error;
}

export function recordRouted(o: OutcomeState, id: string, targets: string[]) {
  const f = fate(o, id);
  for (const t of targets) if (!f.routedTo.includes(t)) f.routedTo.push(t);
}

export function recordDelivered(o: OutcomeState, id: string) {
  fate(o, id).deliveries++;
}

export function recordProcessed(o: OutcomeState, id: string, unit?: string) {
  const f = fate(o, id);
  f.processed++;
  const per = (o.processedIn[id] ??= {});
  const n = (per[unit ?? ''] = (per[unit ?? ''] ?? 0) + 1);
  if (unit !== undefined && n === 1) (o.processOrder[unit] ??= []).push(id);
}

export function recordDeadLettered(o: OutcomeState, id: string, reason: string) {
  fate(o, id).deadLettered = reason;
}

export interface Verdicts {
  messages: MessageFate[];
  lost: string[];
  duplicated: string[];
  reordered: string[];
}

/** Derives the verdicts; `stored(id)` says whether the message is still held at the end. */
export function verdicts(o: OutcomeState, stored: (id: string) => boolean): Verdicts {
  const messages = o.order.map((id) => ({ ...o.fates[id], routedTo: [...o.fates[id].routedTo], stored: stored(id) }));
  const lost = messages.filter((m) => m.acked === true && m.processed === 0 && !m.stored).map((m) => m.id);
  const duplicated = messages.filter((m) => Object.values(o.processedIn[m.id] ?? {}).some((n) => n > 1)).map((m) => m.id);
  const reordered = new Set<string>();
  for (const [unit, processed] of Object.entries(o.processOrder)) {
    const rank = new Map((o.sendOrder[unit] ?? []).map((id, i) => [id, i]));
    let maxRank = -1;
    for (const id of processed) {
      const r = rank.get(id);
      if (r === undefined) continue;
      if (r < maxRank) reordered.add(id);
      maxRank = Math.max(maxRank, r);
    }
  }
  return { messages, lost, duplicated, reordered: o.order.filter((id) => reordered.has(id)) };
}
