/**
 * Layout of the RocketMQ view (CSS pixels of its panel, see layout-kafka.ts): NameServers along the top, the network
 * bus under them; producers on the left; one column per broker group
 * (master above slave, then the consume queues it hosts, grouped by topic — business topics, %RETRY%, %DLQ%,
 * the delay topic and the half-message topic); consumers on the right; transactional half messages at the bottom.
 */
import type { RocketState } from '@/simulator/rocketmq/model';
import { spread, type Bus, type Point } from './layout';
import type { Rect } from './layout-rabbit';

export type TopicKind = 'topic' | 'retry' | 'dlq' | 'schedule' | 'half';

export interface QueueCell {
  key: string;
  topic: string;
  queueId: number;
  kind: TopicKind;
}

export interface RocketLayout {
  width: number;
  height: number;
  namesrvs: Record<string, Rect>;
  bus: Bus;
  producers: Record<string, Rect>;
  consumers: Record<string, Rect>;
  /** Per brokerName: master, slave, and the queue rows under them. */
  groups: Record<string, { column: Rect; master: Rect; slave: Rect | null; queues: (QueueCell & { r: Rect })[] }>;
  /** Where message chips start in a queue row, and how many fit. */
  chipX: number;
  chips: number;
  txnY: number;
}

export const ROCKET = { minWidth: 680, defaultWidth: 760, pad: 8, nsH: 46, busH: 64, boxH: 50, clientH: 80, qH: 26, gap: 10, chipW: 30, chipStep: 34, qLabelW: 150, txnLine: 20 } as const;

/** "%RETRY%g@broker-a-q0" → {topic: "%RETRY%g", queueId: 0, kind: "retry"} */
export function parseQueueKey(key: string): QueueCell {
  const m = /^(.*)@(.*)-q(\d+)$/.exec(key);
  const topic = m ? m[1] : key;
  const kind: TopicKind = topic.startsWith('%RETRY%') ? 'retry' : topic.startsWith('%DLQ%') ? 'dlq' : topic === 'SCHEDULE_TOPIC_XXXX' ? 'schedule' : topic === 'RMQ_SYS_TRANS_HALF_TOPIC' ? 'half' : 'topic';
  return { key, topic, queueId: m ? Number(m[3]) : 0, kind };
}

const KIND_ORDER: TopicKind[] = ['topic', 'retry', 'dlq', 'schedule', 'half'];

/** Queue keys of one broker group, business topics first, then retry, DLQ, delay and half topics. */
export function sortedQueues(keys: string[]): QueueCell[] {
  return keys.map(parseQueueKey).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.queueId - b.queueId));
}

export function rocketLayout(d: RocketState, topicQueues: Record<string, string[]> = {}, width: number = ROCKET.defaultWidth): RocketLayout {
  const W = Math.max(ROCKET.minWidth, Math.round(width));
  const { pad, gap } = ROCKET;
  const sideW = Math.round(Math.min(250, Math.max(176, W * 0.24)));
  const namesrvs: Record<string, Rect> = {};
  const ns = Object.keys(d.namesrvs);
  const nsW = Math.min(170, (W - 2 * sideW) / Math.max(1, ns.length) - gap);
  spread(ns.length, sideW, W - sideW).forEach((x, i) => (namesrvs[ns[i]] = { x: x - nsW / 2, y: pad, w: nsW, h: ROCKET.nsH }));
  const bus: Bus = { y: pad + ROCKET.nsH + ROCKET.busH / 2, lane: 8 };
  const top = pad + ROCKET.nsH + ROCKET.busH;
  const producers: Record<string, Rect> = {};
  Object.keys(d.producers).forEach((id, i) => (producers[id] = { x: pad, y: top + i * (ROCKET.clientH + gap), w: sideW - pad - gap, h: ROCKET.clientH }));
  const consumers: Record<string, Rect> = {};
  Object.keys(d.consumers).forEach((id, i) => (consumers[id] = { x: W - sideW + gap, y: top + i * (ROCKET.clientH + gap), w: sideW - pad - gap, h: ROCKET.clientH }));
  const names = Object.keys(d.groups);
  const colW = (W - 2 * sideW) / Math.max(1, names.length);
  const w = colW - gap;
  const labelW = Math.min(ROCKET.qLabelW, w * 0.55);
  const chips = Math.max(0, Math.floor((w - labelW - 8 + (ROCKET.chipStep - ROCKET.chipW)) / ROCKET.chipStep));
  const groups: RocketLayout['groups'] = {};
  let bottom = top;
  names.forEach((bn, i) => {
    const g = d.groups[bn];
    const x = sideW + i * colW + gap / 2;
    const master: Rect = { x, y: top, w, h: ROCKET.boxH };
    const slave: Rect | null = g.slave ? { x, y: top + ROCKET.boxH + 6, w, h: ROCKET.boxH } : null;
    let y = (slave ? slave.y + slave.h : master.y + master.h) + 10;
    const keys = new Set([...(topicQueues[bn] ?? []), ...Object.keys(d.brokers[g.master]?.maxOffsets ?? {})]);
    const queues = sortedQueues([...keys]).map((q) => {
      const r = { x, y, w, h: ROCKET.qH };
      y += ROCKET.qH + 3;
      return { ...q, r };
    });
    groups[bn] = { column: { x, y: top, w, h: y - top }, master, slave, queues };
    bottom = Math.max(bottom, y);
  });
  const sides = [...Object.values(producers), ...Object.values(consumers)].map((r) => r.y + r.h);
  const txnY = Math.max(bottom, ...sides) + 22;
  const txns = Object.keys(d.txns).length;
  return { width: W, height: txns ? txnY + txns * ROCKET.txnLine + 8 : txnY - 10, namesrvs, bus, producers, consumers, groups, chipX: labelW + 4, chips, txnY };
}

/**
 * Ports on the bus: box centres projected onto it. A master and its slave share a column, so the master's port is
 * left of centre and the slave's right of it (replication traffic between them still travels visibly).
 */
export function rocketAnchors(l: RocketLayout, d: RocketState): Record<string, Point> {
  const port = (r: Rect, dx = 0): Point => ({ x: r.x + r.w / 2 + dx, y: l.bus.y });
  const out: Record<string, Point> = {};
  for (const [k, r] of Object.entries(l.namesrvs)) out[k] = port(r);
  for (const [k, r] of Object.entries(l.producers)) out[k] = port(r);
  for (const [k, r] of Object.entries(l.consumers)) out[k] = port(r);
  for (const [bn, g] of Object.entries(l.groups)) {
    const s = d.groups[bn].slave;
    out[d.groups[bn].master] = port(g.master, s && g.slave ? -g.master.w / 4 : 0);
    if (s && g.slave) out[s] = port(g.slave, g.slave.w / 4);
  }
  return out;
}
