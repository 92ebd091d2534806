import type { QueueEntry, RabbitState } from '@/simulator/rabbitmq/model';
import { fill } from '@/lib/sim/fill';
import { charsFor, clip } from '@/lib/sim/layout';
import { flights } from '@/lib/sim/flight';
import { DLX_DIP, prefetchSlots, RABBIT, rabbitAnchors, rabbitLayout, type Edge, type Rect } from '@/lib/sim/layout-rabbit';
import { MarkShape, type MarkKind } from '../icons';
import { Flights } from './Flights';
import { ViewLegend } from './Legend';
import { BoxLine, BoxText, BusLine, Chip, Defs, FONT, MarkRun, NodeBox } from './parts';
import type { ViewProps } from './types';

export function isRabbitState(d: unknown): d is RabbitState {
  const x = d as Partial<RabbitState> | null;
  return !!x && typeof x.queues === 'object' && typeof x.exchanges === 'object' && Array.isArray(x.queueOrder) && Array.isArray(x.nodeOrder) && typeof x.consumers === 'object';
}

function EdgeLine({ e, dashed, cls }: { e: Edge; dashed?: boolean; cls: string }) {
  const mx = (e.from.x + e.to.x) / 2;
  // Dead-letter: leave the queue leftwards, come up into the exchange from below.
  const path = dashed
    ? `M${e.from.x},${e.from.y} C${e.from.x - 50},${e.from.y} ${e.to.x},${e.to.y + DLX_DIP} ${e.to.x},${e.to.y}`
    : `M${e.from.x},${e.from.y} C${mx},${e.from.y} ${mx},${e.to.y} ${e.to.x},${e.to.y}`;
  // Binding keys sit in the gap between the two columns, above the line's midpoint, clipped to that gap.
  const gapW = Math.abs(e.to.x - e.from.x) - 8;
  return (
    <g>
      <path d={path} fill="none" className={cls} strokeWidth={1.5} strokeDasharray={dashed ? '6 4' : undefined} markerEnd="url(#sim-arrow)" />
      {e.label && (
        <text x={dashed ? e.to.x + 6 : mx} y={dashed ? e.to.y + 30 : (e.from.y + e.to.y) / 2 - 5} textAnchor={dashed ? 'start' : 'middle'} fontSize={FONT.detail} className="fill-ink-muted font-mono">
          {clip(e.label, dashed ? 24 : charsFor(Math.max(30, gapW), FONT.detail))}
        </text>
      )}
    </g>
  );
}

function chips(entries: { id: string }[], x: number, y: number, max: number, kind: 'ready' | 'unacked' | 'pending', lost: ReadonlySet<string>, focus: ReadonlySet<string>) {
  const shown = entries.slice(0, max);
  return (
    <g>
      {shown.map((e, i) => (
        <Chip key={`${e.id}-${i}`} x={x + i * RABBIT.chipStep} y={y} w={RABBIT.chipW} id={e.id} kind={kind} lost={lost.has(e.id)} active={focus.has(e.id)} />
      ))}
      {entries.length > max && (
        <text x={x + max * RABBIT.chipStep + 2} y={y + 14} fontSize={FONT.detail} className="fill-ink-muted">
          +{entries.length - max}
        </text>
      )}
    </g>
  );
}

