import type { QueueEntry, RabbitState } from '@/simulator/rabbitmq/model';
import { fill } from '@/lib/sim/fill';
import { clip } from '@/lib/sim/layout';
import { flights } from '@/lib/sim/flight';
import { prefetchSlots, rabbitAnchors, rabbitLayout, type Edge, type Rect } from '@/lib/sim/layout-rabbit';
import { Flights } from './Flights';
import { Chip, Defs, NodeBox } from './parts';
import type { ViewProps } from './types';

export function isRabbitState(d: unknown): d is RabbitState {
  const x = d as Partial<RabbitState> | null;
  return !!x && typeof x.queues === 'object' && typeof x.exchanges === 'object' && Array.isArray(x.queueOrder) && Array.isArray(x.nodeOrder) && typeof x.consumers === 'object';
}

const MAX_CHIPS = 7;

function EdgeLine({ e, dashed, cls }: { e: Edge; dashed?: boolean; cls: string }) {
  const mx = (e.from.x + e.to.x) / 2;
  const path = dashed
    ? `M${e.from.x},${e.from.y} C${e.from.x},${e.from.y + 60} ${e.to.x},${e.to.y + 60} ${e.to.x},${e.to.y}`
    : `M${e.from.x},${e.from.y} C${mx},${e.from.y} ${mx},${e.to.y} ${e.to.x},${e.to.y}`;
  return (
    <g>
      <path d={path} fill="none" className={cls} strokeWidth={1.5} strokeDasharray={dashed ? '6 4' : undefined} markerEnd="url(#sim-arrow)" />
      {e.label && (
        <text x={dashed ? (e.from.x + e.to.x) / 2 : mx} y={dashed ? Math.max(e.from.y, e.to.y) + 52 : (e.from.y + e.to.y) / 2 - 4} textAnchor="middle" fontSize={10} className="fill-ink-muted font-mono">
          {clip(e.label, 18)}
        </text>
      )}
    </g>
  );
}

function chips(entries: { id: string }[], x: number, y: number, kind: 'ready' | 'unacked' | 'pending', lost: ReadonlySet<string>, focus: ReadonlySet<string>) {
  const shown = entries.slice(0, MAX_CHIPS);
  return (
    <g>
      {shown.map((e, i) => (
        <Chip key={`${e.id}-${i}`} x={x + i * 32} y={y} id={e.id} kind={kind} lost={lost.has(e.id)} active={focus.has(e.id)} />
      ))}
      {entries.length > MAX_CHIPS && (
        <text x={x + MAX_CHIPS * 32 + 2} y={y + 12} fontSize={10} className="fill-ink-muted">
          +{entries.length - MAX_CHIPS}
        </text>
      )}
    </g>
  );
}

