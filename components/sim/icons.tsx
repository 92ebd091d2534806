/**
 * Every pictogram of the simulator, drawn as SVG (never a font glyph: machines without emoji / symbol fonts would
 * show empty boxes). Two families:
 * - `Icon`: 16×16 button icons (stroke / fill `currentColor`), always next to a text label or an aria-label.
 * - `Mark`: the markers that tell states and events apart by *shape* (loss ✕, ack ✓, leader ★, crash ⚡ …). One
 *   drawing per kind, used by the scrubber, the legends, the outcome panel, the event log and inside the SVG views
 *   (`MarkShape` is the bare <g> for use inside another <svg>), so a marker looks the same everywhere.
 */
import type { Marker } from '@/simulator/core/types';

export type IconName = 'restart' | 'home' | 'back' | 'play' | 'pause' | 'step' | 'end' | 'minus' | 'plus' | 'link' | 'target' | 'eye';

const ICON: Record<IconName, React.ReactNode> = {
  restart: (
    <>
      <path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <path d="M2.5 2.5v3.6h3.6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  home: (
    <>
      <rect x="2" y="3" width="2" height="10" rx="0.5" fill="currentColor" />
      <path d="M14 3v10L5 8z" fill="currentColor" />
    </>
  ),
  back: <path d="M12 3v10L4 8z" fill="currentColor" />,
  play: <path d="M4 2.5v11L13.5 8z" fill="currentColor" />,
  pause: (
    <>
      <rect x="3.5" y="3" width="3" height="10" rx="0.5" fill="currentColor" />
      <rect x="9.5" y="3" width="3" height="10" rx="0.5" fill="currentColor" />
    </>
  ),
  step: (
    <>
      <path d="M3 3v10l8-5z" fill="currentColor" />
      <rect x="12" y="3" width="2" height="10" rx="0.5" fill="currentColor" />
    </>
  ),
  end: (
    <>
      <path d="M2 3v10l9-5z" fill="currentColor" />
      <rect x="12" y="3" width="2" height="10" rx="0.5" fill="currentColor" />
    </>
  ),
  minus: <path d="M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  plus: <path d="M3 8h10M8 3v10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  link: (
    <g fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
      <path d="M6.8 9.2a3 3 0 0 0 4.3 0l2-2a3 3 0 0 0-4.3-4.3l-.9.9" />
      <path d="M9.2 6.8a3 3 0 0 0-4.3 0l-2 2a3 3 0 0 0 4.3 4.3l.9-.9" />
    </g>
  ),
  target: (
    <g fill="none" stroke="currentColor" strokeWidth="1.7">
      <circle cx="8" cy="8" r="5.5" />
      <circle cx="8" cy="8" r="1.8" fill="currentColor" />
    </g>
  ),
  eye: (
    <g fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" fill="currentColor" />
    </g>
  ),
};

/** A 16×16 button icon; decorative (the button carries the label). */
export function Icon({ name, className = '' }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      {ICON[name]}
    </svg>
  );
}

/** Kinds of marks: the timeline markers plus the states the views and the outcome panel tell apart. */
export type MarkKind =
  | Marker
  | 'ok'
  | 'stored'
  | 'reordered'
  | 'leader'
  | 'in-isr'
  | 'out-isr'
  | 'down'
  | 'retry'
  | 'half'
  | 'schedule'
  | 'busy'
  | 'held'
  | 'returned'
  | 'more';

/** Colour class of each mark (a Tailwind `text-*` token, read by the shapes through currentColor). */
export const MARK_COLOR: Record<MarkKind, string> = {
  loss: 'text-lost',
  'dead-letter': 'text-dead-lettered',
  duplicate: 'text-duplicated',
  'leader-change': 'text-producer',
  crash: 'text-lost',
  fault: 'text-dead-lettered',
  'isr-change': 'text-consumer',
  rebalance: 'text-consumer',
  error: 'text-lost',
  ack: 'text-acked',
  commit: 'text-acked',
  ok: 'text-acked',
  stored: 'text-ink',
  reordered: 'text-reordered',
  leader: 'text-producer',
  'in-isr': 'text-acked',
  'out-isr': 'text-ink-muted',
  down: 'text-lost',
  retry: 'text-duplicated',
  half: 'text-pending',
  schedule: 'text-pending',
  busy: 'text-consumer',
  held: 'text-pending',
  returned: 'text-lost',
  more: 'text-ink-muted',
};

