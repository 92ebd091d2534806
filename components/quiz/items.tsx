'use client';
/**
 * Rendering of one quiz item, shared by the lesson quiz island (components/Quiz.tsx) and the practice and review
 * islands (components/practice/*). Each item reports every check through `onResult`; callers decide what counts
 * (practice counts the first check only).
 * Invariants: no randomness at render (ordering items are shuffled by a hash of their id, so the server and the
 * client render the same order), no browser APIs at module scope or during render.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { QuizItem } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import type { Dictionary } from '@/lib/i18n/zh';

export type QuizStrings = Dictionary['quiz'];

/** Deterministic permutation of 0..n-1 seeded by `seed`; never the identity when n ≥ 2. */
export function shuffledOrder(n: number, seed: string): number[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (n >= 2 && order.every((v, i) => v === i)) order.push(order.shift() as number);
  return order;
}

/** `'empty'`: the learner pressed "check" without answering. */
type Result = boolean | 'empty' | null;

export interface ItemProps<K extends QuizItem['kind']> {
  item: Extract<QuizItem, { kind: K }>;
  strings: QuizStrings;
  /** Called on every check with whether the answer was right. */
  onResult?: (correct: boolean) => void;
  /** Where "back to the lesson section" points; default `#{section}` (the item sits in its own lesson). */
  sectionHref?: string;
  /** Shown inside the feedback panel under the verdict. */
  extra?: ReactNode;
}

