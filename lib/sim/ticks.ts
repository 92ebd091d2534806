/**
 * Scrubber markers: events carrying markers, bucketed so a long timeline draws at most one tick per bucket
 * (the most important marker wins, see MARKER_PRIORITY). Keeps the SVG small for thousands of events.
 */
import type { EventRecord, Marker } from '@/simulator/core/types';
import { MARKER_PRIORITY } from './session';

export interface Tick {
  /** Step the tick seeks to (record index + 1: the world just after the event). */
  step: number;
  /** 0..1 along the scrubber. */
  at: number;
  marker: Marker;
  /** Events folded into this tick. */
  count: number;
}

export function markerTicks(records: Pick<EventRecord, 'markers'>[], buckets = 200, only: Marker[] = MARKER_PRIORITY): Tick[] {
  const n = records.length;
  if (n === 0) return [];
  const rank = (m: Marker) => {
    const r = only.indexOf(m);
    return r < 0 ? Infinity : r;
  };
  const byBucket = new Map<number, Tick>();
  records.forEach((r, i) => {
    if (!r.markers || r.markers.length === 0) return;
    const best = [...r.markers].sort((a, b) => rank(a) - rank(b))[0];
    if (rank(best) === Infinity) return;
    const b = Math.min(buckets - 1, Math.floor((i / n) * buckets));
    const cur = byBucket.get(b);
    if (!cur) byBucket.set(b, { step: i + 1, at: (i + 1) / n, marker: best, count: 1 });
    else {
      cur.count++;
      if (rank(best) < rank(cur.marker)) Object.assign(cur, { step: i + 1, at: (i + 1) / n, marker: best });
    }
  });
  return [...byBucket.values()].sort((a, b) => a.step - b.step);
}
