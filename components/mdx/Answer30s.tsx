import type { ReactNode } from 'react';

/** The 30-second interview answer. AUTHORING.md: first thing in the body,. */
export function Answer30s({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={label} className="panel [--panel:var(--color-acked)]">
      <p className="not-prose mb-1 text-sm font-semibold tracking-wide text-ink">
        <span aria-hidden="true">⏱ </span>
        {label}
      </p>
      <div className="[&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </section>
  );
}