function Feedback({ result, item, strings, extra, sectionHref }: { result: Result; item: QuizItem; strings: QuizStrings; extra?: ReactNode; sectionHref?: string }) {
  const correct = result === true;
  const href = sectionHref ?? (item.section ? `#${item.section}` : null);
  return (
    <div role="status" className="mt-3 min-h-6">
      {result === 'empty' ? <p>{strings.selectFirst}</p> : null}
      {result === null || result === 'empty' ? null : (
        <div className={`panel my-0 ${correct ? '[--panel:var(--color-acked)]' : '[--panel:var(--color-lost)]'}`}>
          <p className="font-semibold" data-result={correct ? 'correct' : 'incorrect'}>
            <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
            {correct ? strings.correct : strings.incorrect}
          </p>
          {extra}
          <p className="mt-1">{item.explanation}</p>
          {href ? (
            <p className="mt-1">
              <a className="link" href={href}>
                {strings.seeSection}
              </a>
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}

function CheckButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" onClick={onClick} className="mt-3 rounded-md bg-accent px-4 py-2 font-medium text-surface hover:opacity-90">
      {label}
    </button>
  );
}

/** Radio / checkbox list; `truefalse` and `predict` (yes / no) are two-option single choices. */
function Options({ options, multiple, selected, onToggle }: { options: string[]; multiple: boolean; selected: number[]; onToggle: (i: number) => void }) {
  const uid = useId();
  return (
    <div className="mt-2 space-y-1">
      {options.map((option, i) => (
        <div key={i} className="flex items-start gap-2">
          <input
            id={`${uid}-${i}`}
            type={multiple ? 'checkbox' : 'radio'}
            name={uid}
            checked={selected.includes(i)}
            onChange={() => onToggle(i)}
            className="mt-1.5 size-4 accent-accent"
          />
          <label htmlFor={`${uid}-${i}`}>{option}</label>
        </div>
      ))}
    </div>
  );
}

export function Choice({ item, strings, onResult, sectionHref, extra }: ItemProps<'single' | 'multiple' | 'truefalse'>) {
  const [selected, setSelected] = useState<number[]>([]);
  const [result, setResult] = useState<Result>(null);
  const multiple = item.kind === 'multiple';
  const options = item.kind === 'truefalse' ? [strings.true, strings.false] : item.options;
  const key: number[] =
    item.kind === 'truefalse' ? [item.answer ? 0 : 1] : item.kind === 'single' ? [item.answer] : [...item.answer].sort();

  const toggle = (i: number) => {
    setResult(null);
    setSelected((prev) => (multiple ? (prev.includes(i) ? prev.filter((x) => x !== i) : [...prev, i]) : [i]));
  };
  const check = () => {
    if (selected.length === 0) return setResult('empty');
    const ok = JSON.stringify([...selected].sort()) === JSON.stringify(key);
    setResult(ok);
    onResult?.(ok);
  };

  return (
    <fieldset>
      <legend className="font-medium">{item.prompt}</legend>
      {multiple ? <p className="text-sm text-ink-muted">{strings.multipleHint}</p> : null}
      <Options options={options} multiple={multiple} selected={selected} onToggle={toggle} />
      <CheckButton onClick={check} label={strings.check} />
      <Feedback result={result} item={item} strings={strings} sectionHref={sectionHref} extra={extra} />
    </fieldset>
  );
}

export function Ordering({ item, strings, onResult, sectionHref }: ItemProps<'ordering'>) {
  const legendId = useId();
  const [order, setOrder] = useState(() => shuffledOrder(item.items.length, item.id));
  const [result, setResult] = useState<Result>(null);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // After a move the row is re-inserted in the DOM, which drops focus; put it back on the same control (or on its
  // sibling when the item reached an end and the pressed button became disabled).
  const [focusAfterMove, setFocusAfterMove] = useState<{ index: number; dir: 'up' | 'down' } | null>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const { index, dir } = focusAfterMove;
    const wanted = buttons.current.get(`${order[index]}-${dir}`);
    const fallback = buttons.current.get(`${order[index]}-${dir === 'up' ? 'down' : 'up'}`);
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  }, [focusAfterMove, order]);

  const move = (from: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to], next[from]];
    setOrder(next);
    setResult(null);
    setFocusAfterMove({ index: to, dir });
    setAnnouncement(`${item.items[next[to]]}: ${fill(strings.position, { n: to + 1 })}`);
  };

  const correct = order.every((v, i) => v === i);
  return (
    <fieldset>
      <legend id={legendId} className="font-medium">
        {item.prompt}
      </legend>
      <p className="text-sm text-ink-muted">{strings.orderingHint}</p>
      <ol className="mt-2 space-y-2" aria-labelledby={legendId}>
        {order.map((itemIndex, position) => {
          const text = item.items[itemIndex];
          return (
            <li key={itemIndex} className="flex items-center gap-2 rounded-md border border-line px-3 py-2">
              <span className="w-6 text-ink-muted" aria-hidden="true">
                {position + 1}.
              </span>
              <span className="flex-1">{text}</span>
              {(['up', 'down'] as const).map((dir) => (
                <button
                  key={dir}
                  ref={(el) => {
                    if (el) buttons.current.set(`${itemIndex}-${dir}`, el);
                    else buttons.current.delete(`${itemIndex}-${dir}`);
                  }}
                  type="button"
                  onClick={() => move(position, dir)}
                  disabled={dir === 'up' ? position === 0 : position === order.length - 1}
                  aria-label={fill(dir === 'up' ? strings.moveUp : strings.moveDown, { item: text })}
                  className="rounded border border-line px-2 py-1 disabled:opacity-40"
                >
                  <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span>
                </button>
              ))}
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <CheckButton
        onClick={() => {
          setResult(correct);
          onResult?.(correct);
        }}
        label={strings.check}
      />
      <Feedback
        result={result}
        item={item}
        strings={strings}
        sectionHref={sectionHref}
        extra={result === false ? <p className="mt-1">{item.items.join(' → ')}</p> : null}
      />
    </fieldset>
  );
}

export interface PredictProps extends ItemProps<'predict'> {
  /** The engine's answer, computed at build time by lib/practice/predict.ts (never typed by hand). */
  expected: boolean;
  /** Rendered once the learner has checked an answer (e.g. the scenario playing). */
  after?: ReactNode;
}

/** "Will it happen?" yes / no, graded against the simulator's report. */
export function Predict({ item, strings, onResult, sectionHref, expected, after }: PredictProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [result, setResult] = useState<Result>(null);
  const check = () => {
    if (selected.length === 0) return setResult('empty');
    const ok = (selected[0] === 0) === expected;
    setResult(ok);
    onResult?.(ok);
  };
  const fate = strings.fates[item.check.fate];
  return (
    <fieldset data-scenario={item.scenario}>
      <legend className="font-medium">{item.prompt}</legend>
      <Options
        options={[strings.yes, strings.no]}
        multiple={false}
        selected={selected}
        onToggle={(i) => {
          setResult(null);
          setSelected([i]);
        }}
      />
      <CheckButton onClick={check} label={strings.check} />
      <Feedback
        result={result}
        item={item}
        strings={strings}
        sectionHref={sectionHref}
        extra={
          <p className="mt-1" data-testid="engine-verdict">
            {fill(expected ? strings.engineYes : strings.engineNo, { message: item.check.message, fate })}
          </p>
        }
      />
      {result === true || result === false ? after : null}
    </fieldset>
  );
}
