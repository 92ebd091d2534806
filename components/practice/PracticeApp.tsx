'use client';
/**
 * The practice island: filters → a seeded session → one item at a time with immediate feedback → a summary of what
 * to review. The first check of each item counts (recorded as an attempt, which feeds accuracy and weak spots).
 * `?item={key}` (from a lesson's predict item) starts a one-item session on that item.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Track } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';
import type { PracticeData, PracticeItem } from '@/lib/practice/data';
import { buildSession, filterItems, type SessionFilter } from '@/lib/practice/session';
import { now, update, useProgress } from '@/lib/progress/client';
import { recordAttempt } from '@/lib/progress/ops';
import { weakItems } from '@/lib/progress/stats';
import { DataGate, Field, StorageNotice, usePracticeData } from './common';
import { ItemView } from './ItemView';

export interface PracticeStrings {
  practice: Dictionary['practice'];
  common: Dictionary['practiceCommon'];
  quiz: Dictionary['quiz'];
  /** Track titles, in the site's track order (the filter lists them in this order). */
  tracks: Record<Track, string>;
}

type Phase = { name: 'setup' } | { name: 'session'; items: PracticeItem[]; index: number } | { name: 'summary'; items: PracticeItem[] };

const SIZES = [5, 10, 20] as const;
const field = 'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2';

export function PracticeApp({ locale, strings, progressHref }: { locale: string; strings: PracticeStrings; progressHref: string }) {
  const data = usePracticeData(locale);
  const progress = useProgress();
  const [filter, setFilter] = useState<Omit<SessionFilter, 'only'> & { weak: boolean }>({ track: null, lesson: null, difficulty: null, weak: false });
  const [size, setSize] = useState<number | null>(10);
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  const [results, setResults] = useState<Record<string, boolean>>({});
  const heading = useRef<HTMLHeadingElement>(null);

  const ready = data.status === 'ready' ? data.data : null;
  const weak = useMemo(() => (progress ? weakItems(progress.progress) : new Set<string>()), [progress]);
  const sessionFilter: SessionFilter = { track: filter.track, lesson: filter.lesson, difficulty: filter.difficulty, only: filter.weak ? weak : null };
  const matching = ready ? filterItems(ready.items, sessionFilter).length : 0;

  // A lesson's predict item links here with ?item=; start on it once the data is in (after mount: reads the URL).
  useEffect(() => {
    if (!ready) return;
    const key = new URLSearchParams(window.location.search).get('item');
    const item = key ? ready.items.find((x) => x.key === key) : undefined;
    if (item) start([item]);
  }, [ready]);

  // Focus the item heading when moving on, so keyboard and screen-reader users land on the new question.
  useEffect(() => {
    if (phase.name !== 'setup') heading.current?.focus();
  }, [phase]);

  function start(items: PracticeItem[]) {
    setResults({});
    setPhase({ name: 'session', items, index: 0 });
  }

  const record = (x: PracticeItem) => (correct: boolean) => {
    if (x.key in results) return;
    setResults((r) => ({ ...r, [x.key]: correct }));
    update((p, at) => recordAttempt(p, { item: x.key, correct, at, via: 'practice' }));
  };

  return (
    <div className="mt-6 space-y-6">
      <StorageNotice state={progress} strings={strings.common} progressHref={progressHref} />
      <DataGate state={data} strings={strings.common} />
      {ready && phase.name === 'setup' ? (
        <Setup
          data={ready}
          strings={strings}
          filter={filter}
          setFilter={setFilter}
          size={size}
          setSize={setSize}
          matching={matching}
          onStart={() => start(buildSession(ready.items, sessionFilter, size, String(now())))}
        />
      ) : null}
      {ready && phase.name === 'session' ? (
        <Session
          data={ready}
          phase={phase}
          strings={strings}
          heading={heading}
          answered={phase.items[phase.index].key in results}
          onResult={record(phase.items[phase.index])}
          onNext={() =>
            setPhase(phase.index + 1 < phase.items.length ? { ...phase, index: phase.index + 1 } : { name: 'summary', items: phase.items })
          }
        />
      ) : null}
      {ready && phase.name === 'summary' ? (
        <Summary
          data={ready}
          items={phase.items}
          results={results}
          strings={strings}
          heading={heading}
          onAgain={(items) => start(items)}
          onNew={() => setPhase({ name: 'setup' })}
        />
      ) : null}
    </div>
  );
}

