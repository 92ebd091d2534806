import { memo, useMemo } from 'react';
import type { KafkaState, PartitionState } from '@/simulator/kafka/model';
import { fill } from '@/lib/sim/fill';
import type { SimStrings } from '@/lib/i18n/sim';
import { flights } from '@/lib/sim/flight';
import { clip } from '@/lib/sim/layout';
import { kafkaAnchors, kafkaLayout, laneRange, partitionSignature, type KafkaLayout } from '@/lib/sim/layout-kafka';
import { Flights } from './Flights';
import { Chip, Defs, NodeBox } from './parts';
import type { ViewProps } from './types';

export function isKafkaState(d: unknown): d is KafkaState {
  const x = d as Partial<KafkaState> | null;
  return !!x && typeof x.partitions === 'object' && Array.isArray(x.partitionOrder) && Array.isArray(x.brokerOrder) && typeof x.brokers === 'object' && typeof x.producers === 'object';
}

/**
 * The fields of model.ts's `GroupMeta` this view draws. Declared structurally (not imported) and checked at run
 * time, because `d.groups` arrived in a later engine version: the view must work with states that lack it.
 */
interface GroupMeta {
  id: string;
  coordinator: string;
  state: string;
  generation: number;
  protocol: string | null;
  leader: string | null;
  members: Record<string, { instanceId: string | null; awaitingJoin: boolean; awaitingSync: boolean; assignment: string[] }>;
  memberOrder: string[];
  committed: Record<string, number>;
}

function groupsOf(d: KafkaState): GroupMeta[] {
  const g = (d as { groups?: unknown }).groups;
  if (!g || typeof g !== 'object') return [];
  return Object.values(g as Record<string, unknown>).filter(
    (x): x is GroupMeta => !!x && typeof x === 'object' && typeof (x as GroupMeta).state === 'string' && typeof (x as GroupMeta).members === 'object' && Array.isArray((x as GroupMeta).memberOrder),
  );
}

/** Lines the group panel draws: one per group, one per member. */
const groupLines = (groups: GroupMeta[]) => groups.reduce((n, g) => n + 1 + Object.keys(g.members).length, 0);

interface RowProps {
  p: PartitionState;
  sig: string;
  l: KafkaLayout;
  y: number;
  h: number;
  brokersDown: Record<string, boolean>;
  lostKey: string;
  lost: ReadonlySet<string>;
  focusKey: string;
  focus: ReadonlySet<string>;
  t: SimStrings;
}

/**
 * One partition row. Memoised on a signature of what it draws: worlds are fresh clones each step, so reference
 * equality would re-render all rows; with the signature only rows that changed do (playback stays under a frame).
 */