export function RabbitView({ world, record, lost, t, d, width }: ViewProps & { d: RabbitState }) {
  const v = t.view.rabbit;
  const l = rabbitLayout(d, width);
  const fl = flights(world);
  const activeNodes = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const top = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y });
  const stubs = [...Object.values(l.nodes).map((r) => ({ x: r.x + r.w / 2, y: r.y + r.h })), ...Object.values(l.publishers).map(top), ...Object.values(l.consumers).map(top)];
  const clientRect = (r: Rect, id: string, cls: string, gone = false) => (
    <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={gone ? 'fill-surface stroke-lost' : activeNodes.has(id) ? 'fill-surface stroke-accent' : `fill-surface ${cls}`} strokeWidth={activeNodes.has(id) ? 3 : 1.5} strokeDasharray={gone ? '5 3' : undefined} />
  );
  return (
    <>
      <svg width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} className="block max-w-none" role="img" aria-label={`${v.title}: ${d.queueOrder.join(', ')}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-rabbitmq">
        <Defs />
        <BusLine bus={l.bus} x0={8} x1={l.width - 8} stubs={stubs} />
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
              {clientRect(r, p.id, 'stroke-producer')}
              <BoxText r={r} name={fill(v.publisher, { id: p.id })} nameCls="fill-producer" sub={`${p.confirm ? 'confirm' : p.tx ? 'tx' : 'no confirm'} · ${p.channel}`} />
              {p.unconfirmed.length > 0 && <BoxLine r={r} dy={54} cls="fill-pending" text={fill(v.unconfirmed, { ids: p.unconfirmed.map((u) => u.id).join(',') })} />}
              {p.returned.length > 0 && <BoxLine r={r} dy={70} cls="fill-lost" text={fill(v.returned, { ids: p.returned.join(',') })} mark={<MarkShape kind="returned" size={11} />} />}
            </g>
          );
        })}

        {Object.values(d.exchanges).map((x) => {
          const r = l.exchanges[x.name];
          return (
            <g key={x.name || '(default)'} data-entity={`exchange:${x.name}`}>
              <polygon points={`${r.x},${r.y + r.h / 2} ${r.x + 12},${r.y} ${r.x + r.w},${r.y} ${r.x + r.w},${r.y + r.h} ${r.x + 12},${r.y + r.h}`} className="fill-surface-muted stroke-broker" strokeWidth={1.5} />
              <BoxText r={r} inset={16} name={x.name || v.defaultExchange} sub={`${x.type}${x.alternateExchange ? ` · AE ${x.alternateExchange}` : ''}`} />
            </g>
          );
        })}

        {d.queueOrder.map((name) => {
          const q = d.queues[name];
          const r = l.queues[name];
          const down = q.status !== 'running';
          const dlx = q.arguments['x-dead-letter-exchange'];
          const unackedShown = Math.min(q.unacked.length, l.queueChips);
          return (
            <g key={name} data-entity={`queue:${name}`}>
              <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={6} className={down ? 'fill-surface stroke-lost' : 'fill-surface stroke-broker'} strokeWidth={1.5} strokeDasharray={down ? '5 3' : undefined} />
              <BoxText
                r={r}
                name={name}
                nameCls={down ? 'fill-lost' : 'fill-ink'}
                mark={down ? <MarkShape kind="down" size={11} /> : undefined}
                sub={`${q.type}${q.durable ? ' · durable' : ''}${q.leader ? ` · ${q.leader}` : ''}${q.arguments['x-message-ttl'] !== undefined ? ` · ttl ${q.arguments['x-message-ttl']}` : ''}`}
              />
              <BoxLine r={r} dy={54} cls="fill-ink-muted" text={`${fill(v.ready, { n: q.ready.length })} · ${fill(v.unacked, { n: q.unacked.length })}`} />
              {chips(q.ready as QueueEntry[], r.x + 8, r.y + 62, l.queueChips, 'ready', lost, focus)}
              {chips(
                q.unacked.map((u) => u.entry),
                r.x + 8,
                r.y + 88,
                l.queueChips,
                'unacked',
                lost,
                focus,
              )}
              {q.pending.length > 0 && unackedShown < l.queueChips && chips(q.pending, r.x + 8 + unackedShown * RABBIT.chipStep + 8, r.y + 88, l.queueChips - unackedShown, 'pending', lost, focus)}
              {dlx !== undefined && <BoxLine r={r} dy={128} cls="fill-dead-lettered" text={fill(v.dlx, { x: dlx || v.defaultExchange })} mark={<MarkShape kind="dead-letter" size={11} />} />}
            </g>
          );
        })}

        {Object.values(d.consumers).map((c) => {
          const r = l.consumers[c.id];
          const unacked = d.queues[c.queue]?.unacked.filter((u) => u.consumer === c.id).length ?? 0;
          const win = prefetchSlots(c.prefetch, unacked, l.consumerSlots);
          const gone = c.status === 'crashed' || c.status === 'disconnected' || c.status === 'cancelled';
          const run: { mark: MarkKind; text: string }[] = [];
          if (c.busy) run.push({ mark: 'busy', text: c.busy.id });
          if (c.held.length) run.push({ mark: 'held', text: c.held.map((h) => h.id).join(',') });
          if (c.processed.length) run.push({ mark: 'ok', text: c.processed.join(',') });
          return (
            <g key={c.id} data-entity={c.id}>
              {clientRect(r, c.id, 'stroke-consumer', gone)}
              <BoxText r={r} name={fill(v.consumer, { id: c.id })} nameCls={gone ? 'fill-lost' : 'fill-consumer'} mark={gone ? <MarkShape kind="down" size={11} /> : undefined} sub={`${c.status} · ${c.autoAck ? 'autoAck' : 'manual ack'} · ${c.onMessage}`} />
              <BoxLine r={r} dy={54} cls="fill-ink-muted" text={fill(v.prefetch, { n: c.prefetch === 0 ? v.unlimited : c.prefetch })} />
              {Array.from({ length: win.slots }, (_, i) => (
                <rect key={i} x={r.x + 8 + i * RABBIT.slot} y={r.y + 62} width={12} height={12} rx={2} className={i < win.used ? 'fill-consumer stroke-consumer' : 'fill-surface stroke-line'} strokeWidth={1} />
              ))}
              {win.capped && (
                <text x={r.x + 8 + win.slots * RABBIT.slot} y={r.y + 73} fontSize={FONT.detail} className="fill-ink-muted">
                  …
                </text>
              )}
              <MarkRun x={r.x + 8} y={r.y + 96} items={run} maxW={r.w - 16} />
            </g>
          );
        })}
        <Flights flights={fl} at={rabbitAnchors(l)} bus={l.bus} lost={lost} />
      </svg>
      <ViewLegend
        title={t.view.legend}
        items={[
          { swatch: 'chip', label: v.legendReady },
          { swatch: 'hatched', label: v.legendUnacked },
          { swatch: 'dotted', label: v.legendPending },
          { swatch: 'dashed-line', label: v.legendDlx },
          { swatch: 'lost-chip', label: t.view.legendLost },
        ]}
      />
    </>
  );
}
