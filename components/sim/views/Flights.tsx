import { along, type Flight } from '@/lib/sim/flight';
import { busPoint, clip, type Bus, type Point } from '@/lib/sim/layout';
import { MarkShape } from '../icons';
import { FONT } from './parts';

export type { Point };

const W = 72;
const H = 16;

/**
 * Network messages in flight, drawn as envelopes riding the view's bus between the two nodes' ports (rightward on
 * the upper lane, leftward on the lower; without a bus, on the straight line between them), so they never cover a box or its text. Position changes animate with a
 * CSS transform transition, which `motion-reduce:` turns into an instant move. Messages over a cut link are dashed
 * with a cross (they will be lost): shape, not only colour. Messages whose endpoints the view does not place are
 * skipped (e.g. an internal timer-like hop).
 */
export function Flights({ flights, at, bus, lost, max = 40 }: { flights: Flight[]; at: Record<string, Point>; bus?: Bus; lost: ReadonlySet<string>; max?: number }) {
  const shown = flights.filter((f) => at[f.from] && at[f.to]).slice(0, max);
  // Chips that would overlap an earlier one on their lane move to the outer lane of their direction.
  const placed: Point[] = [];
  const pos = shown.map((f) => {
    const t = 0.1 + 0.8 * f.progress;
    if (!bus) return along(at[f.from], at[f.to], t);
    const taken = (p: Point) => placed.some((q) => q.y === p.y && Math.abs(q.x - p.x) < W + 2);
    let p = busPoint(bus, at[f.from], at[f.to], t, 0);
    if (taken(p)) p = busPoint(bus, at[f.from], at[f.to], t, 1);
    // Both lanes taken here: queue up behind, along the direction of travel.
    const dir = at[f.to].x >= at[f.from].x ? 1 : -1;
    for (let k = 0; k < 4 && taken(p); k++) p = { x: p.x - dir * (W + 4), y: p.y };
    placed.push(p);
    return p;
  });
  return (
    <g aria-hidden="true" data-testid="flights">
      {shown.map((f, i) => {
        const p = pos[i];
        const carriesLost = f.messages.some((m) => lost.has(m));
        const label = f.messages.length > 0 ? f.messages.slice(0, 2).join(',') : f.type.replace(/(Request|Response)$/, (s) => (s === 'Request' ? '→' : '←'));
        const x0 = f.doomed ? -W / 2 + 14 : -W / 2 + 4;
        return (
          <g key={f.id} style={{ transform: `translate(${p.x}px, ${p.y}px)` }} className="transition-transform duration-300 ease-out motion-reduce:transition-none" data-flight={f.type}>
            <rect
              x={-W / 2}
              y={-H / 2}
              width={W}
              height={H}
              rx={4}
              className={f.doomed || carriesLost ? 'fill-surface stroke-lost' : 'fill-surface stroke-producer'}
              strokeWidth={1.5}
              strokeDasharray={f.doomed ? '3 2' : undefined}
            />
            {f.doomed && <MarkShape kind="loss" x={-W / 2 + 8} y={0} size={9} />}
            <text x={(x0 + W / 2 - 4) / 2} y={4} textAnchor="middle" className={f.doomed ? 'fill-lost' : 'fill-ink'} fontSize={FONT.chip}>
              {clip(label, f.doomed ? 7 : 9)}
            </text>
            <title>{`${f.type} ${f.from} → ${f.to}${f.messages.length ? ` (${f.messages.join(', ')})` : ''}`}</title>
          </g>
        );
      })}
    </g>
  );
}
