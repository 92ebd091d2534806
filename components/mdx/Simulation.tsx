import { LazySimulation } from '@/components/sim/LazySimulation';
import type { Locale } from '@/lib/content/schema';
import { scenarioCard } from '@/lib/sim/summary';

/**
 * A live simulator scenario inside a lesson. The server renders a same-size placeholder that already shows the
 * scenario's title, question and topology (the lesson reads fully without JavaScript); the player's chunk is
 * requested only when the learner scrolls it into view or presses play (components/sim/LazySimulation.tsx).
 * The loader guarantees `scenario` is a built-in id; the throw guards a page rendered without its checks.
 */
export function Simulation({ scenario, locale }: { scenario: string; locale: Locale }) {
  const card = scenarioCard(scenario, locale);
  if (!card) throw new Error(`<Simulation scenario="${scenario}">: unknown built-in scenario`);
  return (
    <div className="not-prose my-8" data-scenario={scenario}>
      <LazySimulation {...card} />
    </div>
  );
}
