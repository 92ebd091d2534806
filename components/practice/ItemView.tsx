'use client';
/** One practice item with the shared quiz rendering; predict items get the engine's answer and, once answered, the player. */
import { LazySimulation } from '@/components/sim/LazySimulation';
import { Choice, Ordering, Predict, type QuizStrings } from '@/components/quiz/items';
import type { PracticeItem } from '@/lib/practice/data';
import type { ScenarioCard } from '@/lib/sim/summary';

export function ItemView({
  x,
  strings,
  onResult,
  scenario,
  watchLabel,
}: {
  x: PracticeItem;
  strings: QuizStrings;
  onResult: (correct: boolean) => void;
  /** The predict item's scenario card: the replay shown after answering (omit to show no replay). */
  scenario?: ScenarioCard;
  watchLabel?: string;
}) {
  const { item } = x;
  if (item.kind === 'ordering') return <Ordering item={item} strings={strings} onResult={onResult} sectionHref={x.href} />;
  if (item.kind === 'predict') {
    // Built at build time by lib/practice/predict.ts; an item without it cannot be graded, so it is not offered.
    const expected = x.expected ?? false;
    return (
      <Predict
        item={item}
        strings={strings}
        onResult={onResult}
        sectionHref={x.href}
        expected={expected}
        after={
          scenario ? (
            <section aria-label={watchLabel} className="mt-4" data-testid="replay">
              <p className="mb-2 font-semibold">{watchLabel}</p>
              <LazySimulation {...scenario} />
            </section>
          ) : null
        }
      />
    );
  }
  return <Choice item={item} strings={strings} onResult={onResult} sectionHref={x.href} />;
}
