import type { Flight } from '@/lib/sim/flight';
import { along } from '@/lib/sim/flight';

export type Point = { x: number; y: number };

/**
 * Network messages in flight, drawn as envelopes on the straight line between their two nodes. Position changes
 * animate with a CSS transform transition, which `motion-reduce:` turns into an instant move. Messages over a cut
 * link are drawn dashed with a cross (they will be lost): shape, not only colour.
 * Messages whose endpoints the view does not place are skipped (e.g. an internal timer-like hop).
 */
export function Flights({ flights, at, lost, max = 40 }: { flights: Flight[]; at: Record<string, Point>; lost: ReadonlySet<string>; max?: number }) {
  const shown = flights.filter((f) => at[f.from] && at[f.to]).slice(0, max);
  return (
    <g aria-hidden="true" data-testid="flights">
      {shown.map((f) => {
        const p = along(at[f.from], at[f.to], 0.15 + 0.7 * f.progress);
        const carriesLost = f.messages.some((m) => lost.has(m));
        const label = f.messages.length > 0 ? f.messages.slice(0, 2).join(',') : f.type.replace(/(Request|Response)$/, (s) => (s === 'Request' ? '→' : '←'));
        return (
          <g key={f.id} style={{ transform: `translate(${p.x}px, ${p.y}px)` }} className="transition-transform duration-300 ease-out motion-reduce:transition-none">
            <rect
              x={-22}
              y={-8}
              width={44}
              height={16}
              rx={3}
              className={f.doomed ? 'fill-surface stroke-lost' : carriesLost ? 'fill-surface stroke-lost' : 'fill-surface stroke-producer'}
              strokeWidth={1.5}
              strokeDasharray={f.doomed ? '3 2' : undefined}
            />
            <text y={4} textAnchor="middle" className={f.doomed ? 'fill-lost' : 'fill-ink'} fontSize={9}>
              {f.doomed ? '✕ ' : ''}
              {label.length > 9 ? `${label.slice(0, 8)}…` : label}
            </text>
            <title>{`${f.type} ${f.from} → ${f.to}${f.messages.length ? ` (${f.messages.join(', ')})` : ''}`}</title>
          </g>
        );
      })}
    </g>
  );
}
