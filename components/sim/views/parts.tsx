/**
 * Shared SVG pieces of the system views. Sizes are CSS pixels (the views lay out at their panel's measured width),
 * so the font sizes here are the sizes on screen: 14 px names, 12 px details, 11 px inside message chips.
 * Every state is told by shape or pattern as well as colour: a lost message is dashed with a cross, an unacked one
 * hatched, a pending one dotted; a down node dashed with a cross mark.
 */
import { charsFor, clip, type Bus } from '@/lib/sim/layout';
import type { Rect } from '@/lib/sim/layout-rabbit';
import { MarkShape, type MarkKind } from '../icons';

export const FONT = { name: 14, detail: 12, chip: 11 } as const;

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

export const CHIP_H = 20;

/** A message chip with its id; `active` = touched by the current event. */
export function Chip({ x, y, id, kind, lost, active, w = 32, h = CHIP_H }: { x: number; y: number; id: string; kind: ChipKind; lost: boolean; active: boolean; w?: number; h?: number }) {
  const fillCls = kind === 'unacked' ? '' : kind === 'pending' || kind === 'uncommitted' ? 'fill-surface' : 'fill-surface-muted';
  const stroke = lost ? 'stroke-lost' : active ? 'stroke-accent' : kind === 'unacked' ? 'stroke-consumer' : kind === 'pending' || kind === 'uncommitted' ? 'stroke-pending' : 'stroke-broker';
  const chars = charsFor(w - 4, FONT.chip);
  return (
    <g data-message={id} data-lost={lost || undefined}>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={3}
        className={`${fillCls} ${stroke}`}
        fill={kind === 'unacked' ? 'url(#sim-hatch)' : undefined}
        strokeWidth={lost || active ? 2.5 : 1}
        strokeDasharray={lost ? '3 2' : kind === 'pending' || kind === 'uncommitted' ? '1.5 2' : undefined}
      />
      {lost ? (
        <>
          <MarkShape kind="loss" x={x + 7} y={y + h / 2} size={9} />
          <text x={x + 12 + (w - 12) / 2} y={y + h / 2 + 4} fontSize={FONT.chip} textAnchor="middle" className="fill-lost font-bold">
            {clip(id, Math.max(1, chars - 2))}
          </text>
        </>
      ) : (
        <text x={x + w / 2} y={y + h / 2 + 4} fontSize={FONT.chip} textAnchor="middle" className={kind === 'unacked' ? 'fill-ink stroke-surface' : 'fill-ink'} strokeWidth={kind === 'unacked' ? 3 : undefined} paintOrder="stroke">
          {clip(id, chars)}
        </text>
      )}
    </g>
  );
}

/** Two lines of text at the top of a box: a 14 px name and an optional 12 px detail, clipped to the box width. */
export function BoxText({ r, name, sub, nameCls = 'fill-ink', inset = 8, mark }: { r: Rect; name: string; sub?: string; nameCls?: string; inset?: number; mark?: React.ReactNode }) {
  const markW = mark ? 16 : 0;
  return (
    <>
      {mark && <g transform={`translate(${r.x + inset + 6} ${r.y + 15})`}>{mark}</g>}
      <text x={r.x + inset + markW} y={r.y + 20} fontSize={FONT.name} className={`${nameCls} font-semibold`}>
        {clip(name, charsFor(r.w - 2 * inset - markW, FONT.name))}
      </text>
      {sub && (
        <text x={r.x + inset} y={r.y + 37} fontSize={FONT.detail} className="fill-ink-muted">
          {clip(sub, charsFor(r.w - 2 * inset, FONT.detail))}
        </text>
      )}
    </>
  );
}

/** A line of 12 px detail text inside a box at `dy` from its top, clipped to the box. */
export function BoxLine({ r, dy, text, cls = 'fill-ink', inset = 8, mark }: { r: Rect; dy: number; text: string; cls?: string; inset?: number; mark?: React.ReactNode }) {
  const markW = mark ? 16 : 0;
  return (
    <>
      {mark && <g transform={`translate(${r.x + inset + 6} ${r.y + dy - 4})`}>{mark}</g>}
      <text x={r.x + inset + markW} y={r.y + dy} fontSize={FONT.detail} className={cls}>
        {clip(text, charsFor(r.w - 2 * inset - markW, FONT.detail))}
      </text>
    </>
  );
}

/** A node (broker, cluster node, NameServer): dashed with a cross when down, thick outline when the current event involves it. */
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
      <BoxText r={r} name={`${name}${badge ? ` ${badge}` : ''}`} sub={sub} nameCls={down ? 'fill-lost' : 'fill-ink'} mark={down ? <MarkShape kind="down" size={11} /> : undefined} />
    </g>
  );
}

/**
 * The network bus: a faint line across the drawing with a short stub from each box to it. Messages in flight ride
 * along it (see Flights), so they never sit on a box's labels.
 */
export function BusLine({ bus, x0, x1, stubs }: { bus: Bus; x0: number; x1: number; stubs: { x: number; y: number }[] }) {
  return (
    <g aria-hidden="true" className="stroke-line" data-testid="bus">
      <line x1={x0} x2={x1} y1={bus.y} y2={bus.y} strokeWidth={1.5} strokeDasharray="2 4" />
      {stubs.map((s, i) => (
        <line key={i} x1={s.x} x2={s.x} y1={s.y} y2={bus.y} strokeWidth={1.5} />
      ))}
    </g>
  );
}

/** A row of `mark text` pairs (e.g. busy / held / processed ids) starting at x, baseline y, within maxW. */
export function MarkRun({ x, y, items, maxW }: { x: number; y: number; items: { mark: MarkKind; text: string }[]; maxW: number }) {
  let cx = x;
  const out: React.ReactNode[] = [];
  for (const it of items) {
    const left = x + maxW - cx - 16;
    if (left < 20) break;
    const text = clip(it.text, charsFor(left, FONT.detail));
    out.push(
      <g key={it.mark}>
        <MarkShape kind={it.mark} x={cx + 6} y={y - 4} size={11} />
        <text x={cx + 15} y={y} fontSize={FONT.detail} className="fill-ink">
          {text}
        </text>
      </g>,
    );
    cx += 15 + text.length * FONT.detail * 0.62 + 10;
  }
  return <>{out}</>;
}
