/**
 * Layout of the RabbitMQ view (CSS pixels of its panel, see layout-kafka.ts): cluster nodes along the top, the
 * network bus under them; then four columns left to right — publishers,
 * exchanges, queues, consumers — with binding edges exchange → queue (or exchange → exchange), dead-letter edges
 * queue → its x-dead-letter-exchange, and consumer edges queue → consumer.
 */
import type { RabbitState } from '@/simulator/rabbitmq/model';
import { spread, type Bus, type Point } from './layout';

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
  bus: Bus;
  publishers: Record<string, Rect>;
  exchanges: Record<string, Rect>;
  queues: Record<string, Rect>;
  consumers: Record<string, Rect>;
  bindings: Edge[];
  deadLetters: Edge[];
  subscriptions: Edge[];
  /** Message chips that fit in a queue row, and prefetch slots in a consumer box. */
  queueChips: number;
  consumerSlots: number;
}

/**
 * Column fractions of the usable width, with the gaps between them: publishers, gap, exchanges, gap (room for the
 * binding keys), queues, gap, consumers. Sizes are CSS pixels of the panel (see layout-kafka.ts).
 */
export const RABBIT = {
  minWidth: 680,
  defaultWidth: 760,
  pad: 8,
  cols: [0.16, 0.03, 0.16, 0.09, 0.31, 0.03, 0.22],
  gap: 14,
  nodeH: 46,
  busH: 64,
  chipW: 32,
  chipStep: 36,
  slot: 16,
  h: { pub: 76, ex: 48, q: 120, qDlx: 138, con: 110 },
} as const;

function stack(ids: string[], x: number, w: number, h: (id: string) => number, y0: number): Record<string, Rect> {
  const out: Record<string, Rect> = {};
  let y = y0;
  for (const id of ids) {
    out[id] = { x, y, w, h: h(id) };
    y += h(id) + RABBIT.gap;
  }
  return out;
}

const right = (r: Rect): Point => ({ x: r.x + r.w, y: r.y + r.h / 2 });
const left = (r: Rect): Point => ({ x: r.x, y: r.y + r.h / 2 });
const bottom = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h });

export function rabbitLayout(d: RabbitState, width: number = RABBIT.defaultWidth): RabbitLayout {
  const W = Math.max(RABBIT.minWidth, Math.round(width));
  const { pad } = RABBIT;
  const usable = W - 2 * pad;
  const xs: number[] = [];
  let acc = pad;
  for (const f of RABBIT.cols) {
    xs.push(acc);
    acc += f * usable;
  }
  const colX = [xs[0], xs[2], xs[4], xs[6]];
  const colW = [RABBIT.cols[0], RABBIT.cols[2], RABBIT.cols[4], RABBIT.cols[6]].map((f) => f * usable);
  const nodeXs = spread(d.nodeOrder.length, 0, W);
  const nodeW = Math.min(190, W / Math.max(1, d.nodeOrder.length) - 16);
  const nodes: Record<string, Rect> = {};
  d.nodeOrder.forEach((n, i) => (nodes[n] = { x: nodeXs[i] - nodeW / 2, y: pad, w: nodeW, h: RABBIT.nodeH }));
  const bus: Bus = { y: pad + RABBIT.nodeH + RABBIT.busH / 2, lane: 8 };
  const y0 = pad + RABBIT.nodeH + RABBIT.busH;
  const hasDlx = (q: string) => d.queues[q]?.arguments['x-dead-letter-exchange'] !== undefined;
  const publishers = stack(Object.keys(d.publishers), colX[0], colW[0], () => RABBIT.h.pub, y0);
  const exchanges = stack(Object.keys(d.exchanges), colX[1], colW[1], () => RABBIT.h.ex, y0);
  const queues = stack(d.queueOrder, colX[2], colW[2], (q) => (hasDlx(q) ? RABBIT.h.qDlx : RABBIT.h.q), y0);
  const consumers = stack(Object.keys(d.consumers), colX[3], colW[3], () => RABBIT.h.con, y0);
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
    // From the queue's left edge at its dead-letter line, back to the exchange's bottom (never under a queue box).
    const r = queues[q];
    deadLetters.push({ from: { x: r.x, y: r.y + r.h - 14 }, to: bottom(exchanges[dlx]), label: d.queues[q].arguments['x-dead-letter-routing-key'] ?? '' });
  }
  const subscriptions: Edge[] = [];
  for (const [id, c] of Object.entries(d.consumers)) if (queues[c.queue]) subscriptions.push({ from: right(queues[c.queue]), to: left(consumers[id]), label: '' });
  const bottoms = [publishers, exchanges, queues, consumers].flatMap((m) => Object.values(m).map((r) => r.y + r.h));
  const lowest = Math.max(y0 + 40, ...bottoms);
  // Dead-letter curves dip at most DLX_DIP below the exchange they return to, with the routing key beside them.
  const dlxBottom = Math.max(0, ...deadLetters.map((e) => Math.max(e.from.y, e.to.y + DLX_DIP) + 12));
  const queueChips = Math.max(1, Math.floor((colW[2] - 16 + (RABBIT.chipStep - RABBIT.chipW)) / RABBIT.chipStep) - 1);
  const consumerSlots = Math.max(1, Math.floor((colW[3] - 16) / RABBIT.slot) - 1);
  return { width: W, height: Math.max(lowest + 12, dlxBottom), nodes, bus, publishers, exchanges, queues, consumers, bindings, deadLetters, subscriptions, queueChips, consumerSlots };
}

/** How far below the exchange a dead-letter curve's control point sits. */
export const DLX_DIP = 60;

/** Ports on the bus: every node and client box centre projected onto the bus line. */
export function rabbitAnchors(l: RabbitLayout): Record<string, Point> {
  const out: Record<string, Point> = {};
  const port = (r: Rect): Point => ({ x: r.x + r.w / 2, y: l.bus.y });
  for (const [n, r] of Object.entries(l.nodes)) out[n] = port(r);
  for (const [n, r] of Object.entries(l.publishers)) out[n] = port(r);
  for (const [n, r] of Object.entries(l.consumers)) out[n] = port(r);
  return out;
}

/** Prefetch window slots to draw: `prefetch` (0 = unlimited: as many as in use, at least one), capped. */
export function prefetchSlots(prefetch: number, inUse: number, cap = 10): { slots: number; used: number; capped: boolean } {
  const want = prefetch === 0 ? Math.max(1, inUse) : prefetch;
  return { slots: Math.min(cap, want), used: Math.min(cap, inUse), capped: want > cap };
}
