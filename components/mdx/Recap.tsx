import type { ReactNode } from 'react';

/** What to remember: a bullet list. */
export function Recap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={label} className="panel [--panel:var(--color-accent)]">
      <p className="not-prose font-semibold">
        <span aria-hidden="true">✔ </span>
        {label}
      </p>
      <div className="[&>*:first-child]:mt-1 [&>*:last-child]:mb-0">{children}</div>
    </section>
  );
}
