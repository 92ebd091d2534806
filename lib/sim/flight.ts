/**
 * Messages on the wire at a step, with how far along their link they are, for drawing them between nodes.
 * Progress is simulated-time based: (now − sentAt) / (deliverAt − sentAt), clamped to [0, 1]. Delivery order and
 * timing come from the world's own queue, so what moves on screen is exactly what the engine will deliver next.
 */
import type { Pending, WorldBase } from '@/simulator/core/world';

export interface Flight {
  id: string;
  from: string;
  to: string;
  type: string;
  /** Scenario message ids carried (may be empty for heartbeats, fetches …). */
  messages: string[];
  progress: number;
  /** Sent over a link that is now cut: it will be lost on arrival. */
  doomed: boolean;
}

export function flights(w: WorldBase): Flight[] {
  const out: Flight[] = [];
  const cut = new Set(w.net.cut);
  for (const p of w.queue) {
    if (p.kind !== 'net') continue;
    const { msg } = p as Extract<Pending, { kind: 'net' }>;
    const span = p.at - msg.sentAt;
    const progress = span <= 0 ? 1 : Math.max(0, Math.min(1, (w.time - msg.sentAt) / span));
    const ids = Array.isArray(msg.body.messages) ? (msg.body.messages as unknown[]).map(String) : [];
    const key = msg.from < msg.to ? `${msg.from}|${msg.to}` : `${msg.to}|${msg.from}`;
    out.push({ id: msg.id, from: msg.from, to: msg.to, type: msg.body.type, messages: ids, progress, doomed: cut.has(key) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A point `t` of the way from a to b. */
export function along(a: { x: number; y: number }, b: { x: number; y: number }, t: number): { x: number; y: number } {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
