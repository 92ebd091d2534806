import type { ScenarioSummary } from '@/lib/content/scenarios';
import type { Locale } from '@/lib/content/schema';

export interface SimulationLabels {
  label: string;
  soon: string;
  button: string;
}

/**
 * Placeholder for a live simulator scenario: a server component with no JavaScript. It has the size the live
 * simulator will take (a later issue swaps it for a lazily loaded island behind this same box), and already shows
 * the scenario's title and question, so the lesson reads fully before (or without) the simulator.
 * The loader guarantees `scenario` is a built-in id; `summary` is looked up by the caller.
 */
export function Simulation({ summary, locale, labels }: { summary: ScenarioSummary; locale: Locale; labels: SimulationLabels }) {
  return (
    <section
      aria-labelledby={`sim-${summary.id}`}
      data-scenario={summary.id}
      data-state="placeholder"
      className="not-prose my-8 flex min-h-[26rem] flex-col justify-between rounded-xl border-2 border-dashed border-line bg-surface-muted p-6"
    >
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
          {labels.label} · {summary.system}
        </p>
        <h3 id={`sim-${summary.id}`} className="mt-1 text-xl font-bold">
          {summary.title[locale]}
        </h3>
        <p className="mt-3 text-lg">{summary.question[locale]}</p>
      </div>
      <div>
        <p className="mb-3 text-ink-muted">{labels.soon}</p>
        <button type="button" disabled className="rounded-md border border-line px-4 py-2 text-ink-muted">
          {labels.button}
        </button>
      </div>
    </section>
  );
}
