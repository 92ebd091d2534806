import { fill } from '@/lib/sim/fill';
import { flights } from '@/lib/sim/flight';
import { circleLayout } from '@/lib/sim/layout';
import { StateTable } from '../StateTable';
import { Flights } from './Flights';
import type { ViewProps } from './types';

/**
 * Fallback for a system whose drawn view is not written yet: its nodes on a circle with the messages in flight
 * between them, and the engine's domain state as a structured table.
 */
export function GenericView({ world, record, lost, t, nodes }: ViewProps & { nodes: string[] }) {
  const W = 640;
  const H = 260;
  const at = circleLayout(nodes, W, H);
  const fl = flights(world);
  const active = new Set(record?.nodes ?? []);
  return (
    <div>
      <p className="mb-2 text-sm text-ink-muted">{t.view.genericNote}</p>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`${t.view.generic}: ${nodes.join(', ')}. ${fill(t.view.inFlight, { n: fl.length })}`}>
        {nodes.map((n) => (
          <g key={n} transform={`translate(${at[n].x}, ${at[n].y})`}>
            <rect x={-44} y={-14} width={88} height={28} rx={6} className={active.has(n) ? 'fill-surface-muted stroke-accent' : 'fill-surface-muted stroke-line'} strokeWidth={active.has(n) ? 3 : 1.5} />
            <text y={4} textAnchor="middle" fontSize={11} className="fill-ink">
              {n.length > 14 ? `${n.slice(0, 13)}…` : n}
            </text>
          </g>
        ))}
        <Flights flights={fl} at={at} lost={lost} />
      </svg>
      <StateTable d={world.d} caption={t.view.generic} labels={{ entity: t.view.entity, value: t.view.value }} />
    </div>
  );
}
