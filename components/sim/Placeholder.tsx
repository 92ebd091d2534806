import type { ReactNode } from 'react';
import type { ScenarioCard } from '@/lib/sim/summary';

/**
 * The static stand-in for the simulator: title, question and topology in a box of the player's size, so nothing
 * shifts when the player arrives. Used server-side (first paint of the scenario page) and by the lazy lesson embed
 * before it loads; it has no hooks and imports nothing from the simulator.
 */
export function Placeholder({ card, children, busy = false, headingLevel = 3 }: { card: ScenarioCard; children?: ReactNode; busy?: boolean; headingLevel?: 2 | 3 }) {
  const t = card.labels;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      data-scenario={card.id}
      data-state="placeholder"
      aria-busy={busy || undefined}
      className="not-prose flex min-h-[34rem] flex-col justify-between rounded-xl border-2 border-dashed border-line bg-surface-muted p-6"
    >
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
          {t.kind} · {t.system}
        </p>
        <H className="mt-1 text-xl font-bold">{card.title}</H>
        <p className="mt-3 text-lg">
          <span className="font-semibold">{t.question}: </span>
          {card.question}
        </p>
        <p className="mt-3 text-sm text-ink-muted">
          <span className="font-semibold">{t.topology}: </span>
          {card.topology}
        </p>
      </div>
      <div className="mt-6">{children}</div>
    </div>
  );
}
