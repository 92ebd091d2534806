/**
 * Layout of the Kafka view, in CSS pixels of the panel it is drawn in (the view passes its measured width, so one
 * user unit is one pixel and font sizes are what they say). Top to bottom: the clients band (producers, consumers,
 * the controller at the right), the network bus, the broker headers, then a partition × broker matrix — row =
 * partition, column = broker; a cell holds that broker's replica (leader star with epoch, ISR dot, LEO / HW, the
 * log lane). Large clusters switch to compact rows (no text in log cells) to keep the element count sane.
 * Below `minWidth` the drawing keeps its minimum width and the panel scrolls sideways.
 */
import type { KafkaState, ReplicaState } from '@/simulator/kafka/model';
import { flowRows, type Bus, type Point } from './layout';
import type { Rect } from './layout-rabbit';

export interface KafkaLayout {
  width: number;
  height: number;
  compact: boolean;
  producers: Record<string, Rect>;
  consumers: Record<string, Rect>;
  controller: Rect;
  bus: Bus;
  brokers: Record<string, Rect>;
  /** Row of each partition (in partitionOrder). */
  rows: { name: string; y: number; h: number }[];
  /** Left edge and width of each broker's column. */
  columns: Record<string, { x: number; w: number }>;
  /** Log cell width and how many fit in a lane. */
  cellW: number;
  cells: number;
  labelW: number;
  /** Top of the consumer-group panel (below the matrix). */
  groupsY: number;
}

export const KAFKA = {
  minWidth: 600,
  defaultWidth: 760,
  pad: 8,
  gap: 10,
  clientH: 62,
  clientMinW: 140,
  clientMaxW: 260,
  busH: 64,
  headerH: 48,
  labelW: 96,
  row: 64,
  compactRow: 24,
  compactAbove: 12,
  cellW: 38,
  compactCellW: 11,
  groupLine: 20,
} as const;

export function kafkaLayout(d: KafkaState, width: number = KAFKA.defaultWidth, groupLines = 0): KafkaLayout {
  const W = Math.max(KAFKA.minWidth, Math.round(width));
  const { pad, gap } = KAFKA;
  const producers: Record<string, Rect> = {};
  const consumers: Record<string, Rect> = {};
  const pids = Object.keys(d.producers);
  const cids = Object.keys(d.consumers);
  const n = pids.length + cids.length + 1;
  const { perRow, w } = flowRows(n, pad, W - pad, KAFKA.clientMinW, KAFKA.clientMaxW, gap);
  const at = (i: number): Rect => ({ x: pad + (i % perRow) * (w + gap), y: pad + Math.floor(i / perRow) * (KAFKA.clientH + gap), w, h: KAFKA.clientH });
  pids.forEach((id, i) => (producers[id] = at(i)));
  cids.forEach((id, i) => (consumers[id] = at(pids.length + i)));
  // The controller closes the band at the right edge (the last slot of the last row).
  const last = at(n - 1);
  const controller: Rect = { ...last, x: W - pad - w };
  const clientsBottom = last.y + last.h;
  const bus: Bus = { y: clientsBottom + KAFKA.busH / 2, lane: 8 };
  const nb = d.brokerOrder.length;
  const colW = (W - KAFKA.labelW - pad) / Math.max(1, nb);
  const columns: KafkaLayout['columns'] = {};
  const brokers: Record<string, Rect> = {};
  const headerY = clientsBottom + KAFKA.busH;
  d.brokerOrder.forEach((b, i) => {
    const x = KAFKA.labelW + i * colW;
    columns[b] = { x, w: colW };
    brokers[b] = { x: x + 3, y: headerY, w: colW - 6, h: KAFKA.headerH };
  });
  const compact = d.partitionOrder.length > KAFKA.compactAbove;
  const rowH = compact ? KAFKA.compactRow : KAFKA.row;
  const top = headerY + KAFKA.headerH + 8;
  const rows = d.partitionOrder.map((name, i) => ({ name, y: top + i * rowH, h: rowH }));
  const cellW = compact ? KAFKA.compactCellW : KAFKA.cellW;
  const cells = Math.max(1, Math.floor((colW - 16) / cellW));
  const groupsY = top + rows.length * rowH + 12;
  const height = groupsY + (groupLines > 0 ? groupLines * KAFKA.groupLine + 4 : 0);
  return { width: W, height, compact, producers, consumers, controller, bus, brokers, rows, columns, cellW, cells, labelW: KAFKA.labelW, groupsY };
}

/** Ports on the bus: every node's box centre projected onto the bus line. */
export function kafkaAnchors(l: KafkaLayout, controllerNode: string): Record<string, Point> {
  const out: Record<string, Point> = {};
  const port = (r: Rect): Point => ({ x: r.x + r.w / 2, y: l.bus.y });
  for (const [id, r] of Object.entries(l.brokers)) out[id] = port(r);
  for (const [id, r] of Object.entries(l.producers)) out[id] = port(r);
  for (const [id, r] of Object.entries(l.consumers)) out[id] = port(r);
  out[controllerNode] = port(l.controller);
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
