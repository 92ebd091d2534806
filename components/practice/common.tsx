'use client';
/**
 * Pieces shared by the practice, review, interview and progress islands: the practice data fetch (one static JSON per
 * locale, cached by the browser and by this module), the storage-problem notice, and the Again/Hard/Good/Easy bar.
 * Nothing here touches the browser at module scope or during render.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import type { Dictionary } from '@/lib/i18n/zh';
import type { PracticeData } from '@/lib/practice/data';
import type { ProgressState } from '@/lib/progress/client';
import type { Grade } from '@/lib/progress/schema';

export type CommonStrings = Dictionary['practiceCommon'];

const cache = new Map<string, Promise<PracticeData>>();

function fetchData(locale: string): Promise<PracticeData> {
  let p = cache.get(locale);
  if (!p) {
    p = fetch(`/${locale}/practice/items.json`).then((r) => {
      if (!r.ok) throw new Error(`items.json: HTTP ${r.status}`);
      return r.json() as Promise<PracticeData>;
    });
    // A failed fetch must not stick: the retry button fetches again.
    p.catch(() => cache.delete(locale));
    cache.set(locale, p);
  }
  return p;
}

export type DataState = { status: 'loading' } | { status: 'failed'; retry: () => void } | { status: 'ready'; data: PracticeData };

export function usePracticeData(locale: string): DataState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DataState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetchData(locale).then(
      (data) => live && setState({ status: 'ready', data }),
      () => live && setState({ status: 'failed', retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [locale, attempt]);
  return state;
}

export function DataGate({ state, strings }: { state: DataState; strings: CommonStrings }) {
  if (state.status === 'loading')
    return (
      <p role="status" className="mt-6 text-ink-muted">
        {strings.loading}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p role="alert" className="mt-6">
        {strings.loadFailed}{' '}
        <button type="button" className="link" onClick={state.retry}>
          {strings.retry}
        </button>
      </p>
    );
  return null;
}

/** Tells the learner when stored data was unreadable (and backed up) or cannot be saved. */
export function StorageNotice({ state, strings, progressHref }: { state: ProgressState | null; strings: CommonStrings; progressHref: string }) {
  // Shown for as long as a backup exists (not just on the load that made it), until the learner deletes it.
  const backedUp = state !== null && (state.problems.length > 0 || state.backups.length > 0);
  if (!state || (state.writable && !backedUp)) return null;
  return (
    <div role="alert" className="panel [--panel:var(--color-lost)]" data-testid="storage-notice">
      {backedUp ? (
        <p>
          {strings.storageProblem}{' '}
          <a className="link" href={progressHref}>
            {strings.storageLink}
          </a>
        </p>
      ) : null}
      {state.writable ? null : <p>{strings.notSaved}</p>}
    </div>
  );
}

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/** Again / Hard / Good / Easy, with the interval each would give when `hint` is set. */
export function GradeBar({ strings, onGrade, hint, label }: { strings: CommonStrings; onGrade: (g: Grade) => void; hint?: (g: Grade) => string; label: string }) {
  return (
    <div role="group" aria-label={label} className="mt-3 flex flex-wrap gap-2">
      {GRADES.map((g) => (
        <button
          key={g}
          type="button"
          onClick={() => onGrade(g)}
          data-grade={g}
          className="rounded-md border border-line px-4 py-2 font-medium hover:bg-surface-muted"
        >
          <kbd className="me-1 text-ink-muted">{g}</kbd> {strings.grades[g]}
          {hint ? <span className="block text-xs text-ink-muted">{hint(g)}</span> : null}
        </button>
      ))}
    </div>
  );
}

/**
 * A label above its control, tied by id (not by wrapping: a <select> inside its <label> gets its options read into
 * its accessible name).
 */
export function Field({ label, children }: { label: string; children: (id: string) => ReactElement }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
