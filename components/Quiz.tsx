'use client';
/**
 * The quiz island: the only client component a lesson page loads. It is prerendered like everything else, so with
 * JavaScript off the learner still reads every question and option; checking answers needs JavaScript.
 * It also records the visit, each answer and completion in the browser (components/quiz/record.ts), after mount.
 * Item rendering lives in components/quiz/items.tsx, shared with the practice and review islands.
 * Invariants: no randomness at render (ordering items are shuffled by a hash of their id, so the server and the
 * client render the same order), no browser APIs at module scope or during render.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { QuizItem } from '@/lib/content/schema';
import { fill } from '@/lib/i18n/fill';
import { itemKey } from '@/lib/progress/keys';
import { appendEvent, lessonFromPath } from './quiz/record';
import { Choice, Ordering, type QuizStrings } from './quiz/items';

export { shuffledOrder } from './quiz/items';

type Strings = QuizStrings;

/**
 * Predict items are answered in Practice, where the scenario plays and the engine's report grades them (the lesson
 * page must not ship the simulator). The link is relative so it needs no locale; `?item=` is added after mount.
 */
function PredictLink({ item, strings, lesson }: { item: Extract<QuizItem, { kind: 'predict' }>; strings: Strings; lesson: string | null }) {
  const href = `../../../practice/${lesson ? `?item=${encodeURIComponent(itemKey(...(lesson.split('/') as [string, string]), item.id))}` : ''}`;
  return (
    <div data-scenario={item.scenario}>
      <p className="font-medium">{item.prompt}</p>
      <p className="mt-2">
        <a className="link" href={href}>
          {strings.predictInPractice}
        </a>
      </p>
    </div>
  );
}

const noSubscription = () => () => {};
const currentLesson = () => lessonFromPath(window.location.pathname);

export interface QuizProps {
  items: QuizItem[];
  strings: Strings;
}

export function Quiz({ items, strings }: QuizProps) {
  // The lesson's key from the URL: null in the prerendered HTML and during hydration, read on the client after.
  const lesson = useSyncExternalStore(noSubscription, currentLesson, () => null);
  const checked = useRef(new Set<string>());

  // Progress: the visit is recorded after mount (never during render: the page is prerendered).
  useEffect(() => {
    if (lesson) appendEvent({ t: 'read', l: lesson });
  }, [lesson]);

  /** Records an answer; the lesson is "completed" once every item answerable here (all but predict) was checked. */
  const onResult = (id: string) => (correct: boolean) => {
    if (!lesson) return;
    const [track, slug] = lesson.split('/');
    appendEvent({ t: 'answer', l: lesson, i: itemKey(track, slug, id), c: correct });
    const before = checked.current.size;
    checked.current.add(id);
    const gradable = items.filter((i) => i.kind !== 'predict').length;
    if (checked.current.size === gradable && before < gradable) appendEvent({ t: 'done', l: lesson });
  };

  return (
    <section aria-labelledby="quiz" className="not-prose my-10">
      <h2 id="quiz" className="mb-4 text-2xl font-bold">
        {strings.heading}
      </h2>
      <ol className="space-y-6">
        {items.map((item, i) => (
          <li key={item.id} id={`quiz-${item.id}`} data-kind={item.kind} className="rounded-lg border border-line p-4">
            <p className="mb-2 text-sm text-ink-muted">{fill(strings.itemOf, { n: i + 1, total: items.length })}</p>
            {item.kind === 'ordering' ? (
              <Ordering item={item} strings={strings} onResult={onResult(item.id)} />
            ) : item.kind === 'predict' ? (
              <PredictLink item={item} strings={strings} lesson={lesson} />
            ) : (
              <Choice item={item} strings={strings} onResult={onResult(item.id)} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
