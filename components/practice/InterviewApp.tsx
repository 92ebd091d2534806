'use client';
/**
 * The mock-interview island: N questions from the notes (all tracks or one) drawn by a seeded shuffle, a timer per
 * question, an optional text answer, then the lesson's key points as a checklist and a self-grade. Each grade is
 * applied at once to the question's review card (FSRS), so an interview abandoned halfway still counts; the
 * interview itself (times, ticks, grades) is saved when the report is shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { Track } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';
import type { PracticeQuestion } from '@/lib/practice/data';
import { drawQuestions } from '@/lib/practice/session';
import { now, update, useProgress } from '@/lib/progress/client';
import { questionCardKey } from '@/lib/progress/keys';
import { recordInterview, setCard } from '@/lib/progress/ops';
import type { Grade } from '@/lib/progress/schema';
import { rate } from '@/lib/progress/srs';
import { DataGate, Field, GradeBar, StorageNotice, usePracticeData } from './common';

export interface InterviewStrings {
  interview: Dictionary['interview'];
  common: Dictionary['practiceCommon'];
  /** Track titles, in the site's track order (the filter lists them in this order). */
  tracks: Record<Track, string>;
}

interface Answer {
  question: PracticeQuestion;
  ms: number;
  checked: number;
  total: number;
  grade: Grade;
}

type Phase =
  | { name: 'setup' }
  | { name: 'asking'; seed: string; questions: PracticeQuestion[]; index: number; answers: Answer[] }
  | { name: 'report'; seed: string; answers: Answer[] };

const COUNTS = [3, 5, 10] as const;
const field = 'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2';

export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An answer is weak when graded Again/Hard or when under half of its key points were ticked. */
const isWeak = (a: Answer) => a.grade <= 2 || (a.total > 0 && a.checked * 2 < a.total);

