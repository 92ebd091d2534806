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
