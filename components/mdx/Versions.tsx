import type { ReactNode } from 'react';

/** A "then vs now" note for claims that differ between versions (ZooKeeper vs KRaft, mirrored vs quorum queues). */
export function Versions({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="note" className="panel [--panel:var(--color-broker)]">
      <p className="not-prose text-sm font-semibold">
        <span aria-hidden="true">⇄ </span>
        {label}
      </p>
      <div className="[&>*:first-child]:mt-1 [&>*:last-child]:mb-0">{children}</div>
    </div>
  );
}
