import type { RocketState } from '@/simulator/rocketmq/model';
import { fill } from '@/lib/sim/fill';
import { flights } from '@/lib/sim/flight';
import { charsFor, clip } from '@/lib/sim/layout';
import type { Rect } from '@/lib/sim/layout-rabbit';
import { ROCKET, rocketAnchors, rocketLayout, type TopicKind } from '@/lib/sim/layout-rocket';
import { MarkShape, type MarkKind } from '../icons';
import { Flights } from './Flights';
import { ViewLegend } from './Legend';
import { BoxLine, BoxText, BusLine, Chip, Defs, FONT, NodeBox } from './parts';
import type { ViewProps } from './types';

export function isRocketState(d: unknown): d is RocketState {
  const x = d as Partial<RocketState> | null;
  return !!x && typeof x.namesrvs === 'object' && typeof x.brokers === 'object' && typeof x.groups === 'object' && typeof x.txns === 'object' && typeof x.consumers === 'object';
}

const KIND: Record<TopicKind, { mark: MarkKind | null; cls: string }> = {
  topic: { mark: null, cls: 'stroke-broker' },
  retry: { mark: 'retry', cls: 'stroke-duplicated' },
  dlq: { mark: 'dead-letter', cls: 'stroke-dead-lettered' },
  schedule: { mark: 'schedule', cls: 'stroke-pending' },
  half: { mark: 'half', cls: 'stroke-pending' },
};

export function RocketView({ world, record, lost, t, d, width }: ViewProps & { d: RocketState }) {
  const v = t.view.rocket;
  const l = rocketLayout(d, {}, width);
  const fl = flights(world);
  const active = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const txns = Object.values(d.txns);
  const top = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y });
  const stubs = [
    ...Object.values(l.namesrvs).map((r) => ({ x: r.x + r.w / 2, y: r.y + r.h })),
    ...Object.values(l.producers).map(top),
    ...Object.values(l.consumers).map(top),
    ...Object.values(l.groups).map((g) => ({ x: g.master.x + g.master.w / 2 - (g.slave ? g.master.w / 4 : 0), y: g.master.y })),
  ];
  const clientRect = (r: Rect, id: string, cls: string, down: boolean) => (
    <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={down ? 'fill-surface stroke-lost' : active.has(id) ? 'fill-surface stroke-accent' : `fill-surface ${cls}`} strokeWidth={active.has(id) ? 3 : 1.5} strokeDasharray={down ? '5 3' : undefined} />
  );
  const txnMark = (s: string): MarkKind => (s === 'committed' ? 'ok' : s === 'rolledBack' || s === 'discarded' ? 'loss' : 'half');
  return (
    <>
      <svg width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} className="block max-w-none" role="img" aria-label={`${v.title}: ${Object.keys(d.groups).join(', ')}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-rocketmq">
        <Defs />
        <BusLine bus={l.bus} x0={8} x1={l.width - 8} stubs={stubs} />
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
                const entries = l.chips > 0 ? (master?.commitLog ?? []).filter((e) => `${e.topic}@${bn}-q${e.queueId}` === q.key).slice(-l.chips) : [];
                const mark = KIND[q.kind].mark;
                const labelX = q.r.x + (mark ? 22 : 8);
                return (
                  <g key={q.key} data-queue={q.key}>
                    <rect x={q.r.x} y={q.r.y} width={q.r.w} height={q.r.h} rx={3} className={`fill-surface ${KIND[q.kind].cls}`} strokeWidth={1} strokeDasharray={q.kind === 'half' || q.kind === 'schedule' ? '3 2' : undefined} />
                    {mark && <MarkShape kind={mark} x={q.r.x + 11} y={q.r.y + q.r.h / 2} size={11} />}
                    <text x={labelX} y={q.r.y + 17} fontSize={FONT.detail} className="fill-ink font-mono">
                      {clip(`${q.topic}-q${q.queueId} [${max}]`, charsFor(l.chipX - (labelX - q.r.x) - 4, FONT.detail + 1))}
                    </text>
                    {entries.map((e, i) => (
                      <Chip key={e.uid} x={q.r.x + l.chipX + i * ROCKET.chipStep} y={q.r.y + 3} w={ROCKET.chipW} h={q.r.h - 6} id={e.id} kind={q.kind === 'half' ? 'pending' : 'record'} lost={lost.has(e.id)} active={focus.has(e.id)} />
                    ))}
                    <title>{`${q.key} · max ${max}${offsets ? ` · ${fill(v.offset, { n: offsets })}` : ''}`}</title>
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
              {clientRect(r, p.id, 'stroke-producer', down)}
              <BoxText r={r} name={fill(v.producer, { id: p.id })} nameCls="fill-producer" mark={down ? <MarkShape kind="down" size={11} /> : undefined} sub={`${p.group} · ${p.state}`} />
              <BoxLine r={r} dy={54} text={`→ ${inflight.join(',') || '—'}`} />
              <BoxLine r={r} dy={71} cls="fill-ink-muted" text={`… ${[...p.outbox, ...p.waitingRoute].map((s) => s.id).join(',') || '—'}`} />
            </g>
          );
        })}

        {Object.values(d.consumers).map((c) => {
          const r = l.consumers[c.id];
          const down = c.state !== 'RUNNING';
          const processing = Object.values(c.pqs).flatMap((pq) => pq.msgs.map((m) => `${m.entry.id}${m.status === 'consuming' ? '*' : m.status === 'sendingBack' ? '↑' : ''}`));
          return (
            <g key={c.id} data-entity={c.id}>
              {clientRect(r, c.id, 'stroke-consumer', down)}
              <BoxText r={r} name={fill(v.consumer, { id: c.id, group: c.group })} nameCls="fill-consumer" mark={down ? <MarkShape kind="down" size={11} /> : undefined} sub={c.state} />
              <BoxLine r={r} dy={54} text={c.assigned.map((k) => k.replace(/^.*@/, '')).join(' ') || '—'} />
              <BoxLine r={r} dy={71} text={fill(v.processing, { ids: processing.join(',') || '—' })} />
            </g>
          );
        })}

        {txns.length > 0 && (
          <g data-testid="half-messages">
            <MarkShape kind="half" x={14} y={l.txnY - 5} size={12} />
            <text x={26} y={l.txnY} fontSize={13} className="fill-ink font-semibold">
              {v.half}
            </text>
            {txns.map((x, i) => {
              const y = l.txnY + ROCKET.txnLine * (i + 1);
              return (
                <g key={x.id}>
                  <MarkShape kind={txnMark(x.state)} x={30} y={y - 4} size={11} />
                  <text x={42} y={y} fontSize={FONT.detail} className={x.state === 'committed' ? 'fill-acked' : x.state === 'rolledBack' || x.state === 'discarded' ? 'fill-lost' : 'fill-ink'}>
                    {clip(`${x.id} · ${x.producer} → ${x.brokerName} · ${x.state} · ${fill(v.check, { n: x.checks })}`, charsFor(l.width - 50, FONT.detail))}
                  </text>
                </g>
              );
            })}
          </g>
        )}
        <Flights flights={fl} at={rocketAnchors(l, d)} bus={l.bus} lost={lost} />
      </svg>
      <ViewLegend
        title={t.view.legend}
        items={[
          { mark: 'half', label: v.legendHalf },
          { mark: 'retry', label: v.legendRetry },
          { mark: 'dead-letter', label: v.legendDlq },
          { mark: 'schedule', label: v.legendSchedule },
          { swatch: 'lost-chip', label: t.view.legendLost },
        ]}
      />
    </>
  );
}
