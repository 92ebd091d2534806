'use client';
/**
 * The review island: FSRS spaced repetition over every quiz item ("item:{key}") and every notes question ("q:{id}").
 * The queue is due cards first (most overdue first), then new ones. Keys: space reveals, 1–4 rate (Again … Easy).
 * Time comes from lib/progress/client `now()` (wall clock + the documented test offset), never Date.now() here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Track } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';
import type { PracticeData, PracticeItem, PracticeQuestion } from '@/lib/practice/data';
import { update, useProgress } from '@/lib/progress/client';
import { itemCardKey, questionCardKey } from '@/lib/progress/keys';
import { recordAttempt, setCard } from '@/lib/progress/ops';
import { queueOf } from '@/lib/progress/queue';
import type { Grade } from '@/lib/progress/schema';
import { intervalLabel, preview, rate } from '@/lib/progress/srs';
import { DataGate, GradeBar, StorageNotice, usePracticeData } from './common';
import { ItemView } from './ItemView';

export interface ReviewStrings {
  review: Dictionary['review'];
  common: Dictionary['practiceCommon'];
  quiz: Dictionary['quiz'];
  tracks: Record<Track, string>;
}

type Card = { key: string; kind: 'item'; x: PracticeItem } | { key: string; kind: 'question'; q: PracticeQuestion };

function cardsOf(data: PracticeData): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const x of data.items) cards.set(itemCardKey(x.key), { key: itemCardKey(x.key), kind: 'item', x });
  for (const q of data.questions) cards.set(questionCardKey(q.id), { key: questionCardKey(q.id), kind: 'question', q });
  return cards;
}

function answerText(x: PracticeItem, quiz: Dictionary['quiz']): string {
  const { item } = x;
  switch (item.kind) {
    case 'single':
      return item.options[item.answer];
    case 'multiple':
      return item.answer.map((i) => item.options[i]).join('; ');
    case 'truefalse':
      return item.answer ? quiz.true : quiz.false;
    case 'ordering':
      return item.items.join(' → ');
    case 'predict':
      return fill(x.expected ? quiz.engineYes : quiz.engineNo, { message: item.check.message, fate: quiz.fates[item.check.fate] });
  }
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text'));

export function ReviewApp({ locale, strings, progressHref }: { locale: string; strings: ReviewStrings; progressHref: string }) {
  const t = strings.review;
  const data = usePracticeData(locale);
  const state = useProgress();
  const [revealed, setRevealed] = useState(false);
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [reviewed, setReviewed] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const cards = useMemo(() => (data.status === 'ready' ? cardsOf(data.data) : new Map<string, Card>()), [data]);
  const keys = useMemo(() => [...cards.keys()], [cards]);
  const stored = state?.progress.cards;
  const at = state?.now ?? 0;
  const queue = useMemo(() => (stored ? queueOf(keys, stored, at) : { due: [], fresh: [] }), [keys, stored, at]);
  const currentKey = queue.due[0] ?? queue.fresh[0] ?? null;
  const current = currentKey ? cards.get(currentKey) : undefined;
  const intervals = useMemo(() => (current && stored ? preview(stored[current.key], at) : null), [current, stored, at]);

  const grade = useCallback(
    (g: Grade) => {
      if (!current) return;
      update((p, now) => {
        let next = setCard(p, current.key, rate(p.cards[current.key], g, now), now);
        if (current.kind === 'item' && answer !== null) next = recordAttempt(next, { item: current.x.key, correct: answer, at: now, via: 'review' });
        return next;
      });
      setRevealed(false);
      setAnswer(null);
      setReviewed((n) => n + 1);
      heading.current?.focus();
    },
    [current, answer],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!current || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      // Keys pressed inside a modal dialog (the search dialog) belong to it, not to the page behind.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      // Space on a focused control activates that control; only take it when focus is elsewhere.
      const onControl = e.target instanceof HTMLElement && /^(BUTTON|INPUT|A|SUMMARY)$/.test(e.target.tagName);
      if (e.key === ' ' && !revealed && !onControl) {
        e.preventDefault();
        setRevealed(true);
      } else if (revealed && ['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        grade(Number(e.key) as Grade);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [current, revealed, grade]);

  const nextDue = useMemo(() => {
    if (!stored) return null;
    const times = keys.map((k) => stored[k]?.due).filter((d): d is number => d !== undefined && d > at);
    return times.length ? Math.min(...times) : null;
  }, [keys, stored, at]);

  const ready = data.status === 'ready' && state !== null;
  return (
    <div className="mt-6 space-y-6">
      <StorageNotice state={state} strings={strings.common} progressHref={progressHref} />
      <DataGate state={data} strings={strings.common} />
      {ready ? (
        <p className="flex flex-wrap gap-x-4 font-medium" data-testid="review-counts">
          <span data-testid="due-count">{fill(t.due, { n: queue.due.length })}</span>
          <span data-testid="new-count">{fill(t.fresh, { n: queue.fresh.length })}</span>
          <span className="text-ink-muted">{fill(t.total, { n: keys.length })}</span>
          {reviewed > 0 ? <span className="text-ink-muted">{fill(t.reviewedToday, { n: reviewed })}</span> : null}
        </p>
      ) : null}
      {ready && !current ? (
        <div role="status" className="rounded-xl border border-line p-5" data-testid="review-empty">
          <p className="text-lg">{t.empty}</p>
          {nextDue !== null ? <p className="mt-1 text-ink-muted">{fill(t.nextDue, { when: intervalLabel(nextDue - at, strings.common.units) })}</p> : null}
        </div>
      ) : null}
      {ready && current ? (
        <section aria-labelledby="review-card" className="rounded-xl border border-line p-5" data-testid="review-card" data-card={current.key}>
          <h2 id="review-card" ref={heading} tabIndex={-1} className="text-sm text-ink-muted outline-none">
            {current.kind === 'item' ? t.cardKindItem : t.cardKindQuestion} · {strings.tracks[current.kind === 'item' ? current.x.track : current.q.track]}
          </h2>
          <div className="mt-3" key={current.key}>
            {current.kind === 'item' ? (
              <ItemView
                x={current.x}
                strings={strings.quiz}
                onResult={(ok) => {
                  setAnswer((prev) => prev ?? ok);
                  setRevealed(true);
                }}
              />
            ) : (
              // Verbatim from the notes (which are Chinese), whatever the page's locale.
              <p lang="zh-CN" className="text-xl font-medium" data-testid="review-question">
                {current.q.text}
              </p>
            )}
          </div>
          {revealed ? (
            <div className="mt-4 border-t border-line pt-4" data-testid="review-answer">
              {current.kind === 'item' ? (
                <>
                  <p>
                    <span className="font-semibold">{fill(t.correctAnswer, { answer: answerText(current.x, strings.quiz) })}</span>
                  </p>
                  <p className="mt-1">{current.x.item.explanation}</p>
                  <p className="mt-1">
                    <a className="link" href={current.x.href}>
                      {strings.quiz.seeSection}
                    </a>
                  </p>
                </>
              ) : (
                <QuestionAnswer q={current.q} strings={strings} />
              )}
              <p className="mt-4 font-semibold">{t.rate}</p>
              <GradeBar
                strings={strings.common}
                label={t.rate}
                onGrade={grade}
                hint={intervals ? (g) => intervalLabel(intervals[g] - at, strings.common.units) : undefined}
              />
              <p className="mt-1 text-sm text-ink-muted">{t.rateHint}</p>
            </div>
          ) : (
            <button type="button" onClick={() => setRevealed(true)} className="mt-4 rounded-md bg-accent px-4 py-2 font-medium text-surface">
              {t.reveal} <span className="text-sm opacity-80">{t.revealHint}</span>
            </button>
          )}
        </section>
      ) : null}
    </div>
  );
}

function QuestionAnswer({ q, strings }: { q: PracticeQuestion; strings: ReviewStrings }) {
  if (!q.lesson) return <p data-testid="no-lesson">{strings.common.noLesson}</p>;
  return (
    <>
      <p className="font-semibold">{strings.review.keyPoints}</p>
      <ul className="mt-1 list-disc space-y-1 ps-6">
        {q.lesson.keyPoints.map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
      <p className="mt-2">
        <a className="link" href={q.lesson.href}>
          {fill(strings.common.openLesson, { title: q.lesson.title })}
        </a>
      </p>
    </>
  );
}