const PartitionRow = memo(
  function PartitionRow({ p, l, y, h, brokersDown, lost, focus, t }: RowProps) {
    const k = t.view.kafka;
    const leaderRep = p.leader ? p.replicaStates[p.leader] : undefined;
    const leaderLeo = leaderRep?.leo ?? 0;
    return (
      <g data-partition={p.name}>
        <text x={6} y={y + (l.compact ? 14 : 15)} fontSize={l.compact ? 10 : 12} className="fill-ink font-mono">
          {clip(p.name, 12)}
        </text>
        {!l.compact && (
          <text x={6} y={y + 28} fontSize={9} className={p.leader ? 'fill-ink-muted' : 'fill-lost'}>
            {p.leader ? fill(k.epoch, { n: p.leaderEpoch }) : `✕ ${k.offline}`}
          </text>
        )}
        {p.replicas.map((b) => {
          const col = l.columns[b];
          const r = p.replicaStates[b];
          if (!col || !r) return null;
          const isLeader = p.leader === b;
          const inIsr = p.isr.includes(b);
          const down = brokersDown[b] || r.state === 'Offline';
          const x0 = col.x + 4;
          const laneX = col.x + 40;
          const { from, to } = laneRange(r.leo, leaderLeo, l.cells);
          const cy = y + (l.compact ? 3 : 9);
          const ch = l.compact ? 13 : 16;
          return (
            <g key={b} data-replica={`${p.name}@${b}`} data-leader={isLeader || undefined} data-isr={inIsr || undefined}>
              <rect x={col.x + 2} y={y + 1} width={col.w - 4} height={h - 2} rx={4} className={down ? 'fill-surface stroke-lost' : isLeader ? 'fill-surface-muted stroke-producer' : 'fill-surface stroke-line'} strokeWidth={isLeader ? 1.5 : 1} strokeDasharray={down ? '4 3' : undefined} />
              {/* Leader: a star with the epoch; ISR: filled vs hollow circle. */}
              <text x={x0} y={y + (l.compact ? 14 : 15)} fontSize={l.compact ? 11 : 12} className={isLeader ? 'fill-producer font-bold' : 'fill-ink-muted'}>
                {isLeader ? '★' : down ? '✕' : '·'}
              </text>
              <circle cx={x0 + 22} cy={y + (l.compact ? 10 : 11)} r={l.compact ? 3.5 : 4.5} className={inIsr ? 'fill-acked stroke-acked' : 'fill-surface stroke-ink-muted'} strokeWidth={1.2} />
              {!l.compact && (
                <text x={x0} y={y + 29} fontSize={8} className="fill-ink-muted">
                  {isLeader ? `e${p.leaderEpoch}` : r.state.slice(0, 5)}
                </text>
              )}
              {from > 0 && (
                <text x={laneX - 2} y={cy + ch - 3} fontSize={8} textAnchor="end" className="fill-ink-muted">
                  …
                </text>
              )}
              {Array.from({ length: to - from }, (_, j) => {
                const o = from + j;
                const e = r.log[o];
                const x = laneX + j * l.cellW;
                if (!e) return <rect key={o} x={x} y={cy} width={l.cellW - 2} height={ch} rx={2} className="fill-none stroke-line" strokeDasharray="2 2" />;
                const committed = o < r.hw;
                if (l.compact) {
                  const isLost = lost.has(e.id);
                  return (
                    <rect key={o} x={x} y={cy} width={l.cellW - 2} height={ch} rx={1.5} className={isLost ? 'fill-lost stroke-lost' : focus.has(e.id) ? 'fill-accent stroke-accent' : committed ? 'fill-broker stroke-broker' : 'fill-surface stroke-broker'} strokeWidth={1} />
                  );
                }
                return <Chip key={o} x={x} y={cy} w={l.cellW - 2} id={e.id} kind={committed ? 'record' : 'uncommitted'} lost={lost.has(e.id)} active={focus.has(e.id)} />;
              })}
              {/* HW and LEO marks at offset boundaries of this replica's own view. */}
              {r.hw >= from && r.hw <= to && (
                <g>
                  <line x1={laneX + (r.hw - from) * l.cellW - 1} x2={laneX + (r.hw - from) * l.cellW - 1} y1={cy - 3} y2={cy + ch + 3} className="stroke-acked" strokeWidth={2} />
                  {!l.compact && (
                    <text x={laneX + (r.hw - from) * l.cellW - 1} y={cy - 4} fontSize={7} textAnchor="middle" className="fill-acked">
                      {k.hw}
                    </text>
                  )}
                </g>
              )}
              {!l.compact && (
                <text x={col.x + col.w - 6} y={y + 30} fontSize={7} textAnchor="end" className="fill-ink-muted">
                  {k.leo} {r.leo} · {k.hw} {r.hw}
                </text>
              )}
            </g>
          );
        })}
      </g>
    );
  },
  (a, b) => a.sig === b.sig && a.y === b.y && a.l === b.l && a.lostKey === b.lostKey && a.focusKey === b.focusKey && a.t === b.t && downKey(a) === downKey(b),
);

const downKey = (r: RowProps) => r.p.replicas.map((b) => (r.brokersDown[b] ? 1 : 0)).join('');

