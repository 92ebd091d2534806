import type { RocketState } from '@/simulator/rocketmq/model';
import { fill } from '@/lib/sim/fill';
import { flights } from '@/lib/sim/flight';
import { clip } from '@/lib/sim/layout';
import { rocketAnchors, rocketLayout, type TopicKind } from '@/lib/sim/layout-rocket';
import { Flights } from './Flights';
import { Chip, Defs, NodeBox } from './parts';
import type { ViewProps } from './types';

export function isRocketState(d: unknown): d is RocketState {
  const x = d as Partial<RocketState> | null;
  return !!x && typeof x.namesrvs === 'object' && typeof x.brokers === 'object' && typeof x.groups === 'object' && typeof x.txns === 'object' && typeof x.consumers === 'object';
}

const KIND: Record<TopicKind, { glyph: string; cls: string }> = {
  topic: { glyph: '', cls: 'stroke-broker' },
  retry: { glyph: '↻ ', cls: 'stroke-duplicated' },
  dlq: { glyph: '⚠ ', cls: 'stroke-dead-lettered' },
  schedule: { glyph: '⏲ ', cls: 'stroke-pending' },
  half: { glyph: '◇ ', cls: 'stroke-pending' },
};

const MAX_CHIPS = 5;

export function RocketView({ world, record, lost, t, d }: ViewProps & { d: RocketState }) {
  const v = t.view.rocket;
  const l = rocketLayout(d);
  const fl = flights(world);
  const active = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const txns = Object.values(d.txns);
  return (
    <svg viewBox={`0 0 ${l.width} ${l.height}`} className="h-auto w-full" role="img" aria-label={`${v.title}: ${Object.keys(d.groups).join(', ')}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-rocketmq">
      <Defs />
      {Object.values(d.namesrvs).map((n) => (
        <NodeBox key={n.name} r={l.namesrvs[n.name]} name={n.name} down={n.state !== 'running'} active={active.has(n.name)} sub={`${v.namesrv} · ${Object.keys(n.brokerLive).length} broker`} />
      ))}

      {Object.entries(l.groups).map(([bn, g]) => {
        const group = d.groups[bn];
        const master = d.brokers[group.master];
        const slave = group.slave ? d.brokers[group.slave] : undefined;
        return (
          <g key={bn} data-broker-group={bn}>
            {master && (
              <NodeBox
                r={g.master}
                name={`${group.master} (${v.master})`}
                down={master.state !== 'running'}
                active={active.has(group.master)}
                sub={`${master.role} · ${fill(v.commitLog, { n: master.commitLog.length, f: master.flushed })}${group.slave ? ` · ${fill(v.slaveAcked, { n: master.slaveAcked })}` : ''}`}
              />
            )}
            {slave && g.slave && group.slave && (
              <NodeBox r={g.slave} name={`${group.slave} (${v.slave})`} down={slave.state !== 'running'} active={active.has(group.slave)} sub={fill(v.commitLog, { n: slave.commitLog.length, f: slave.flushed })} />
            )}
            {g.queues.map((q) => {
              const max = master?.maxOffsets[q.key] ?? 0;
              const offsets = Object.entries(group.offsets)
                .map(([cg, o]) => (o[q.key] !== undefined ? `${cg}:${o[q.key]}` : ''))
                .filter(Boolean)
                .join(' ');
              const entries = (master?.commitLog ?? []).filter((e) => `${e.topic}@${bn}-q${e.queueId}` === q.key).slice(-MAX_CHIPS);
              return (
                <g key={q.key} data-queue={q.key}>
                  <rect x={q.r.x} y={q.r.y} width={q.r.w} height={q.r.h} rx={3} className={`fill-surface ${KIND[q.kind].cls}`} strokeWidth={1} strokeDasharray={q.kind === 'half' || q.kind === 'schedule' ? '3 2' : undefined} />
                  <text x={q.r.x + 4} y={q.r.y + 13} fontSize={9} className="fill-ink font-mono">
                    {clip(`${KIND[q.kind].glyph}${q.topic}-q${q.queueId} [${max}]`, 28)}
                  </text>
                  {entries.map((e, i) => (
                    <g key={e.uid} transform={`translate(${q.r.x + q.r.w * 0.48 + i * 24}, ${q.r.y + 1})`}>
                      <Chip x={0} y={0} w={22} id={e.id} kind={q.kind === 'half' ? 'pending' : 'record'} lost={lost.has(e.id)} active={focus.has(e.id)} />
                    </g>
                  ))}
                  {offsets && (
                    <title>{`${q.key} · ${fill(v.offset, { n: offsets })}`}</title>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}

      {Object.values(d.producers).map((p) => {
        const r = l.producers[p.id];
        const down = p.state !== 'RUNNING';
        const inflight = Object.values(p.inflight).map((a) => `${a.id}${a.attempt > 1 ? `×${a.attempt}` : ''}`);
        return (
          <g key={p.id} data-entity={p.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={down ? 'fill-surface stroke-lost' : active.has(p.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-producer'} strokeWidth={active.has(p.id) ? 3 : 1.5} strokeDasharray={down ? '5 3' : undefined} />
            <text x={r.x + 8} y={r.y + 15} fontSize={12} className="fill-producer font-semibold">
              {down ? '✕ ' : ''}
              {clip(fill(v.producer, { id: p.id }), 22)}
            </text>
            <text x={r.x + 8} y={r.y + 29} fontSize={9} className="fill-ink-muted">
              {clip(`${p.group} · ${p.state}`, 28)}
            </text>
            <text x={r.x + 8} y={r.y + 42} fontSize={9} className="fill-ink">
              {clip(`→ ${inflight.join(',') || '—'}`, 28)}
            </text>
            <text x={r.x + 8} y={r.y + 54} fontSize={9} className="fill-ink-muted">
              {clip(`⋯ ${[...p.outbox, ...p.waitingRoute].map((s) => s.id).join(',') || '—'}`, 28)}
            </text>
          </g>
        );
      })}

      {Object.values(d.consumers).map((c) => {
        const r = l.consumers[c.id];
        const down = c.state !== 'RUNNING';
        const processing = Object.values(c.pqs).flatMap((pq) => pq.msgs.map((m) => `${m.status === 'consuming' ? '⚙' : m.status === 'sendingBack' ? '↻' : ''}${m.entry.id}`));
        return (
          <g key={c.id} data-entity={c.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={down ? 'fill-surface stroke-lost' : active.has(c.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-consumer'} strokeWidth={active.has(c.id) ? 3 : 1.5} strokeDasharray={down ? '5 3' : undefined} />
            <text x={r.x + 8} y={r.y + 15} fontSize={11} className="fill-consumer font-semibold">
              {down ? '✕ ' : ''}
              {clip(fill(v.consumer, { id: c.id, group: c.group }), 26)}
            </text>
            <text x={r.x + 8} y={r.y + 29} fontSize={9} className="fill-ink-muted">
              {clip(c.state, 28)}
            </text>
            <text x={r.x + 8} y={r.y + 42} fontSize={9} className="fill-ink">
              {clip(c.assigned.map((k) => k.replace(/^.*@/, '')).join(' ') || '—', 30)}
            </text>
            <text x={r.x + 8} y={r.y + 56} fontSize={9} className="fill-ink">
              {clip(fill(v.processing, { ids: processing.join(',') || '—' }), 30)}
            </text>
          </g>
        );
      })}

      {txns.length > 0 && (
        <g data-testid="half-messages">
          <text x={8} y={l.txnY} fontSize={11} className="fill-ink font-semibold">
            ◇ {v.half}
          </text>
          {txns.map((x, i) => (
            <text key={x.id} x={8} y={l.txnY + 16 + i * 16} fontSize={10} className={x.state === 'committed' ? 'fill-acked' : x.state === 'rolledBack' || x.state === 'discarded' ? 'fill-lost' : 'fill-pending'}>
              {`${x.state === 'committed' ? '✓' : x.state === 'rolledBack' || x.state === 'discarded' ? '✕' : '◇'} ${x.id} · ${x.producer} → ${x.brokerName} · ${x.state} · ${fill(v.check, { n: x.checks })}`}
            </text>
          ))}
        </g>
      )}
      <Flights flights={fl} at={rocketAnchors(l, d)} lost={lost} />
      <text x={8} y={l.height - 8} fontSize={9} className="fill-ink-muted">
        {t.view.legend}: {v.legendHalf} · {v.legendRetry} · ✕ {t.view.lostBadge}
      </text>
    </svg>
  );
}
