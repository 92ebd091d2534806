'use client';
/**
 * The progress island: totals, per-track bars, charts, export / import (validated, previewed, merge or replace),
 * clearing, and the backups of data that could not be read (download or delete, only on the learner's request).
 */
import { useId, useState } from 'react';
import type { Track } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';
import { deleteBackup, update, useProgress } from '@/lib/progress/client';
import { dayKey } from '@/lib/progress/keys';
import { emptyProgress, planImport, type ImportMode, type ProgressSummary } from '@/lib/progress/ops';
import type { Backup } from '@/lib/progress/storage';
import type { Progress } from '@/lib/progress/schema';
import { accuracy, accuracyByDay, isCovered, lessonRatios, streak, type QuestionRef } from '@/lib/progress/stats';
import { AccuracyChart, CoverageChart } from './charts';

export interface ProgressStrings {
  progress: Dictionary['progress'];
  tracks: Record<Track, string>;
  loading: string;
  notSaved: string;
}

export interface ProgressPageData {
  tracks: { track: Track; lessons: string[] }[];
  questions: (QuestionRef & { track: Track })[];
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const pct = (n: number, total: number) => (total === 0 ? '—' : `${Math.round((n / total) * 100)}%`);
const card = 'rounded-xl border border-line p-4';

export function ProgressApp({ locale, strings, data }: { locale: string; strings: ProgressStrings; data: ProgressPageData }) {
  const t = strings.progress;
  const state = useProgress();
  const ids = { acc: useId(), cov: useId() };
  if (!state)
    return (
      <p role="status" className="mt-6 text-ink-muted">
        {strings.loading}
      </p>
    );
  const p = state.progress;
  const allLessons = data.tracks.flatMap((x) => x.lessons);
  const totals = lessonRatios(p, allLessons);
  const acc = accuracy(p.attempts);
  const st = streak(p.days, state.now);
  const reviewed = Object.values(p.cards).filter((c) => c.reps > 0).length;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const coverage = data.tracks.map(({ track }) => {
    const qs = data.questions.filter((q) => q.track === track);
    return { label: strings.tracks[track], n: qs.filter((q) => isCovered(p, q)).length, total: qs.length };
  });

  return (
    <div className="mt-6 space-y-10">
      {state.writable ? null : (
        <p role="alert" className="panel [--panel:var(--color-lost)]">
          {strings.notSaved}
        </p>
      )}
      <Backups state={state.backups} strings={t} format={(ms) => when.format(ms)} />

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="totals">
        <div className={card}>
          <dt className="text-sm text-ink-muted">{t.lessonsRead}</dt>
          <dd className="text-2xl font-bold" data-testid="lessons-read">{`${totals.read.n} / ${totals.read.total}`}</dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-ink-muted">{t.lessonsCompleted}</dt>
          <dd className="text-2xl font-bold" data-testid="lessons-completed">{`${totals.completed.n} / ${totals.completed.total}`}</dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-ink-muted">{t.accuracy}</dt>
          <dd className="text-2xl font-bold" data-testid="accuracy">
            {pct(acc.n, acc.total)} <span className="text-base font-normal text-ink-muted">{`(${acc.n}/${acc.total})`}</span>
          </dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-ink-muted">{t.streak}</dt>
          <dd className="text-2xl font-bold" data-testid="streak">
            {fill(t.streakValue, { n: st.current, longest: st.longest })}
          </dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-ink-muted">{t.cards}</dt>
          <dd className="text-2xl font-bold" data-testid="cards-reviewed">
            {reviewed}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="per-track">
        <h2 id="per-track" className="text-xl font-semibold">
          {t.perTrack}
        </h2>
        <ul className="mt-3 space-y-4">
          {data.tracks.map(({ track, lessons }) => {
            const r = lessonRatios(p, lessons);
            return (
              <li key={track} data-track={track}>
                <p className="font-medium">{strings.tracks[track]}</p>
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <Bar label={`${strings.tracks[track]}: ${fill(t.readOf, { ...r.read })}`} text={fill(t.readOf, { ...r.read })} {...r.read} />
                  <Bar label={`${strings.tracks[track]}: ${fill(t.completedOf, { ...r.completed })}`} text={fill(t.completedOf, { ...r.completed })} {...r.completed} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby={ids.acc}>
        <h2 id={ids.acc} className="text-xl font-semibold">
          {t.accuracyChart}
        </h2>
        {p.attempts.length === 0 ? <p className="mt-2 text-ink-muted">{t.noAttempts}</p> : null}
        <AccuracyChart series={accuracyByDay(p.attempts, state.now, 30)} title={t.accuracyChart} desc={t.accuracyChartDesc} labelledBy={ids.acc} />
      </section>

      <section aria-labelledby={ids.cov}>
        <h2 id={ids.cov} className="text-xl font-semibold">
          {t.coverageChart}
        </h2>
        <p className="mt-1 text-ink-muted">{t.coverageChartDesc}</p>
        <CoverageChart rows={coverage} title={t.coverageChart} desc={t.coverageChartDesc} template={t.coverageOf} labelledBy={ids.cov} />
      </section>

      <ExportImport progress={p} strings={t} />
    </div>
  );
}

function Bar({ label, text, n, total }: { label: string; text: string; n: number; total: number }) {
  return (
    <div className="mt-1">
      <meter className="h-3 w-full" min={0} max={Math.max(total, 1)} value={n} aria-label={label}>
        {text}
      </meter>
      <p className="text-sm text-ink-muted">{text}</p>
    </div>
  );
}

function Backups({ state, strings, format }: { state: Backup[]; strings: Dictionary['progress']; format: (ms: number) => string }) {
  if (state.length === 0) return null;
  return (
    <section aria-labelledby="backups" role="alert" className="panel [--panel:var(--color-lost)]" data-testid="backups">
      <h2 id="backups" className="text-lg font-semibold">
        {strings.backupsHeading}
      </h2>
      <p className="mt-1">{strings.backupsIntro}</p>
      <ul className="mt-3 space-y-3">
        {state.map((b) => (
          <li key={b.key} data-backup={b.key}>
            <p>
              <span className="font-medium">{strings.backupReason[b.reason]}</span> · {fill(strings.backupSaved, { when: format(b.savedAt) })}
              {b.detail ? <span className="block text-sm text-ink-muted">{b.detail}</span> : null}
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              <button type="button" className="rounded-md border border-line px-3 py-1" onClick={() => download(`mq-lab-${b.key}.json`, b.raw)}>
                {strings.download}
              </button>
              <button type="button" className="rounded-md border border-line px-3 py-1" onClick={() => deleteBackup(b.key)}>
                {strings.deleteBackup}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

type ImportState = { status: 'idle' } | { status: 'invalid'; detail: string } | { status: 'preview'; incoming: Progress } | { status: 'done' } | { status: 'cleared' };

function ExportImport({ progress, strings }: { progress: Progress; strings: Dictionary['progress'] }) {
  const [imp, setImp] = useState<ImportState>({ status: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [confirmClear, setConfirmClear] = useState(false);
  const fileId = useId();
  const plan = imp.status === 'preview' ? planImport(progress, imp.incoming, mode) : null;
  const rows = Object.keys(strings.rows) as (keyof ProgressSummary)[];

  return (
    <section aria-labelledby="export-import" className="space-y-4">
      <h2 id="export-import" className="text-xl font-semibold">
        {strings.exportHeading}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="rounded-md bg-accent px-4 py-2 font-medium text-surface"
          data-testid="export"
          onClick={() => download(`mq-lab-progress-${dayKey(Date.now())}.json`, JSON.stringify(progress, null, 2))}
        >
          {strings.export}
        </button>
        <label htmlFor={fileId} className="font-medium">
          {strings.import}
        </label>
        <input
          id={fileId}
          type="file"
          className="max-w-full"
          accept="application/json,.json"
          data-testid="import-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            // The validator is loaded on demand (it is not part of the page's initial JavaScript).
            const { decodeProgress } = await import('@/lib/progress/migrate');
            const decoded = decodeProgress(await file.text());
            setImp(decoded.ok ? { status: 'preview', incoming: decoded.progress } : { status: 'invalid', detail: decoded.detail });
          }}
        />
      </div>
      <div role="status">
        {imp.status === 'invalid' ? <p data-testid="import-invalid">{fill(strings.importInvalid, { detail: imp.detail })}</p> : null}
        {imp.status === 'done' ? <p>{strings.imported}</p> : null}
        {imp.status === 'cleared' ? <p>{strings.cleared}</p> : null}
      </div>
      {plan ? (
        <div className="rounded-xl border border-line p-4" data-testid="import-preview">
          <h3 className="font-semibold">{strings.preview}</h3>
          <fieldset className="mt-2">
            <legend>{strings.mode}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} className="mt-1 flex items-start gap-2">
                <input type="radio" name="import-mode" className="mt-1.5 size-4 accent-accent" checked={mode === m} onChange={() => setMode(m)} />
                <span>{strings[m]}</span>
              </label>
            ))}
          </fieldset>
          <table className="mt-3 text-sm">
            <thead>
              <tr>
                <th scope="col" className="pe-4 text-start">{strings.colWhat}</th>
                <th scope="col" className="pe-4 text-start">{strings.colBefore}</th>
                <th scope="col" className="text-start">{strings.colAfter}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r} data-row={r}>
                  <th scope="row" className="pe-4 text-start font-normal">{strings.rows[r]}</th>
                  <td className="pe-4">{plan.before[r]}</td>
                  <td className={plan.after[r] === plan.before[r] ? '' : 'font-semibold'}>{plan.after[r]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              className="rounded-md bg-accent px-4 py-2 font-medium text-surface"
              onClick={() => {
                update(() => plan.next);
                setImp({ status: 'done' });
              }}
            >
              {strings.apply}
            </button>
            <button type="button" className="rounded-md border border-line px-4 py-2" onClick={() => setImp({ status: 'idle' })}>
              {strings.cancel}
            </button>
          </div>
        </div>
      ) : null}
      <div>
        {confirmClear ? (
          <div className="flex flex-wrap items-center gap-2">
            <span>{strings.clearConfirm}</span>
            <button
              type="button"
              className="rounded-md border border-lost px-3 py-1 font-medium text-lost"
              onClick={() => {
                update(() => emptyProgress());
                setConfirmClear(false);
                setImp({ status: 'cleared' });
              }}
            >
              {strings.clearYes}
            </button>
            <button type="button" className="rounded-md border border-line px-3 py-1" onClick={() => setConfirmClear(false)}>
              {strings.cancel}
            </button>
          </div>
        ) : (
          <button type="button" className="rounded-md border border-line px-3 py-1" onClick={() => setConfirmClear(true)}>
            {strings.clear}
          </button>
        )}
      </div>
    </section>
  );
}