function Setup({
  data,
  strings,
  filter,
  setFilter,
  size,
  setSize,
  matching,
  onStart,
}: {
  data: PracticeData;
  strings: PracticeStrings;
  filter: Omit<SessionFilter, 'only'> & { weak: boolean };
  setFilter: (f: Omit<SessionFilter, 'only'> & { weak: boolean }) => void;
  size: number | null;
  setSize: (n: number | null) => void;
  matching: number;
  onStart: () => void;
}) {
  const t = strings.practice;
  const lessons = data.lessons.filter((l) => filter.track === null || l.track === filter.track);
  return (
    <form
      className="max-w-xl space-y-4 rounded-xl border border-line p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (matching > 0) onStart();
      }}
    >
      <Field label={strings.common.track}>
        {(id) => (
          <select id={id}
            className={field}
            value={filter.track ?? ''}
            onChange={(e) => setFilter({ ...filter, track: (e.target.value || null) as Track | null, lesson: null })}
          >
            <option value="">{strings.common.allTracks}</option>
            {(Object.keys(strings.tracks) as Track[]).map((tr) => (
              <option key={tr} value={tr}>
                {strings.tracks[tr]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.topic}>
        {(id) => (
          <select id={id} className={field} value={filter.lesson ?? ''} onChange={(e) => setFilter({ ...filter, lesson: e.target.value || null })}>
            <option value="">{t.allTopics}</option>
            {lessons.map((l) => (
              <option key={l.key} value={l.key}>
                {l.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.difficulty}>
        {(id) => (
          <select id={id}
            className={field}
            value={filter.difficulty ?? ''}
            onChange={(e) => setFilter({ ...filter, difficulty: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : null })}
          >
            <option value="">{t.anyDifficulty}</option>
            {([1, 2, 3] as const).map((d) => (
              <option key={d} value={d}>
                {t.difficulties[d]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1.5 size-4 accent-accent" checked={filter.weak} onChange={(e) => setFilter({ ...filter, weak: e.target.checked })} />
        <span>{t.weak}</span>
      </label>
      <Field label={t.size}>
        {(id) => (
          <select id={id} className={field} value={size ?? 'all'} onChange={(e) => setSize(e.target.value === 'all' ? null : Number(e.target.value))}>
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            <option value="all">{t.all}</option>
          </select>
        )}
      </Field>
      <p role="status" data-testid="matching">
        {matching > 0 ? fill(t.matching, { n: matching }) : t.noneMatching}
      </p>
      <button type="submit" disabled={matching === 0} className="rounded-md bg-accent px-4 py-2 font-medium text-surface disabled:opacity-50">
        {t.start}
      </button>
    </form>
  );
}

function Session({
  data,
  phase,
  strings,
  heading,
  answered,
  onResult,
  onNext,
}: {
  data: PracticeData;
  phase: Extract<Phase, { name: 'session' }>;
  strings: PracticeStrings;
  heading: React.RefObject<HTMLHeadingElement | null>;
  answered: boolean;
  onResult: (correct: boolean) => void;
  onNext: () => void;
}) {
  const t = strings.practice;
  const x = phase.items[phase.index];
  const last = phase.index + 1 === phase.items.length;
  const lesson = data.lessons.find((l) => l.key === x.lesson);
  return (
    <section aria-labelledby="practice-item" className="rounded-xl border border-line p-5" data-testid="practice-item" data-kind={x.item.kind}>
      <h2 id="practice-item" ref={heading} tabIndex={-1} className="text-sm text-ink-muted outline-none">
        {fill(t.progress, { n: phase.index + 1, total: phase.items.length })}
        {lesson ? ` · ${fill(t.lessonOf, { title: lesson.title })}` : ''}
      </h2>
      <div className="mt-3">
        <ItemView
          key={x.key}
          x={x}
          strings={strings.quiz}
          onResult={onResult}
          scenario={x.item.kind === 'predict' ? data.scenarios[x.item.scenario] : undefined}
          watchLabel={t.watch}
        />
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button type="button" onClick={onNext} disabled={!answered} className="rounded-md border border-line px-4 py-2 font-medium disabled:opacity-50">
          {last ? t.finish : t.next}
        </button>
        {answered ? null : <span className="text-sm text-ink-muted">{t.answerFirst}</span>}
      </div>
    </section>
  );
}

function Summary({
  data,
  items,
  results,
  strings,
  heading,
  onAgain,
  onNew,
}: {
  data: PracticeData;
  items: PracticeItem[];
  results: Record<string, boolean>;
  strings: PracticeStrings;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onAgain: (items: PracticeItem[]) => void;
  onNew: () => void;
}) {
  const t = strings.practice;
  const missed = items.filter((x) => results[x.key] !== true);
  const title = (key: string) => data.lessons.find((l) => l.key === key)?.title ?? key;
  return (
    <section aria-labelledby="practice-summary" className="rounded-xl border border-line p-5" data-testid="practice-summary">
      <h2 id="practice-summary" ref={heading} tabIndex={-1} className="text-2xl font-bold outline-none">
        {t.summaryTitle}
      </h2>
      <p className="mt-2 text-lg" data-testid="score">
        {fill(t.score, { n: items.length - missed.length, total: items.length })}
      </p>
      {missed.length === 0 ? (
        <p className="mt-2">{t.allRight}</p>
      ) : (
        <>
          <h3 className="mt-4 font-semibold">{t.toReview}</h3>
          <ul className="mt-2 list-disc space-y-1 ps-6" data-testid="to-review">
            {missed.map((x) => (
              <li key={x.key}>
                <a className="link" href={x.href}>
                  {x.item.prompt}
                </a>{' '}
                <span className="text-sm text-ink-muted">({title(x.lesson)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {missed.length > 0 ? (
          <button type="button" onClick={() => onAgain(missed)} className="rounded-md bg-accent px-4 py-2 font-medium text-surface">
            {t.again}
          </button>
        ) : null}
        <button type="button" onClick={onNew} className="rounded-md border border-line px-4 py-2 font-medium">
          {t.newSession}
        </button>
      </div>
    </section>
  );
}
