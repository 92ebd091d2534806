/**
 * Layout of the RocketMQ view: NameServers along the top; producers on the left; one column per broker group
 * (master above slave, then the consume queues it hosts, grouped by topic — business topics, %RETRY%, %DLQ%,
 * the delay topic and the half-message topic); consumers on the right; transactional half messages at the bottom.
 */
import type { RocketState } from '@/simulator/rocketmq/model';
import { spread, type Point } from './layout';
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
  producers: Record<string, Rect>;
  consumers: Record<string, Rect>;
  /** Per brokerName: master, slave, and the queue rows under them. */
  groups: Record<string, { column: Rect; master: Rect; slave: Rect | null; queues: (QueueCell & { r: Rect })[] }>;
  txnY: number;
}

export const ROCKET = { width: 960, sideW: 170, nsH: 34, boxH: 44, qH: 18, gap: 8 } as const;

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

export function rocketLayout(d: RocketState, topicQueues: Record<string, string[]> = {}): RocketLayout {
  const W = ROCKET.width;
  const namesrvs: Record<string, Rect> = {};
  const ns = Object.keys(d.namesrvs);
  spread(ns.length, ROCKET.sideW, W - ROCKET.sideW).forEach((x, i) => (namesrvs[ns[i]] = { x: x - 70, y: 6, w: 140, h: ROCKET.nsH }));
  const top = ROCKET.nsH + 20;
  const producers: Record<string, Rect> = {};
  Object.keys(d.producers).forEach((id, i) => (producers[id] = { x: 6, y: top + i * (60 + ROCKET.gap), w: ROCKET.sideW - 12, h: 60 }));
  const consumers: Record<string, Rect> = {};
  Object.keys(d.consumers).forEach((id, i) => (consumers[id] = { x: W - ROCKET.sideW + 6, y: top + i * (72 + ROCKET.gap), w: ROCKET.sideW - 12, h: 72 }));
  const names = Object.keys(d.groups);
  const colW = (W - 2 * ROCKET.sideW) / Math.max(1, names.length);
  const groups: RocketLayout['groups'] = {};
  let bottom = top;
  names.forEach((bn, i) => {
    const g = d.groups[bn];
    const x = ROCKET.sideW + i * colW + 4;
    const w = colW - 8;
    const master: Rect = { x, y: top, w, h: ROCKET.boxH };
    const slave: Rect | null = g.slave ? { x, y: top + ROCKET.boxH + 4, w, h: ROCKET.boxH } : null;
    let y = (slave ? slave.y + slave.h : master.y + master.h) + 10;
    const keys = new Set([...(topicQueues[bn] ?? []), ...Object.keys(d.brokers[g.master]?.maxOffsets ?? {})]);
    const queues = sortedQueues([...keys]).map((q) => {
      const r = { x, y, w, h: ROCKET.qH };
      y += ROCKET.qH + 2;
      return { ...q, r };
    });
    groups[bn] = { column: { x, y: top, w, h: y - top }, master, slave, queues };
    bottom = Math.max(bottom, y);
  });
  const sides = [...Object.values(producers), ...Object.values(consumers)].map((r) => r.y + r.h);
  const txnY = Math.max(bottom, ...sides) + 16;
  const txns = Object.keys(d.txns).length;
  return { width: W, height: txnY + (txns ? 18 + txns * 16 : 0) + 24, namesrvs, producers, consumers, groups, txnY };
}

export function rocketAnchors(l: RocketLayout, d: RocketState): Record<string, Point> {
  const mid = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
  const out: Record<string, Point> = {};
  for (const [k, r] of Object.entries(l.namesrvs)) out[k] = mid(r);
  for (const [k, r] of Object.entries(l.producers)) out[k] = mid(r);
  for (const [k, r] of Object.entries(l.consumers)) out[k] = mid(r);
  for (const [bn, g] of Object.entries(l.groups)) {
    out[d.groups[bn].master] = mid(g.master);
    const s = d.groups[bn].slave;
    if (s && g.slave) out[s] = mid(g.slave);
  }
  return out;
}
