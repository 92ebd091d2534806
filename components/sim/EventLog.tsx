'use client';

import { useEffect, useId, useMemo, useRef } from 'react';
import type { Timeline } from '@/simulator';
import type { ScenarioBase } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import type { SimLocale, SimStrings } from '@/lib/i18n/sim';
import { foldBackground, rowOf, type LogRow } from '@/lib/sim/session';
import { lessonUrl } from '@/lib/sim/paths';
import { Mark } from './icons';

/** Rows shown on each side of the current one: the log is windowed so long runs stay cheap to render. */
const WINDOW = 20;

/**
 * The engine's narration, one button per event (it seeks to just after that event). Runs of background events are
 * folded into one row unless the cursor is inside them, so stepping stays exact while the log stays readable.
 */
export function EventLog({
  t,
  locale,
  timeline,
  narrationOf,
  step,
  lessons,
  revealed,
  onSeek,
}: {
  t: SimStrings;
  locale: SimLocale;
  timeline: Timeline<ScenarioBase, unknown>;
  /** The narration of event i in the page's locale (from the build's data or the narration code). */
  narrationOf: (i: number) => string;
  step: number;
  lessons: string[];
  /** Whether the outcome is revealed (predict-first): until then loss events carry no mark. */
  revealed: boolean;
  onSeek: (step: number) => void;
}) {
  const rows = useMemo(() => foldBackground(timeline.records), [timeline]);
  const current = step > 0 ? step - 1 : -1;
  const at = current >= 0 ? rowOf(rows, current) : 0;
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(rows.length, at + WINDOW + 1);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const list = listRef.current;
    // Scroll the list itself (never the page) so the current entry stays visible.
    if (el && list) list.scrollTop = Math.max(0, el.offsetTop - list.offsetTop - list.clientHeight / 3);
  }, [step]);

  const expand = (r: LogRow): number[] => (r.kind === 'event' ? [r.i] : current >= r.from && current <= r.to ? range(r.from, r.to) : []);

  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="flex w-full min-w-0 flex-col rounded-md border border-line">
      <h3 id={titleId} className="border-b border-line px-3 py-2 text-sm font-semibold">
        {t.log.title}
      </h3>
      {lessons.length > 0 && (
        <p className="border-b border-line px-3 py-1 text-xs">
          {t.log.lesson}:{' '}
          {lessons.map((l, k) => (
            <span key={l}>
              {k > 0 && ', '}
              <a className="link" href={lessonUrl(locale, l)}>
                {l}
              </a>
            </span>
          ))}
        </p>
      )}
      <ol ref={listRef} className="max-h-[28rem] min-h-0 flex-1 overflow-y-auto p-1 text-sm lg:max-h-none" data-testid="event-log">
        {from > 0 && <li className="px-2 py-1 text-xs text-ink-muted">{fill(t.log.earlier, { n: countEvents(rows, 0, from) })}</li>}
        {rows.slice(from, to).map((r) => {
          const shown = expand(r);
          if (shown.length === 0 && r.kind === 'fold') {
            return (
              <li key={`f${r.from}`}>
                <button type="button" onClick={() => onSeek(r.to + 1)} className="w-full rounded px-2 py-1 text-left text-xs text-ink-muted hover:bg-surface-muted">
                  <Mark kind="more" className="me-1" />
                  {fill(t.log.folded, { n: r.to - r.from + 1 })}
                </button>
              </li>
            );
          }
          return shown.map((i) => {
            const rec = timeline.records[i];
            const isCurrent = i === current;
            return (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => onSeek(i + 1)}
                  aria-current={isCurrent ? 'step' : undefined}
                  className={`w-full rounded px-2 py-1 text-left ${isCurrent ? 'bg-surface-muted font-medium outline outline-2 outline-accent' : 'hover:bg-surface-muted'} ${rec.bg ? 'text-ink-muted' : ''}`}
                >
                  <span className="me-1 font-mono text-xs text-ink-muted">#{i + 1}</span>
                  {revealed && rec.markers?.includes('loss') && <Mark kind="loss" className="me-1" />}
                  {narrationOf(i)}
                </button>
              </li>
            );
          });
        })}
        {to < rows.length && <li className="px-2 py-1 text-xs text-ink-muted">{fill(t.log.later, { n: countEvents(rows, to, rows.length) })}</li>}
      </ol>
    </section>
  );
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

function countEvents(rows: LogRow[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const r = rows[k];
    n += r.kind === 'event' ? 1 : r.to - r.from + 1;
  }
  return n;
}
