import type { ReactNode } from 'react';

/**
 * Callout variants are data: adding one means a row here, a label in the dictionaries and a line in AUTHORING.md.
 * `collapsible` variants render as <details> so they work without JavaScript and stay closed by default.
 */
export const CALLOUT_VARIANTS = {
  note: { icon: 'ℹ', panel: '[--panel:var(--color-note)]', collapsible: false },
  pitfall: { icon: '⚠', panel: '[--panel:var(--color-pitfall)]', collapsible: false },
  deepdive: { icon: '🔍', panel: '[--panel:var(--color-deepdive)]', collapsible: true },
} as const;
export type CalloutType = keyof typeof CALLOUT_VARIANTS;

export interface CalloutProps {
  type: CalloutType;
  /** Optional heading text after the variant label (required in practice for deep dives). */
  title?: string;
  children: ReactNode;
}

export function Callout({ type, title, label, children }: CalloutProps & { label: string }) {
  const variant = CALLOUT_VARIANTS[type];
  if (!variant) throw new Error(`<Callout type="${String(type)}">: expected one of ${Object.keys(CALLOUT_VARIANTS).join(', ')}`);
  const heading = (
    <>
      <span aria-hidden="true">{variant.icon} </span>
      <span className="font-semibold">{label}</span>
      {title ? <span>{`: ${title}`}</span> : null}
    </>
  );
  const body = <div className="[&>*:first-child]:mt-2 [&>*:last-child]:mb-0">{children}</div>;
  if (variant.collapsible)
    return (
      <details className={`panel ${variant.panel}`}>
        <summary className="cursor-pointer">{heading}</summary>
        {body}
      </details>
    );
  return (
    <div role="note" className={`panel ${variant.panel}`}>
      <p className="not-prose">{heading}</p>
      {body}
    </div>
  );
}
