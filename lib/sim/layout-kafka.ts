/**
 * Layout of the Kafka view: a partition × broker matrix. Row = partition, column = broker; a cell holds that
 * broker's replica of the partition (leader badge with epoch, ISR membership, its log lane with HW and LEO).
 * Producers and the controller sit in a band above the broker headers, consumers in a band below the matrix.
 * Large clusters switch to compact rows (no text in log cells) to keep the element count sane.
 */
import type { KafkaState, ReplicaState } from '@/simulator/kafka/model';
import type { Point } from './layout';
import type { Rect } from './layout-rabbit';

export interface KafkaLayout {
  width: number;
  height: number;
  compact: boolean;
  producers: Record<string, Rect>;
  controller: Rect;
  brokers: Record<string, Rect>;
  /** Row of each partition (in partitionOrder). */
  rows: { name: string; y: number; h: number }[];
  /** Left edge and width of each broker's column. */
  columns: Record<string, { x: number; w: number }>;
  /** Log cell width and how many fit in a lane. */
  cellW: number;
  cells: number;
  consumers: Record<string, Rect>;
  labelW: number;
}

export const KAFKA = { width: 960, labelW: 118, bandH: 50, headerH: 40, gap: 10, row: 34, compactRow: 20, compactAbove: 12, laneInset: 44 } as const;

export function kafkaLayout(d: KafkaState): KafkaLayout {
  const W = KAFKA.width;
  const producers: Record<string, Rect> = {};
  const pids = Object.keys(d.producers);
  const pw = Math.min(220, (W * 0.7) / Math.max(1, pids.length) - KAFKA.gap);
  pids.forEach((id, i) => (producers[id] = { x: 8 + i * (pw + KAFKA.gap), y: 6, w: pw, h: KAFKA.bandH - 8 }));
  const controller: Rect = { x: W - 168, y: 6, w: 160, h: KAFKA.bandH - 8 };
  const n = d.brokerOrder.length;
  const colW = (W - KAFKA.labelW - 8) / Math.max(1, n);
  const columns: KafkaLayout['columns'] = {};
  const brokers: Record<string, Rect> = {};
  const headerY = KAFKA.bandH + 8;
  d.brokerOrder.forEach((b, i) => {
    const x = KAFKA.labelW + i * colW;
    columns[b] = { x, w: colW };
    brokers[b] = { x: x + 3, y: headerY, w: colW - 6, h: KAFKA.headerH };
  });
  const compact = d.partitionOrder.length > KAFKA.compactAbove;
  const rowH = compact ? KAFKA.compactRow : KAFKA.row;
  const top = headerY + KAFKA.headerH + 8;
  const rows = d.partitionOrder.map((name, i) => ({ name, y: top + i * rowH, h: rowH }));
  const cellW = compact ? 9 : 26;
  const cells = Math.max(1, Math.floor((colW - KAFKA.laneInset - 10) / cellW));
  const bottom = top + rows.length * rowH + 12;
  const consumers: Record<string, Rect> = {};
  const cids = Object.keys(d.consumers);
  const cw = Math.min(260, W / Math.max(1, cids.length) - KAFKA.gap);
  cids.forEach((id, i) => (consumers[id] = { x: 8 + i * (cw + KAFKA.gap), y: bottom, w: cw, h: 46 }));
  const height = bottom + (cids.length ? 46 + 8 : 0) + 22;
  return { width: W, height, compact, producers, controller, brokers, rows, columns, cellW, cells, consumers, labelW: KAFKA.labelW };
}

/** Anchors for network messages: brokers at their header, clients and the controller at their box. */
export function kafkaAnchors(l: KafkaLayout, controllerNode: string): Record<string, Point> {
  const out: Record<string, Point> = {};
  const mid = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
  for (const [id, r] of Object.entries(l.brokers)) out[id] = mid(r);
  for (const [id, r] of Object.entries(l.producers)) out[id] = mid(r);
  for (const [id, r] of Object.entries(l.consumers)) out[id] = mid(r);
  out[controllerNode] = mid(l.controller);
  return out;
}

/**
 * A replica lane's visible window: the last `cells` offsets up to the larger of LEO and the leader's LEO, so the
 * missing tail of a lagging follower shows as empty slots aligned with the leader's lane.
 */
export function laneRange(leo: number, partitionLeo: number, cells: number): { from: number; to: number } {
  const to = Math.max(leo, partitionLeo);
  return { from: Math.max(0, to - cells), to };
}

/** A signature of everything a partition row draws, for memoising rows across steps (worlds are fresh clones). */
export function partitionSignature(d: KafkaState, name: string): string {
  const p = d.partitions[name];
  const parts = [p.leader, p.leaderEpoch, p.isr.join(','), p.partitionEpoch];
  for (const b of p.replicas) {
    const r: ReplicaState | undefined = p.replicaStates[b];
    parts.push(b, d.brokers[b]?.state, r ? `${r.state}:${r.leaderEpoch}:${r.leo}:${r.hw}:${r.flushed}:${r.log.map((e) => `${e.id}@${e.epoch}`).join(',')}` : '-');
  }
  return parts.join('|');
}
