/**
 * Shared SVG pieces of the system views. Every state is told by shape or pattern as well as colour:
 * a lost message is dashed with a cross, an unacked one hatched, a pending one dotted; a down node dashed with ✕.
 */
import { clip } from '@/lib/sim/layout';
import type { Rect } from '@/lib/sim/layout-rabbit';

/** Pattern and marker definitions; ids are global in a document, so they carry a `sim-` prefix. */
export function Defs() {
  return (
    <defs>
      <marker id="sim-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" className="fill-ink-muted" />
      </marker>
      <pattern id="sim-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" className="fill-surface" />
        <line x1="0" y1="0" x2="0" y2="5" className="stroke-consumer" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

export type ChipKind = 'ready' | 'unacked' | 'pending' | 'record' | 'uncommitted';

/** A message chip (28×16) with its id; `active` = touched by the current event. */
export function Chip({ x, y, id, kind, lost, active, w = 28 }: { x: number; y: number; id: string; kind: ChipKind; lost: boolean; active: boolean; w?: number }) {
  const fillCls = kind === 'unacked' ? '' : kind === 'pending' || kind === 'uncommitted' ? 'fill-surface' : 'fill-surface-muted';
  const stroke = lost ? 'stroke-lost' : active ? 'stroke-accent' : kind === 'unacked' ? 'stroke-consumer' : kind === 'pending' || kind === 'uncommitted' ? 'stroke-pending' : 'stroke-broker';
  return (
    <g data-message={id} data-lost={lost || undefined}>
      <rect
        x={x}
        y={y}
        width={w}
        height={16}
        rx={3}
        className={`${fillCls} ${stroke}`}
        fill={kind === 'unacked' ? 'url(#sim-hatch)' : undefined}
        strokeWidth={lost || active ? 2.5 : 1}
        strokeDasharray={lost ? '3 2' : kind === 'pending' || kind === 'uncommitted' ? '1.5 2' : undefined}
      />
      <text x={x + w / 2} y={y + 12} fontSize={9} textAnchor="middle" className={lost ? 'fill-lost font-bold' : 'fill-ink'}>
        {lost ? `✕${clip(id, 3)}` : clip(id, 4)}
      </text>
    </g>
  );
}

/** A node (broker, cluster node, NameServer): dashed with ✕ when down, thick outline when the current event involves it. */
export function NodeBox({ r, name, down, active, sub, badge }: { r: Rect; name: string; down: boolean; active: boolean; sub?: string; badge?: string }) {
  return (
    <g data-node={name} data-down={down || undefined}>
      <rect
        x={r.x}
        y={r.y}
        width={r.w}
        height={r.h}
        rx={6}
        className={down ? 'fill-surface stroke-lost' : active ? 'fill-surface-muted stroke-accent' : 'fill-surface-muted stroke-broker'}
        strokeWidth={active ? 3 : 1.5}
        strokeDasharray={down ? '5 3' : undefined}
      />
      <text x={r.x + 8} y={r.y + 15} fontSize={12} className={down ? 'fill-lost font-semibold' : 'fill-ink font-semibold'}>
        {down ? '✕ ' : ''}
        {clip(name, 18)}
        {badge ? ` ${badge}` : ''}
      </text>
      {sub && (
        <text x={r.x + 8} y={r.y + 29} fontSize={10} className="fill-ink-muted">
          {clip(sub, 26)}
        </text>
      )}
    </g>
  );
}
