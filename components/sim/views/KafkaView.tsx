import { memo, useMemo } from 'react';
import type { KafkaState, PartitionState } from '@/simulator/kafka/model';
import { fill } from '@/lib/sim/fill';
import type { SimStrings } from '@/lib/i18n/sim';
import { flights } from '@/lib/sim/flight';
import { charsFor, clip } from '@/lib/sim/layout';
import { KAFKA, kafkaAnchors, kafkaLayout, laneRange, partitionSignature, type KafkaLayout } from '@/lib/sim/layout-kafka';
import type { Rect } from '@/lib/sim/layout-rabbit';
import { MarkShape } from '../icons';
import { Flights } from './Flights';
import { ViewLegend } from './Legend';
import { BoxLine, BoxText, BusLine, Chip, Defs, FONT, NodeBox } from './parts';
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
    const c = l.compact;
    return (
      <g data-partition={p.name}>
        <text x={8} y={y + (c ? 17 : 22)} fontSize={c ? FONT.detail : 13} className="fill-ink font-mono font-semibold">
          {clip(p.name, charsFor(l.labelW - 12, c ? FONT.detail : 13))}
        </text>
        {!c &&
          (p.leader ? (
            <text x={8} y={y + 42} fontSize={FONT.detail} className="fill-ink-muted">
              {fill(k.epoch, { n: p.leaderEpoch })}
            </text>
          ) : (
            <BoxLine r={{ x: 0, y, w: l.labelW, h }} dy={42} text={k.offline} cls="fill-lost" mark={<MarkShape kind="down" size={10} />} />
          ))}
        {p.replicas.map((b) => {
          const col = l.columns[b];
          const r = p.replicaStates[b];
          if (!col || !r) return null;
          const isLeader = p.leader === b;
          const inIsr = p.isr.includes(b);
          const down = brokersDown[b] || r.state === 'Offline';
          const x0 = col.x + 8;
          const laneX = col.x + 8;
          const { from, to } = laneRange(r.leo, leaderLeo, l.cells);
          const cy = y + (c ? 5 : 32);
          const ch = c ? 14 : 22;
          const markY = y + (c ? 12 : 16);
          // Top line: leader star / down cross, ISR dot, role and epoch, then LEO / HW right-aligned (dropped when
          // the column is too narrow: the same numbers are in the cell's tooltip and the state table).
          const counts = `${k.leo} ${r.leo} · ${k.hw} ${r.hw}`;
          const countsW = counts.length * FONT.detail * 0.62;
          const roleW = col.w - 16 - 34 - countsW - 6;
          const role = isLeader ? `${k.leader} e${p.leaderEpoch}` : r.state;
          return (
            <g key={b} data-replica={`${p.name}@${b}`} data-leader={isLeader || undefined} data-isr={inIsr || undefined}>
              <title>{`${p.name} @ ${b}: ${role} · ${inIsr ? k.inIsr : k.outIsr} · ${counts}`}</title>
              <rect x={col.x + 3} y={y + 2} width={col.w - 6} height={h - 4} rx={4} className={down ? 'fill-surface stroke-lost' : isLeader ? 'fill-surface-muted stroke-producer' : 'fill-surface stroke-line'} strokeWidth={isLeader ? 1.5 : 1} strokeDasharray={down ? '4 3' : undefined} />
              {c ? (
                isLeader ? <MarkShape kind="leader" x={x0 + 4} y={markY} size={11} /> : down ? <MarkShape kind="down" x={x0 + 4} y={markY} size={9} /> : null
              ) : (
                <>
                  {isLeader ? <MarkShape kind="leader" x={x0 + 6} y={markY} size={14} /> : down ? <MarkShape kind="down" x={x0 + 6} y={markY} size={11} /> : null}
                  <MarkShape kind={inIsr ? 'in-isr' : 'out-isr'} x={x0 + 24} y={markY} size={12} />
                  {roleW > 24 && (
                    <text x={x0 + 34} y={markY + 4} fontSize={FONT.detail} className={isLeader ? 'fill-producer font-semibold' : 'fill-ink-muted'}>
                      {clip(role, charsFor(roleW, FONT.detail))}
                    </text>
                  )}
                  {col.w - 16 - 34 > countsW && (
                    <text x={col.x + col.w - 10} y={markY + 4} fontSize={FONT.detail} textAnchor="end" className="fill-ink-muted">
                      {counts}
                    </text>
                  )}
                </>
              )}
              {c && <MarkShape kind={inIsr ? 'in-isr' : 'out-isr'} x={x0 + 16} y={markY} size={9} />}
              {Array.from({ length: to - from }, (_, j) => {
                const o = from + j;
                const e = r.log[o];
                const x = (c ? laneX + 24 : laneX) + j * l.cellW;
                if (!e) return <rect key={o} x={x} y={cy} width={l.cellW - 3} height={ch} rx={2} className="fill-none stroke-line" strokeDasharray="2 2" />;
                const committed = o < r.hw;
                if (c) {
                  const isLost = lost.has(e.id);
                  return (
                    <rect key={o} x={x} y={cy} width={l.cellW - 3} height={ch} rx={1.5} className={isLost ? 'fill-lost stroke-lost' : focus.has(e.id) ? 'fill-accent stroke-accent' : committed ? 'fill-broker stroke-broker' : 'fill-surface stroke-broker'} strokeWidth={1} />
                  );
                }
                return <Chip key={o} x={x} y={cy} w={l.cellW - 3} h={ch} id={e.id} kind={committed ? 'record' : 'uncommitted'} lost={lost.has(e.id)} active={focus.has(e.id)} />;
              })}
              {/* HW mark at the offset boundary of this replica's own view. */}
              {r.hw >= from && r.hw <= to && (
                <line x1={(c ? laneX + 24 : laneX) + (r.hw - from) * l.cellW - 1.5} x2={(c ? laneX + 24 : laneX) + (r.hw - from) * l.cellW - 1.5} y1={cy - 3} y2={cy + ch + 3} className="stroke-acked" strokeWidth={2.5} data-hw={r.hw} />
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

export function KafkaView({ world, record, lost, t, d, width }: ViewProps & { d: KafkaState }) {
  const k = t.view.kafka;
  const groups = groupsOf(d);
  const lines = groupLines(groups);
  // The layout depends only on the topology and the width: keep one object across steps so memoised rows can
  // compare it by reference.
  const shape = `${d.brokerOrder.join(',')}|${d.partitionOrder.join(',')}|${Object.keys(d.producers).join(',')}|${Object.keys(d.consumers).join(',')}|${lines}|${width}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const l = useMemo(() => kafkaLayout(d, width, lines), [shape]);
  const fl = flights(world);
  const active = new Set(record?.nodes ?? []);
  const focus = new Set(record?.messages ?? []);
  const lostKey = [...lost].join(',');
  const brokersDown = Object.fromEntries(d.brokerOrder.map((b) => [b, d.brokers[b].state !== 'RUNNING']));
  const ctl = d.controller;
  const clientBox = (r: Rect, id: string, cls: string, dashed = false) => (
    <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} className={active.has(id) ? 'fill-surface stroke-accent' : `fill-surface ${cls}`} strokeWidth={active.has(id) ? 3 : 1.5} strokeDasharray={dashed ? '4 3' : undefined} />
  );
  const bottomOf = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h });
  const stubs = [
    ...Object.values(l.producers).map(bottomOf),
    ...Object.values(l.consumers).map(bottomOf),
    bottomOf(l.controller),
    ...Object.values(l.brokers).map((r) => ({ x: r.x + r.w / 2, y: r.y })),
  ];
  const hwOf = (tp: string) => {
    const p = d.partitions[tp];
    return p?.leader ? (p.replicaStates[p.leader]?.hw ?? 0) : 0;
  };
  const groupChars = charsFor(l.width - 40, FONT.detail);
  // First line of each group in the panel: a header line, then one per member.
  const firstLine = groups.reduce<number[]>((acc, g, i) => [...acc, i === 0 ? 0 : acc[i - 1] + 1 + Object.keys(groups[i - 1].members).length], []);
  return (
    <>
      <svg width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} className="block max-w-none" role="img" aria-label={`${k.title}: ${d.brokerOrder.join(', ')}; ${d.partitionOrder.length} ${k.partition}. ${fill(t.view.inFlight, { n: fl.length })}`} data-testid="view-kafka">
        <Defs />
        <BusLine bus={l.bus} x0={8} x1={l.width - 8} stubs={stubs} />
        {Object.values(d.producers).map((p) => {
          const r = l.producers[p.id];
          return (
            <g key={p.id} data-entity={p.id}>
              {clientBox(r, p.id, 'stroke-producer')}
              <BoxText r={r} name={`${fill(k.producer, { id: p.id })}${p.pid >= 0 ? ` · pid ${p.pid}` : ''}`} nameCls="fill-producer" />
              <BoxLine r={r} dy={37} text={fill(k.inflightReq, { ids: p.inFlight.map((f) => `${f.record.id}${f.record.attempts > 1 ? `×${f.record.attempts}` : ''}`).join(',') || '—' })} />
              <BoxLine r={r} dy={54} cls="fill-ink-muted" text={fill(k.queued, { ids: p.queue.map((q) => q.id).join(',') || '—' })} />
            </g>
          );
        })}
        {Object.values(d.consumers).map((c) => {
          const r = l.consumers[c.id];
          return (
            <g key={c.id} data-entity={c.id}>
              {clientBox(r, c.id, 'stroke-consumer', !c.polling)}
              <BoxText r={r} name={fill(k.consumer, { id: c.id })} nameCls="fill-consumer" mark={c.polling ? <MarkShape kind="rebalance" size={12} /> : undefined} />
              <BoxLine r={r} dy={37} text={c.assignment.map((tp) => `${tp}@${c.positions[tp] ?? '?'}`).join(' ') || '—'} />
              <BoxLine r={r} dy={54} cls="fill-ink-muted" text={c.assignment.map((tp) => `${tp}: ${fill(k.lag, { n: Math.max(0, hwOf(tp) - (c.positions[tp] ?? 0)) })}`).join(' ') || '—'} />
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
        {groups.length > 0 && (
          <g data-testid="kafka-groups">
            {groups.map((g, gi) => {
              const y0 = l.groupsY + 14 + firstLine[gi] * KAFKA.groupLine;
              return (
                <g key={g.id} data-group={g.id} data-group-state={g.state}>
                  <MarkShape kind="rebalance" x={14} y={y0 - 4} size={12} />
                  <text x={26} y={y0} fontSize={13} className="fill-consumer font-semibold">
                    {clip(`${fill(k.group, { id: g.id })}: ${g.state} · ${fill(k.generation, { n: g.generation })}${g.protocol ? ` · ${g.protocol}` : ''} · coordinator ${g.coordinator}${g.leader ? ` · leader ${g.leader}` : ''}`, groupChars)}
                  </text>
                  {g.memberOrder.map((m, i) => {
                    const mem = g.members[m];
                    if (!mem) return null;
                    const parts = mem.assignment.map((tp) => `${tp} (committed ${g.committed[tp] ?? '—'}, ${fill(k.lag, { n: Math.max(0, hwOf(tp) - (g.committed[tp] ?? 0)) })})`);
                    return (
                      <text key={m} x={26} y={y0 + KAFKA.groupLine * (i + 1)} fontSize={FONT.detail} className="fill-ink">
                        {clip(`${m}${mem.instanceId ? ` [${mem.instanceId}]` : ''}${mem.awaitingJoin ? ' · JoinGroup…' : mem.awaitingSync ? ' · SyncGroup…' : ''} → ${parts.join(', ') || '—'}`, groupChars)}
                      </text>
                    );
                  })}
                </g>
              );
            })}
          </g>
        )}
        <Flights flights={fl} at={kafkaAnchors(l, ctl.node)} bus={l.bus} lost={lost} />
      </svg>
      <ViewLegend
        title={t.view.legend}
        items={[
          { mark: 'leader', label: k.legendLeader },
          { mark: 'in-isr', label: k.legendInIsr },
          { mark: 'out-isr', label: k.legendOutIsr },
          { swatch: 'hw-line', label: k.legendHw },
          { swatch: 'dotted', label: k.legendUncommitted },
          { swatch: 'lost-chip', label: k.legendLost },
        ]}
      />
    </>
  );
}