const S = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** The shape of each mark in a 12×12 box centred on 0,0. */
function shape(kind: MarkKind): React.ReactNode {
  switch (kind) {
    case 'loss':
    case 'down':
      return <path d="M-4-4L4 4M4-4L-4 4" {...S} strokeWidth={2.4} />;
    case 'ack':
    case 'ok':
      return <path d="M-4.5 0.5L-1.5 3.5L4.5-3.5" {...S} strokeWidth={2.2} />;
    case 'commit':
      return (
        <>
          <path d="M-3.5 5V-5" {...S} />
          <path d="M-3 -5H4L2.5-2.5L4 0H-3z" fill="currentColor" />
        </>
      );
    case 'leader':
    case 'leader-change':
      return <path d="M0-5.6L1.6-1.8L5.5-1.6L2.5 1L3.4 5L0 2.8L-3.4 5L-2.5 1L-5.5-1.6L-1.6-1.8z" fill="currentColor" />;
    case 'crash':
      return <path d="M1.5-5.8L-4 1H-0.5L-1.5 5.8L4-1H0.5z" fill="currentColor" />;
    case 'fault':
    case 'error':
      return (
        <>
          <path d="M0-5.3L5.5 4.8H-5.5z" fill="currentColor" />
          <path d="M0-1.8V1.3M0 3.1V3.2" stroke="var(--color-surface, #fff)" strokeWidth={1.5} strokeLinecap="round" />
        </>
      );
    case 'isr-change':
      return (
        <>
          <circle r={4.6} fill="none" stroke="currentColor" strokeWidth={1.6} />
          <path d="M0-4.6A4.6 4.6 0 0 1 0 4.6z" fill="currentColor" />
        </>
      );
    case 'in-isr':
      return <circle r={4.2} fill="currentColor" stroke="currentColor" strokeWidth={1.2} />;
    case 'out-isr':
      return <circle r={4.2} fill="none" stroke="currentColor" strokeWidth={1.6} />;
    case 'dead-letter':
      // A tombstone: rounded top, a cross on it.
      return (
        <>
          <path d="M-4 5V-1A4 4 0 0 1 4-1V5z" fill="currentColor" />
          <path d="M0-2.5V2.5M-1.8-0.8H1.8" stroke="var(--color-surface, #fff)" strokeWidth={1.3} strokeLinecap="round" />
        </>
      );
    case 'duplicate':
      return (
        <>
          <rect x={-5} y={-5} width={7} height={7} rx={1} fill="none" stroke="currentColor" strokeWidth={1.6} />
          <rect x={-2} y={-2} width={7} height={7} rx={1} fill="currentColor" />
        </>
      );
    case 'rebalance':
    case 'retry':
      return (
        <>
          <path d="M4.2-1A4.3 4.3 0 1 0 3 3" {...S} strokeWidth={1.8} />
          <path d="M5.3-4.6L4.4-0.6L0.6-1.8" {...S} strokeWidth={1.6} />
        </>
      );
    case 'stored':
      return (
        <>
          <rect x={-4.5} y={-4.5} width={9} height={9} rx={1} fill="none" stroke="currentColor" strokeWidth={1.6} />
          <rect x={-2} y={-2} width={4} height={4} fill="currentColor" />
        </>
      );
    case 'reordered':
      return <path d="M-2.5 5V-5M-5-2.5L-2.5-5L0-2.5M2.5-5V5M0 2.5L2.5 5L5 2.5" {...S} strokeWidth={1.6} />;
    case 'half':
      return <path d="M0-5L5 0L0 5L-5 0z" fill="none" stroke="currentColor" strokeWidth={1.7} strokeDasharray="2.2 1.4" />;
    case 'schedule':
      return (
        <>
          <circle r={4.8} fill="none" stroke="currentColor" strokeWidth={1.6} />
          <path d="M0-2.8V0L2 1.6" {...S} strokeWidth={1.5} />
        </>
      );
    case 'busy':
      return (
        <>
          <circle r={3.2} fill="none" stroke="currentColor" strokeWidth={2.4} strokeDasharray="1.6 1.2" />
          <circle r={1.2} fill="currentColor" />
        </>
      );
    case 'held':
      return (
        <>
          <rect x={-4} y={-4.5} width={2.8} height={9} rx={0.5} fill="currentColor" />
          <rect x={1.2} y={-4.5} width={2.8} height={9} rx={0.5} fill="currentColor" />
        </>
      );
    case 'returned':
      return <path d="M4.5-3.5V0.5H-3.5M-1-2L-3.5 0.5L-1 3" {...S} strokeWidth={1.7} />;
    case 'more':
      return (
        <>
          <circle cx={-3.5} r={1.2} fill="currentColor" />
          <circle r={1.2} fill="currentColor" />
          <circle cx={3.5} r={1.2} fill="currentColor" />
        </>
      );
  }
}

/** A mark as a <g> for use inside an SVG: centred on (x, y), `size` user units square. */
export function MarkShape({ kind, x = 0, y = 0, size = 12, colored = true }: { kind: MarkKind; x?: number; y?: number; size?: number; colored?: boolean }) {
  const k = size / 12;
  return (
    <g transform={`translate(${x} ${y}) scale(${k})`} className={colored ? MARK_COLOR[kind] : undefined} aria-hidden="true" data-mark={kind}>
      {shape(kind)}
    </g>
  );
}

/** A mark inline in text (HTML): decorative; the text next to it says the same thing. */
export function Mark({ kind, size = 12, className = '' }: { kind: MarkKind; size?: number; className?: string }) {
  return (
    <svg viewBox="-6 -6 12 12" width={size} height={size} aria-hidden="true" focusable="false" className={`inline-block shrink-0 align-[-0.1em] ${MARK_COLOR[kind]} ${className}`} data-mark={kind}>
      {shape(kind)}
    </svg>
  );
}
