import { memo, useId } from 'react';
import type { MessageFate, Report } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import type { SimStrings } from '@/lib/i18n/sim';
import { Icon, Mark, type MarkKind } from './icons';

type Verdict = 'lost' | 'duplicated' | 'reordered' | 'dead' | 'error' | 'ok';

function verdict(m: MessageFate, r: Report): Verdict {
  if (r.lost.includes(m.id)) return 'lost';
  if (r.duplicated.includes(m.id)) return 'duplicated';
  if (r.reordered.includes(m.id)) return 'reordered';
  if (m.deadLettered) return 'dead';
  if (m.acked === false) return 'error';
  return 'ok';
}

const STYLE: Record<Verdict, { mark: MarkKind; cls: string }> = {
  lost: { mark: 'loss', cls: 'text-lost font-semibold' },
  duplicated: { mark: 'duplicate', cls: 'text-duplicated font-semibold' },
  reordered: { mark: 'reordered', cls: 'text-reordered font-semibold' },
  dead: { mark: 'dead-letter', cls: 'text-dead-lettered' },
  error: { mark: 'error', cls: 'text-lost' },
  ok: { mark: 'ok', cls: 'text-acked' },
};

/**
 * Jepsen-style outcome of the whole run (with the learner's faults): counts, ids and a per-message table. Memoised:
 * it changes only with the timeline and the reveal, not with the step. Predict-first: until `revealed` (the learner
 * reached the end, jumped to the key moment or pressed "Reveal"), only a prompt and the reveal button show.
 */
export const OutcomePanel = memo(function OutcomePanel({
  t,
  report,
  lossAt,
  revealed,
  onReveal,
  onJump,
}: {
  t: SimStrings;
  report: Report;
  lossAt: number | null;
  revealed: boolean;
  onReveal: () => void;
  onJump: () => void;
}) {
  const o = t.outcome;
  const acked = report.messages.filter((m) => m.acked === true).map((m) => m.id);
  const stored = report.messages.filter((m) => m.stored).map((m) => m.id);
  const dead = report.messages.filter((m) => m.deadLettered).map((m) => m.id);
  const counts: { key: string; label: string; ids: string[]; cls: string; mark: MarkKind }[] = [
    { key: 'acked', label: o.acked, ids: acked, cls: 'text-acked', mark: 'ok' },
    { key: 'stored', label: o.stored, ids: stored, cls: 'text-ink', mark: 'stored' },
    { key: 'lost', label: o.lost, ids: report.lost, cls: 'text-lost', mark: 'loss' },
    { key: 'duplicated', label: o.duplicated, ids: report.duplicated, cls: 'text-duplicated', mark: 'duplicate' },
    { key: 'reordered', label: o.reordered, ids: report.reordered, cls: 'text-reordered', mark: 'reordered' },
    { key: 'dead', label: o.deadLettered, ids: dead, cls: 'text-dead-lettered', mark: 'dead-letter' },
  ];
  const fate = (m: MessageFate) => {
    const v = verdict(m, report);
    if (v === 'lost') return o.fateLost;
    if (v === 'duplicated') return o.fateDuplicated;
    if (v === 'reordered') return o.fateReordered;
    if (v === 'dead') return fill(o.fateDead, { reason: m.deadLettered ?? '' });
    if (v === 'error') return fill(o.fateError, { error: m.error ?? '' });
    return o.fateOk;
  };
  const yn = (v: boolean | null) => (v === null ? o.unknown : v ? o.yes : o.no);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-line p-3" data-testid="outcome" data-revealed={revealed}>
      <h3 id={titleId} className="text-sm font-semibold">
        {o.title}
      </h3>
      {!revealed ? (
        <div>
          <p className="mt-1 text-sm">{o.hidden}</p>
          <button type="button" onClick={onReveal} className="mt-2 inline-flex items-center gap-1.5 rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-muted" data-testid="reveal">
            <Icon name="eye" />
            {o.reveal}
          </button>
        </div>
      ) : (
      <>
      <p className="text-xs text-ink-muted">{o.note}</p>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {counts.map((c) => (
          <div key={c.key} data-testid={`outcome-${c.key}`}>
            <dt className={`inline-flex items-center gap-1 ${c.cls}`}>
              <Mark kind={c.mark} />
              {c.label}: <span className="font-mono">{c.ids.length}</span>
            </dt>
            <dd className="truncate font-mono text-xs text-ink-muted" title={c.ids.join(', ')}>
              {c.ids.length ? c.ids.join(', ') : o.none}
            </dd>
          </div>
        ))}
      </dl>
      {report.lost.length > 0 && lossAt !== null && (
        <button type="button" onClick={onJump} className="mt-2 inline-flex items-center gap-1.5 rounded-md border border-lost px-2 py-1 text-sm">
          <Mark kind="loss" />
          {o.showLost}: {report.lost.join(', ')}
        </button>
      )}
      <div className="mt-2 max-h-56 overflow-y-auto">
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pe-2">{o.message}</th>
              <th scope="col" className="py-1 pe-2">{o.ackedCol}</th>
              <th scope="col" className="py-1 pe-2">{o.storedCol}</th>
              <th scope="col" className="py-1 pe-2">{o.processedCol}</th>
              <th scope="col" className="py-1">{o.fateCol}</th>
            </tr>
          </thead>
          <tbody>
            {report.messages.map((m) => {
              const v = verdict(m, report);
              return (
                <tr key={m.id} className="border-b border-line/50" data-fate={v} data-message={m.id}>
                  <th scope="row" className="py-0.5 pe-2 font-mono">{m.id}</th>
                  <td className="pe-2">{yn(m.acked)}</td>
                  <td className="pe-2">{yn(m.stored)}</td>
                  <td className="pe-2 font-mono">{m.processed}</td>
                  <td className={STYLE[v].cls}>
                    <span className="inline-flex items-center gap-1">
                      <Mark kind={STYLE[v].mark} />
                      {fate(m)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      </>
      )}
    </section>
  );
});
