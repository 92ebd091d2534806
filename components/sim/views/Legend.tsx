import { Mark, type MarkKind } from '../icons';

/** A legend swatch that is not a mark: a message chip style or a line style, drawn like the view draws it. */
export type Swatch = 'chip' | 'hatched' | 'dotted' | 'lost-chip' | 'dashed-line' | 'hw-line';

export type LegendItem = { label: string } & ({ mark: MarkKind } | { swatch: Swatch });

function SwatchIcon({ s }: { s: Swatch }) {
  return (
    <svg viewBox="0 0 22 14" width="22" height="14" aria-hidden="true" focusable="false" className="inline-block shrink-0 align-[-0.15em]">
      {s === 'chip' && <rect x="1" y="1" width="20" height="12" rx="2" className="fill-surface-muted stroke-broker" strokeWidth="1" />}
      {s === 'hatched' && <rect x="1" y="1" width="20" height="12" rx="2" fill="url(#sim-legend-hatch)" className="stroke-consumer" strokeWidth="1" />}
      {s === 'dotted' && <rect x="1" y="1" width="20" height="12" rx="2" className="fill-surface stroke-pending" strokeWidth="1" strokeDasharray="1.5 2" />}
      {s === 'lost-chip' && <rect x="1.25" y="1.25" width="19.5" height="11.5" rx="2" className="fill-surface stroke-lost" strokeWidth="2" strokeDasharray="3 2" />}
      {s === 'dashed-line' && <line x1="1" x2="21" y1="7" y2="7" className="stroke-dead-lettered" strokeWidth="2" strokeDasharray="5 3" />}
      {s === 'hw-line' && <line x1="11" x2="11" y1="0" y2="14" className="stroke-acked" strokeWidth="2.5" />}
      {s === 'hatched' && (
        <defs>
          <pattern id="sim-legend-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" className="stroke-consumer" strokeWidth="1.6" />
          </pattern>
        </defs>
      )}
    </svg>
  );
}

/** The legend under a view, in HTML (it wraps with the panel), with the same marks the drawing uses. */
export function ViewLegend({ title, items }: { title: string; items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 px-2 pt-1 text-xs text-ink-muted" aria-label={title} data-testid="view-legend">
      {items.map((it) => (
        <li key={it.label} className="inline-flex items-center gap-1">
          {'mark' in it ? <Mark kind={it.mark} /> : <SwatchIcon s={it.swatch} />}
          {it.label}
        </li>
      ))}
    </ul>
  );
}
