/**
 * Step granularity. A timeline's step n is "n events applied"; most events of a long run are background (heartbeats,
 * idle fetches: `bg: true`). By default the player moves between *stops*: step 0, the step just after every
 * foreground event, and the end. The world shown is still `stateAt(n)` for the true n — stops only choose which n.
 *
 * Invariants: stops are strictly increasing, start with 0 and end with `records.length`.
 */
import type { EventRecord } from '@/simulator/core/types';

/** The steps the player stops at: every step when `all`, else 0, each foreground event's step, and the end. */
export function stopsOf(records: Pick<EventRecord, 'bg'>[], all: boolean): number[] {
  const out = [0];
  records.forEach((r, i) => {
    if (all || !r.bg || i === records.length - 1) out.push(i + 1);
  });
  return out;
}

/** Index of the last stop ≤ step (0 when step is before every stop). */
export function stopIndex(stops: number[], step: number): number {
  let lo = 0;
  let hi = stops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stops[mid] <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first stop after `step` (or the last stop). */
export const nextStop = (stops: number[], step: number) => stops[Math.min(stops.length - 1, stopIndex(stops, step) + 1)];

/** The last stop before `step` (or 0). */
export function prevStop(stops: number[], step: number): number {
  const i = stopIndex(stops, step);
  return stops[stops[i] < step ? i : Math.max(0, i - 1)];
}