export function RabbitView({ world, record, lost, t, d }: ViewProps & { d: RabbitState }) {
  const v = t.view.rabbit;
  const l = rabbitLayout(d);
  const fl = flights(world);
  const activeNodes = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const label = (r: Rect, text: string, sub?: string) => (
    <>
      <text x={r.x + 8} y={r.y + 16} fontSize={12} className="fill-ink font-semibold">
        {clip(text, 24)}
      </text>
      {sub && (
        <text x={r.x + 8} y={r.y + 30} fontSize={10} className="fill-ink-muted">
          {clip(sub, 34)}
        </text>
      )}
    </>
  );
  return (
    <svg viewBox={`0 0 ${l.width} ${l.height}`} className="h-auto w-full" role="img" aria-label={`${v.title}: ${d.queueOrder.join(', ')}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-rabbitmq">
      <Defs />
      {d.nodeOrder.map((n) => (
        <NodeBox key={n} r={l.nodes[n]} name={n} down={d.nodes[n].status !== 'running'} active={activeNodes.has(n)} sub={d.nodes[n].status} />
      ))}
      {l.bindings.map((e, i) => (
        <EdgeLine key={`b${i}`} e={e} cls="stroke-broker" />
      ))}
      {l.subscriptions.map((e, i) => (
        <EdgeLine key={`s${i}`} e={e} cls="stroke-consumer" />
      ))}
      {l.deadLetters.map((e, i) => (
        <EdgeLine key={`d${i}`} e={e} dashed cls="stroke-dead-lettered" />
      ))}

      {Object.values(d.publishers).map((p) => {
        const r = l.publishers[p.id];
        return (
          <g key={p.id} data-entity={p.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={activeNodes.has(p.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-producer'} strokeWidth={activeNodes.has(p.id) ? 3 : 1.5} />
            {label(r, fill(v.publisher, { id: p.id }), `${p.confirm ? 'confirm' : p.tx ? 'tx' : 'no confirm'} · ${p.channel}`)}
            {p.unconfirmed.length > 0 && (
              <text x={r.x + 8} y={r.y + 44} fontSize={10} className="fill-pending">
                {clip(fill(v.unconfirmed, { ids: p.unconfirmed.map((u) => u.id).join(',') }), 30)}
              </text>
            )}
            {p.returned.length > 0 && (
              <text x={r.x + 8} y={r.y + 57} fontSize={10} className="fill-lost">
                ↩ {clip(fill(v.returned, { ids: p.returned.join(',') }), 28)}
              </text>
            )}
          </g>
        );
      })}

      {Object.values(d.exchanges).map((x) => {
        const r = l.exchanges[x.name];
        return (
          <g key={x.name || '(default)'} data-entity={`exchange:${x.name}`}>
            <polygon points={`${r.x},${r.y + r.h / 2} ${r.x + 14},${r.y} ${r.x + r.w},${r.y} ${r.x + r.w},${r.y + r.h} ${r.x + 14},${r.y + r.h}`} className="fill-surface-muted stroke-broker" strokeWidth={1.5} />
            {label({ ...r, x: r.x + 8 }, x.name || v.defaultExchange, `${x.type}${x.alternateExchange ? ` · AE ${x.alternateExchange}` : ''}`)}
          </g>
        );
      })}

      {d.queueOrder.map((name) => {
        const q = d.queues[name];
        const r = l.queues[name];
        const down = q.status !== 'running';
        const dlx = q.arguments['x-dead-letter-exchange'];
        return (
          <g key={name} data-entity={`queue:${name}`}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={6} className={down ? 'fill-surface stroke-lost' : 'fill-surface stroke-broker'} strokeWidth={1.5} strokeDasharray={down ? '5 3' : undefined} />
            {label(r, `${down ? '✕ ' : ''}${name}`, `${q.type}${q.durable ? ' · durable' : ''}${q.leader ? ` · ${q.leader}` : ''}${q.arguments['x-message-ttl'] !== undefined ? ` · ttl ${q.arguments['x-message-ttl']}` : ''}`)}
            <text x={r.x + r.w - 8} y={r.y + 16} fontSize={10} textAnchor="end" className="fill-ink-muted">
              {fill(v.ready, { n: q.ready.length })} · {fill(v.unacked, { n: q.unacked.length })}
            </text>
            {chips(q.ready as QueueEntry[], r.x + 8, r.y + 38, 'ready', lost, focus)}
            {chips(
              q.unacked.map((u) => u.entry),
              r.x + 8,
              r.y + 62,
              'unacked',
              lost,
              focus,
            )}
            {q.pending.length > 0 && chips(q.pending, r.x + 8 + Math.min(q.unacked.length, MAX_CHIPS) * 32 + 12, r.y + 62, 'pending', lost, focus)}
            {dlx !== undefined && (
              <text x={r.x + r.w - 8} y={r.y + r.h - 4} fontSize={9} textAnchor="end" className="fill-dead-lettered">
                ☠ {fill(v.dlx, { x: dlx || v.defaultExchange })}
              </text>
            )}
          </g>
        );
      })}

      {Object.values(d.consumers).map((c) => {
        const r = l.consumers[c.id];
        const unacked = d.queues[c.queue]?.unacked.filter((u) => u.consumer === c.id).length ?? 0;
        const win = prefetchSlots(c.prefetch, unacked);
        const gone = c.status === 'crashed' || c.status === 'disconnected' || c.status === 'cancelled';
        return (
          <g key={c.id} data-entity={c.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={gone ? 'fill-surface stroke-lost' : activeNodes.has(c.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-consumer'} strokeWidth={activeNodes.has(c.id) ? 3 : 1.5} strokeDasharray={gone ? '5 3' : undefined} />
            {label(r, `${gone ? '✕ ' : ''}${fill(v.consumer, { id: c.id })}`, `${c.status} · ${c.autoAck ? 'autoAck' : 'manual ack'} · ${c.onMessage}`)}
            <text x={r.x + 8} y={r.y + 46} fontSize={10} className="fill-ink-muted">
              {fill(v.prefetch, { n: c.prefetch === 0 ? v.unlimited : c.prefetch })}
            </text>
            {Array.from({ length: win.slots }, (_, i) => (
              <rect key={i} x={r.x + 8 + i * 16} y={r.y + 52} width={12} height={12} rx={2} className={i < win.used ? 'fill-consumer stroke-consumer' : 'fill-surface stroke-line'} strokeWidth={1} />
            ))}
            {win.capped && (
              <text x={r.x + 8 + win.slots * 16} y={r.y + 62} fontSize={10} className="fill-ink-muted">
                …
              </text>
            )}
            <text x={r.x + 8} y={r.y + 78} fontSize={10} className="fill-ink">
              {clip([c.busy ? `⚙ ${c.busy.id}` : '', c.held.length ? `⏸ ${c.held.map((h) => h.id).join(',')}` : '', c.processed.length ? `✓ ${c.processed.join(',')}` : ''].filter(Boolean).join('  '), 34)}
            </text>
          </g>
        );
      })}
      <Flights flights={fl} at={rabbitAnchors(l)} lost={lost} />
      <g transform={`translate(16, ${l.height - 12})`} fontSize={10} className="fill-ink-muted">
        <text>
          {t.view.legend}: {v.legendReady} · {v.legendUnacked} · {v.legendDlx} · ✕ {t.view.lostBadge}
        </text>
      </g>
    </svg>
  );
}
