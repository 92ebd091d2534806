/**
 * Layout maths for the views, as pure functions (unit-tested): positions in SVG user units for a viewBox the view
 * chooses. Views stay declarative; all arithmetic lives here.
 */
export type Point = { x: number; y: number };

/** Nodes evenly on an ellipse inscribed in w×h with a margin, first node at the top, clockwise. */
export function circleLayout(nodes: string[], w: number, h: number, margin = 50): Record<string, Point> {
  const out: Record<string, Point> = {};
  const rx = w / 2 - margin;
  const ry = h / 2 - margin / 2;
  nodes.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, nodes.length);
    out[n] = { x: Math.round(w / 2 + rx * Math.cos(a)), y: Math.round(h / 2 + ry * Math.sin(a)) };
  });
  return out;
}

/** `count` slots of `size` spread evenly across [start, end] (centres), e.g. broker columns. */
export function spread(count: number, start: number, end: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [(start + end) / 2];
  const step = (end - start) / count;
  return Array.from({ length: count }, (_, i) => start + step * (i + 0.5));
}

/**
 * The visible window of a log lane: at most `max` cells ending at the LEO (the interesting end), and how many
 * older entries are hidden before it.
 */
export function laneWindow(leo: number, max: number): { from: number; hidden: number } {
  const from = Math.max(0, leo - max);
  return { from, hidden: from };
}

/** x of offset `o` in a lane whose first visible offset is `from`, with cells of width `cell`. */
export const cellX = (o: number, from: number, x0: number, cell: number) => x0 + (o - from) * cell;

/** Truncates a label to `n` characters with an ellipsis. */
export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(1, n - 1))}…` : s);

/**
 * The network bus: a horizontal channel that every node has a port on. Messages in flight ride along it between
 * the two ports (never over a box or its labels); messages going right use the upper lane, going left the lower.
 */
export interface Bus {
  y: number;
  /** Half the distance between the two lanes. */
  lane: number;
}

/**
 * Where a chip `t` (0..1) of the way from port a to port b sits on the bus: on its direction's inner lane
 * (level 0) or outer lane (level 1, used when the inner one is taken at that x).
 */
export function busPoint(bus: Bus, a: Point, b: Point, t: number, level: 0 | 1 = 0): Point {
  const x = a.x + (b.x - a.x) * t;
  return { x, y: bus.y + (b.x >= a.x ? -1 : 1) * bus.lane * (1 + 2 * level) };
}

/** Lays out `n` boxes of at least `minW` (at most `maxW`) in rows across [x0, x1]: wraps when they do not fit. */
export function flowRows(n: number, x0: number, x1: number, minW: number, maxW: number, gap: number): { perRow: number; w: number } {
  const span = x1 - x0;
  const perRow = Math.max(1, Math.min(n, Math.floor((span + gap) / (minW + gap))));
  const w = Math.min(maxW, (span - gap * (perRow - 1)) / perRow);
  return { perRow, w };
}

/** Characters of a `px`-sized proportional font that fit in `width` (a conservative 0.62 em per character). */
export const charsFor = (width: number, px: number) => Math.max(1, Math.floor(width / (px * 0.62)));
