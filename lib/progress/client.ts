/**
 * The browser side of progress: one in-memory copy of the document per page, loaded from localStorage on the first
 * subscription (after mount, never at module scope or during render: pages are prerendered) and saved on every
 * update. `useProgress()` is null during prerender, hydration and until the store has loaded, so the server HTML and
 * the first client render agree; islands show a "loading" state until then.
 *
 * The loader (storage.ts, with the zod validator) is imported lazily, so it is not part of any page's initial
 * JavaScript. Updates made before it arrives are queued and applied, in order, once it has loaded.
 */
import { useSyncExternalStore } from 'react';
import { CLOCK_OFFSET_KEY, PROGRESS_KEY, parseClockOffset } from './keys';
import type { Progress } from './schema';
import type { Backup, KV } from './storage';

export interface ProgressState {
  progress: Progress;
  /** Clock reading (wall clock + test offset) when this snapshot was taken; render with it, not Date.now(). */
  now: number;
  writable: boolean;
  /** Backups made while loading on this page view. */
  problems: Backup[];
  /** Every backup in storage. */
  backups: Backup[];
}

type Loader = typeof import('./storage');

let kv: KV | null = null;
let offset = 0;
let loader: Loader | null = null;
let loading: Promise<void> | null = null;
let state: ProgressState | null = null;
const pending: ((p: Progress, at: number) => Progress)[] = [];
const listeners = new Set<() => void>();

/** localStorage, or a Map when it is unavailable (disabled storage): the session still works, unsaved. */
function storage(): KV {
  if (kv) return kv;
  try {
    kv = window.localStorage;
    kv.getItem(PROGRESS_KEY);
  } catch {
    const map = new Map<string, string>();
    kv = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
      key: (i) => [...map.keys()][i] ?? null,
      get length() {
        return map.size;
      },
    };
  }
  return kv;
}

/** Wall clock plus the test offset (lib/progress/README.md). Call in handlers and effects only. */
export function now(): number {
  return Date.now() + offset;
}

function emit() {
  for (const l of listeners) l();
}

function read(m: Loader, keepProblems: Backup[]) {
  const store = storage();
  offset = parseClockOffset(store.getItem(CLOCK_OFFSET_KEY));
  const loaded = m.loadProgress(store, now());
  state = { ...loaded, problems: [...keepProblems, ...loaded.problems], now: now(), backups: m.listBackups(store) };
}

function start() {
  loading ??= import('./storage').then((m) => {
    loader = m;
    read(m, []);
    for (const fn of pending.splice(0)) apply(fn);
    emit();
  });
}

function onStorage(e: StorageEvent) {
  if (loader && (e.key === null || e.key.startsWith('mqlab.'))) {
    read(loader, state?.problems ?? []);
    emit();
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', onStorage);
  start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

export function useProgress(): ProgressState | null {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => null,
  );
}

function apply(fn: (p: Progress, at: number) => Progress) {
  if (!state || !loader) return;
  const at = now();
  const progress = fn(state.progress, at);
  if (state.writable) loader.saveProgress(storage(), progress);
  state = { ...state, progress, now: at };
}

/** Applies a pure update (lib/progress/ops.ts) and saves it; queued if the store has not loaded yet. */
export function update(fn: (p: Progress, at: number) => Progress): void {
  if (!state || !loader) {
    pending.push(fn);
    start();
    return;
  }
  apply(fn);
  emit();
}

/** Deletes a backup the learner has chosen to discard (after downloading it, or not). */
export function deleteBackup(key: string) {
  const store = storage();
  store.removeItem(key);
  if (state && loader) state = { ...state, backups: loader.listBackups(store), problems: state.problems.filter((p) => p.key !== key) };
  emit();
}