export function InterviewApp({ locale, strings, progressHref }: { locale: string; strings: InterviewStrings; progressHref: string }) {
  const t = strings.interview;
  const data = usePracticeData(locale);
  const progress = useProgress();
  const [track, setTrack] = useState<Track | null>(null);
  const [count, setCount] = useState(5);
  const [seed, setSeed] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase.name !== 'setup') heading.current?.focus();
  }, [phase]);

  const ready = data.status === 'ready' ? data.data : null;
  const available = ready ? ready.questions.filter((q) => track === null || q.track === track).length : 0;

  const start = () => {
    if (!ready) return;
    const used = seed.trim() || String(now());
    setPhase({ name: 'asking', seed: used, questions: drawQuestions(ready.questions, track, count, used), index: 0, answers: [] });
  };

  const answered = (a: Answer) => {
    if (phase.name !== 'asking') return;
    update((p, at) => setCard(p, questionCardKey(a.question.id), rate(p.cards[questionCardKey(a.question.id)], a.grade, at), at));
    const answers = [...phase.answers, a];
    if (phase.index + 1 < phase.questions.length) return setPhase({ ...phase, index: phase.index + 1, answers });
    update((p, at) =>
      recordInterview(p, {
        at,
        seed: phase.seed,
        answers: answers.map((x) => ({ question: x.question.id, ms: Math.round(x.ms), checked: x.checked, total: x.total, grade: x.grade })),
      }),
    );
    setPhase({ name: 'report', seed: phase.seed, answers });
  };

  return (
    <div className="mt-6 space-y-6">
      <StorageNotice state={progress} strings={strings.common} progressHref={progressHref} />
      <DataGate state={data} strings={strings.common} />
      {ready && phase.name === 'setup' ? (
        <form
          className="max-w-xl space-y-4 rounded-xl border border-line p-5"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <Field label={strings.common.track}>
            {(id) => (
              <select id={id} className={field} value={track ?? ''} onChange={(e) => setTrack((e.target.value || null) as Track | null)}>
                <option value="">{strings.common.allTracks}</option>
                {(Object.keys(strings.tracks) as Track[]).map((tr) => (
                  <option key={tr} value={tr}>
                    {strings.tracks[tr]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.count}>
            {(id) => (
              <select id={id} className={field} value={count} onChange={(e) => setCount(Number(e.target.value))}>
                {COUNTS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.seed}>
            {(id) => (
              <input id={id} type="text" className={field} value={seed} onChange={(e) => setSeed(e.target.value)} />
            )}
          </Field>
          <button type="submit" disabled={available === 0} className="rounded-md bg-accent px-4 py-2 font-medium text-surface disabled:opacity-50">
            {t.start}
          </button>
        </form>
      ) : null}
      {phase.name === 'asking' ? (
        <Question
          key={phase.index}
          q={phase.questions[phase.index]}
          n={phase.index + 1}
          total={phase.questions.length}
          strings={strings}
          heading={heading}
          onDone={answered}
        />
      ) : null}
      {phase.name === 'report' ? (
        <Report answers={phase.answers} seed={phase.seed} strings={strings} heading={heading} onAgain={() => setPhase({ name: 'setup' })} />
      ) : null}
    </div>
  );
}

function Question({
  q,
  n,
  total,
  strings,
  heading,
  onDone,
}: {
  q: PracticeQuestion;
  n: number;
  total: number;
  strings: InterviewStrings;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onDone: (a: Answer) => void;
}) {
  const t = strings.interview;
  const startedAt = useRef<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [stoppedMs, setStoppedMs] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const points = q.lesson?.keyPoints ?? [];

  // The timer starts after mount (reading the clock during render would differ between server and client).
  useEffect(() => {
    const t0 = now();
    startedAt.current = t0;
    const id = window.setInterval(() => setElapsed(now() - t0), 1000);
    return () => window.clearInterval(id);
  }, []);

  const shown = stoppedMs ?? elapsed;
  return (
    <section aria-labelledby="interview-q" className="rounded-xl border border-line p-5" data-testid="interview-question" data-question={q.id}>
      <h2 id="interview-q" ref={heading} tabIndex={-1} className="text-sm text-ink-muted outline-none">
        {fill(t.questionOf, { n, total })} · {strings.tracks[q.track]}
      </h2>
      <p lang="zh-CN" className="mt-2 text-xl font-medium">
        {q.text}
      </p>
      <p className="mt-2 font-mono" role="timer" aria-label={t.timer} data-testid="timer">
        {t.timer} {formatMs(shown)}
      </p>
      <div className="mt-3">
        <Field label={t.yourAnswer}>
          {(id) => <textarea id={id} className={`${field} min-h-28`} value={text} onChange={(e) => setText(e.target.value)} readOnly={stoppedMs !== null} />}
        </Field>
      </div>
      {stoppedMs === null ? (
        <button
          type="button"
          className="mt-3 rounded-md bg-accent px-4 py-2 font-medium text-surface"
          onClick={() => setStoppedMs(startedAt.current === null ? 0 : now() - startedAt.current)}
        >
          {t.done}
        </button>
      ) : (
        <div className="mt-4 border-t border-line pt-4" data-testid="interview-reveal">
          {points.length > 0 ? (
            <fieldset>
              <legend className="font-semibold">{t.checklist}</legend>
              <ul className="mt-2 space-y-1">
                {points.map((p, i) => (
                  <li key={i} className="flex items-start gap-2">
                    <input
                      id={`kp-${i}`}
                      type="checkbox"
                      className="mt-1.5 size-4 accent-accent"
                      checked={ticked.has(i)}
                      onChange={() =>
                        setTicked((s) => {
                          const next = new Set(s);
                          if (next.has(i)) next.delete(i);
                          else next.add(i);
                          return next;
                        })
                      }
                    />
                    <label htmlFor={`kp-${i}`}>{p}</label>
                  </li>
                ))}
              </ul>
              {q.lesson ? (
                <p className="mt-2">
                  <a className="link" href={q.lesson.href}>
                    {fill(strings.common.openLesson, { title: q.lesson.title })}
                  </a>
                </p>
              ) : null}
            </fieldset>
          ) : (
            <p data-testid="no-lesson">{t.noKeyPoints}</p>
          )}
          <p className="mt-4 font-semibold">{t.selfGrade}</p>
          <GradeBar
            strings={strings.common}
            label={t.selfGrade}
            onGrade={(grade) => onDone({ question: q, ms: stoppedMs, checked: ticked.size, total: points.length, grade })}
          />
        </div>
      )}
    </section>
  );
}

function Report({
  answers,
  seed,
  strings,
  heading,
  onAgain,
}: {
  answers: Answer[];
  seed: string;
  strings: InterviewStrings;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
}) {
  const t = strings.interview;
  const weakByTrack = new Map<Track, number>();
  for (const a of answers.filter(isWeak)) weakByTrack.set(a.question.track, (weakByTrack.get(a.question.track) ?? 0) + 1);
  return (
    <section aria-labelledby="interview-report" className="rounded-xl border border-line p-5" data-testid="interview-report">
      <h2 id="interview-report" ref={heading} tabIndex={-1} className="text-2xl font-bold outline-none">
        {t.reportTitle}
      </h2>
      <p className="mt-1 text-ink-muted">
        {fill(t.totalTime, { time: formatMs(answers.reduce((s, a) => s + a.ms, 0)) })} · {fill(t.seedUsed, { seed })}
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-start text-sm">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pe-3 text-start">{t.colQuestion}</th>
              <th scope="col" className="py-2 pe-3 text-start">{t.colTime}</th>
              <th scope="col" className="py-2 pe-3 text-start">{t.colPoints}</th>
              <th scope="col" className="py-2 text-start">{t.colGrade}</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.question.id} className="border-b border-line" data-weak={isWeak(a) || undefined}>
                <td lang="zh-CN" className="py-2 pe-3">
                  {a.question.lesson ? (
                    <a className="link" href={a.question.lesson.href}>
                      {a.question.text}
                    </a>
                  ) : (
                    a.question.text
                  )}
                </td>
                <td className="py-2 pe-3 font-mono">{formatMs(a.ms)}</td>
                <td className="py-2 pe-3">{a.total > 0 ? `${a.checked} / ${a.total}` : '—'}</td>
                <td className="py-2">{strings.common.grades[a.grade]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-6 font-semibold">{t.weakAreas}</h3>
      {weakByTrack.size === 0 ? (
        <p className="mt-1" data-testid="weak-areas">
          {t.noWeak}
        </p>
      ) : (
        <ul className="mt-1 list-disc ps-6" data-testid="weak-areas">
          {[...weakByTrack].map(([tr, n]) => (
            <li key={tr}>{fill(t.weakTrack, { track: strings.tracks[tr], n })}</li>
          ))}
        </ul>
      )}
      <p className="mt-4">{t.fed}</p>
      <button type="button" onClick={onAgain} className="mt-4 rounded-md border border-line px-4 py-2 font-medium">
        {t.again}
      </button>
    </section>
  );
}
