import type { ReactNode } from 'react';

/**
 * Likely follow-up questions. Each answer sits in a closed <details>, so the learner can answer in their head
 * first; it works without JavaScript.
 */
export function FollowUps({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={label} className="my-8">
      <p className="not-prose mb-2 font-semibold">
        <span aria-hidden="true">💬 </span>
        {label}
      </p>
      <div className="divide-y divide-line rounded-lg border border-line">{children}</div>
    </section>
  );
}

export function FollowUp({ q, children }: { q: string; children: ReactNode }) {
  return (
    <details className="px-4 py-2">
      <summary className="cursor-pointer font-medium">{q}</summary>
      <div className="[&>*:first-child]:mt-2 [&>*:last-child]:mb-1">{children}</div>
    </details>
  );
}
