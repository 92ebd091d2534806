/**
 * Layout of the RabbitMQ view: cluster nodes along the top; then four columns left to right — publishers,
 * exchanges, queues, consumers — with binding edges exchange → queue (or exchange → exchange), dead-letter edges
 * queue → its x-dead-letter-exchange, and consumer edges queue → consumer.
 */
import type { RabbitState } from '@/simulator/rabbitmq/model';
import { spread, type Point } from './layout';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Edge {
  from: Point;
  to: Point;
  label: string;
}

export interface RabbitLayout {
  width: number;
  height: number;
  nodes: Record<string, Rect>;
  publishers: Record<string, Rect>;
  exchanges: Record<string, Rect>;
  queues: Record<string, Rect>;
  consumers: Record<string, Rect>;
  bindings: Edge[];
  deadLetters: Edge[];
  subscriptions: Edge[];
}

export const RABBIT = { width: 960, top: 64, colX: [16, 236, 456, 746], colW: [170, 170, 250, 200], gap: 14, h: { pub: 64, ex: 44, q: 92, con: 84 } } as const;

function stack(ids: string[], x: number, w: number, h: number, y0: number): Record<string, Rect> {
  const out: Record<string, Rect> = {};
  ids.forEach((id, i) => (out[id] = { x, y: y0 + i * (h + RABBIT.gap), w, h }));
  return out;
}

const right = (r: Rect): Point => ({ x: r.x + r.w, y: r.y + r.h / 2 });
const left = (r: Rect): Point => ({ x: r.x, y: r.y + r.h / 2 });
const bottom = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h });

export function rabbitLayout(d: RabbitState): RabbitLayout {
  const y0 = RABBIT.top + 26;
  const nodeXs = spread(d.nodeOrder.length, 0, RABBIT.width);
  const nodes: Record<string, Rect> = {};
  d.nodeOrder.forEach((n, i) => (nodes[n] = { x: nodeXs[i] - 80, y: 8, w: 160, h: 36 }));
  const publishers = stack(Object.keys(d.publishers), RABBIT.colX[0], RABBIT.colW[0], RABBIT.h.pub, y0);
  const exchanges = stack(Object.keys(d.exchanges), RABBIT.colX[1], RABBIT.colW[1], RABBIT.h.ex, y0);
  const queues = stack(d.queueOrder, RABBIT.colX[2], RABBIT.colW[2], RABBIT.h.q, y0);
  const consumers = stack(Object.keys(d.consumers), RABBIT.colX[3], RABBIT.colW[3], RABBIT.h.con, y0);
  const bindings: Edge[] = [];
  for (const b of d.bindings) {
    const src = exchanges[b.source];
    const dst = b.destinationType === 'queue' ? queues[b.destination] : exchanges[b.destination];
    if (!src || !dst) continue;
    const label = b.routingKey || (Object.keys(b.arguments).length ? Object.entries(b.arguments).map(([k, v]) => `${k}=${String(v)}`).join(' ') : '#');
    bindings.push({ from: right(src), to: b.destinationType === 'queue' ? left(dst) : right(dst), label });
  }
  const deadLetters: Edge[] = [];
  for (const q of d.queueOrder) {
    const dlx = d.queues[q]?.arguments['x-dead-letter-exchange'];
    if (dlx === undefined || !exchanges[dlx] || !queues[q]) continue;
    deadLetters.push({ from: bottom(queues[q]), to: bottom(exchanges[dlx]), label: d.queues[q].arguments['x-dead-letter-routing-key'] ?? '' });
  }
  const subscriptions: Edge[] = [];
  for (const [id, c] of Object.entries(d.consumers)) if (queues[c.queue]) subscriptions.push({ from: right(queues[c.queue]), to: left(consumers[id]), label: '' });
  const bottoms = [publishers, exchanges, queues, consumers].flatMap((m) => Object.values(m).map((r) => r.y + r.h));
  return { width: RABBIT.width, height: Math.max(y0 + 40, ...bottoms) + 30, nodes, publishers, exchanges, queues, consumers, bindings, deadLetters, subscriptions };
}

/** Anchor points for network messages: nodes at their box centre, clients at their box's outer edge. */
export function rabbitAnchors(l: RabbitLayout): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const [n, r] of Object.entries(l.nodes)) out[n] = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  for (const [n, r] of Object.entries(l.publishers)) out[n] = { x: r.x + r.w / 2, y: r.y };
  for (const [n, r] of Object.entries(l.consumers)) out[n] = { x: r.x + r.w / 2, y: r.y };
  return out;
}

/** Prefetch window slots to draw: `prefetch` (0 = unlimited: as many as in use, at least one), capped. */
export function prefetchSlots(prefetch: number, inUse: number, cap = 10): { slots: number; used: number; capped: boolean } {
  const want = prefetch === 0 ? Math.max(1, inUse) : prefetch;
  return { slots: Math.min(cap, want), used: Math.min(cap, inUse), capped: want > cap };
}
