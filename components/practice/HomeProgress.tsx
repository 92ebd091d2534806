'use client';
/**
 * Due counts and per-track "lessons read" bars on the home and track pages. A small island: it reads storage through
 * peek.ts after mount (validator- and scheduler-free).
 */
import { useSyncExternalStore } from 'react';
import type { Track } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';
import { peekProgress, type Peek } from './peek';

export interface HomeProgressProps {
  strings: Dictionary['homeProgress'];
  trackTitles: Partial<Record<Track, string>>;
  tracks: { track: Track; lessons: string[] }[];
  /** Review cards of this locale: every quiz item of `tracks`' lessons plus every notes question. */
  cards?: { items: number; questions: number; reviewHref: string };
  progressHref: string;
}

let snapshot: Peek | null = null;
const EMPTY: Peek = { read: new Set(), due: new Map(), now: 0 };
const subscribe = (onChange: () => void) => {
  snapshot = peekProgress();
  queueMicrotask(onChange);
  const onStorage = () => {
    snapshot = peekProgress();
    onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
};

export function HomeProgress({ strings, trackTitles, tracks, cards, progressHref }: HomeProgressProps) {
  const stored = useSyncExternalStore(subscribe, () => snapshot, () => null);
  // Prerendered (and until storage is read) with "…" in place of numbers, at the final size: no layout shift.
  const pending = stored === null;
  const peek = stored ?? EMPTY;
  const num = (n: number) => (pending ? '…' : n);
  const lessons = new Set(tracks.flatMap((t) => t.lessons));
  // Only cards of this locale count (an item card is "item:{track}/{slug}#{id}").
  const mine = [...peek.due].filter(([k]) => k.startsWith('q:') || lessons.has(k.slice(5, k.indexOf('#'))));
  return (
    <section aria-labelledby="home-progress" aria-busy={pending || undefined} className="rounded-xl border border-line p-5" data-testid="home-progress">
      <h2 id="home-progress" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
        {strings.heading}
      </h2>
      {cards ? (
        <p className="mt-2 flex flex-wrap items-baseline gap-x-4 text-lg font-medium">
          <span data-testid="home-due">{fill(strings.due, { n: num(mine.filter(([, due]) => due <= peek.now).length) })}</span>
          <span data-testid="home-new">{fill(strings.fresh, { n: num(Math.max(0, cards.items + cards.questions - mine.length)) })}</span>
          <a className="link text-base" href={cards.reviewHref}>
            {strings.reviewLink}
          </a>
        </p>
      ) : null}
      <ul className="mt-3 space-y-2">
        {tracks.map(({ track, lessons: keys }) => {
          const n = keys.filter((k) => peek.read.has(k)).length;
          const text = fill(strings.trackBar, { track: trackTitles[track] ?? track, n: num(n), total: keys.length });
          return (
            <li key={track} data-track-progress={track}>
              <p className="text-sm">{text}</p>
              <meter className="h-2 w-full" min={0} max={Math.max(1, keys.length)} value={n} aria-label={text}>
                {`${n}/${keys.length}`}
              </meter>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm">
        <a className="link" href={progressHref}>
          {strings.progressLink}
        </a>
      </p>
    </section>
  );
}