export function KafkaView({ world, record, lost, t, d }: ViewProps & { d: KafkaState }) {
  const k = t.view.kafka;
  // The layout depends only on the topology: keep one object across steps so memoised rows can compare it by reference.
  const shape = `${d.brokerOrder.join(',')}|${d.partitionOrder.join(',')}|${Object.keys(d.producers).join(',')}|${Object.keys(d.consumers).join(',')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const l = useMemo(() => kafkaLayout(d), [shape]);
  const fl = flights(world);
  const active = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const lostKey = [...lost].join(',');
  const brokersDown = Object.fromEntries(d.brokerOrder.map((b) => [b, d.brokers[b].state !== 'RUNNING']));
  const groups = groupsOf(d);
  const ctl = d.controller;
  return (
    <svg viewBox={`0 0 ${l.width} ${l.height + (groups.length ? groupLines(groups) * 15 + 12 : 0)}`} className="h-auto w-full" role="img" aria-label={`${k.title}: ${d.brokerOrder.join(', ')}; ${d.partitionOrder.length} ${k.partition}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-kafka">
      <Defs />
      {Object.values(d.producers).map((p) => {
        const r = l.producers[p.id];
        return (
          <g key={p.id} data-entity={p.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={active.has(p.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-producer'} strokeWidth={active.has(p.id) ? 3 : 1.5} />
            <text x={r.x + 8} y={r.y + 15} fontSize={12} className="fill-producer font-semibold">
              {clip(`${fill(k.producer, { id: p.id })}${p.pid >= 0 ? ` · pid ${p.pid}` : ''}`, 30)}
            </text>
            <text x={r.x + 8} y={r.y + 28} fontSize={9} className="fill-ink">
              {clip(fill(k.inflightReq, { ids: p.inFlight.map((f) => `${f.record.id}${f.record.attempts > 1 ? `×${f.record.attempts}` : ''}`).join(',') || '—' }), 40)}
            </text>
            <text x={r.x + 8} y={r.y + 39} fontSize={9} className="fill-ink-muted">
              {clip(fill(k.queued, { ids: p.queue.map((q) => q.id).join(',') || '—' }), 40)}
            </text>
          </g>
        );
      })}
      <NodeBox r={l.controller} name={ctl.node} down={false} active={active.has(ctl.node)} sub={`${k.controller} · metadata ${ctl.metadataOffset}`} />
      {d.brokerOrder.map((b) => {
        const br = d.brokers[b];
        const reg = ctl.registrations[b];
        return <NodeBox key={b} r={l.brokers[b]} name={fill(k.broker, { id: b })} down={br.state !== 'RUNNING'} active={active.has(b)} sub={`${br.state}${reg ? ` · ${reg.state}` : ''}`} />;
      })}
      {l.rows.map((row) => {
        const p = d.partitions[row.name];
        // Only the messages of the current event that this row holds matter to it (keeps other rows memoised).
        const rowFocus = focus.size === 0 ? '' : [...focus].filter((id) => p.replicas.some((b) => p.replicaStates[b]?.log.some((e) => e.id === id))).join(',');
        return <PartitionRow key={row.name} p={p} sig={partitionSignature(d, row.name)} l={l} y={row.y} h={row.h} brokersDown={brokersDown} lost={lost} lostKey={lostKey} focus={focus} focusKey={rowFocus} t={t} />;
      })}
      {Object.values(d.consumers).map((c) => {
        const r = l.consumers[c.id];
        return (
          <g key={c.id} data-entity={c.id}>
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={active.has(c.id) ? 'fill-surface stroke-accent' : 'fill-surface stroke-consumer'} strokeWidth={active.has(c.id) ? 3 : 1.5} strokeDasharray={c.polling ? undefined : '4 3'} />
            <text x={r.x + 8} y={r.y + 15} fontSize={12} className="fill-consumer font-semibold">
              {fill(k.consumer, { id: c.id })}
              {c.polling ? ' ⟳' : ''}
            </text>
            <text x={r.x + 8} y={r.y + 29} fontSize={9} className="fill-ink">
              {clip(c.assignment.map((tp) => `${tp}@${c.positions[tp] ?? '?'}`).join(' '), 44)}
            </text>
            <text x={r.x + 8} y={r.y + 40} fontSize={9} className="fill-ink-muted">
              {clip(
                c.assignment
                  .map((tp) => {
                    const p = d.partitions[tp];
                    const hw = p?.leader ? (p.replicaStates[p.leader]?.hw ?? 0) : 0;
                    return `${tp}: ${fill(k.lag, { n: Math.max(0, hw - (c.positions[tp] ?? 0)) })}`;
                  })
                  .join(' '),
                44,
              )}
            </text>
          </g>
        );
      })}
      {groups.length > 0 && (
        <g data-testid="kafka-groups">
          {(() => {
            let line = 0;
            return groups.map((g) => {
              const y0 = l.height + 12 + line * 15;
              line += 1 + Object.keys(g.members).length;
              const hwOf = (tp: string) => {
                const p = d.partitions[tp];
                return p?.leader ? (p.replicaStates[p.leader]?.hw ?? 0) : 0;
              };
              return (
                <g key={g.id} data-group={g.id} data-group-state={g.state}>
                  <text x={8} y={y0} fontSize={11} className="fill-consumer font-semibold">
                    {clip(`⟳ ${fill(k.group, { id: g.id })}: ${g.state} · ${fill(k.generation, { n: g.generation })}${g.protocol ? ` · ${g.protocol}` : ''} · coordinator ${g.coordinator}${g.leader ? ` · leader ${g.leader}` : ''}`, 140)}
                  </text>
                  {g.memberOrder.map((m, i) => {
                    const mem = g.members[m];
                    if (!mem) return null;
                    const parts = mem.assignment.map((tp) => `${tp} (committed ${g.committed[tp] ?? '—'}, ${fill(k.lag, { n: Math.max(0, hwOf(tp) - (g.committed[tp] ?? 0)) })})`);
                    return (
                      <text key={m} x={24} y={y0 + 15 * (i + 1)} fontSize={10} className="fill-ink">
                        {clip(`${m}${mem.instanceId ? ` [${mem.instanceId}]` : ''}${mem.awaitingJoin ? ' · JoinGroup…' : mem.awaitingSync ? ' · SyncGroup…' : ''} → ${parts.join(', ') || '—'}`, 150)}
                      </text>
                    );
                  })}
                </g>
              );
            });
          })()}
        </g>
      )}
      <Flights flights={fl} at={kafkaAnchors(l, ctl.node)} lost={lost} />
      <text x={8} y={l.height - 8} fontSize={9} className="fill-ink-muted">
        {t.view.legend}: {k.legendLeader} · {k.legendIsr} · {k.legendHw} · {k.legendLost}
      </text>
    </svg>
  );
}
