import type { ReactNode } from 'react';
import { fill } from '@/lib/i18n/fill';

export interface CorrectionProps {
  /** The notes' claim, quoted. */
  said: string;
  /** The version the truth applies from, or "always". */
  since: string;
  /** Primary source (https) backing the correction. */
  source: string;
  children: ReactNode;
}

export interface CorrectionLabels {
  said: string;
  true: string;
  /** Template with a `{since}` placeholder. */
  since: string;
  source: string;
}

/** "The notes say / what is true": shown wherever a lesson corrects the learner's notes (see the errata). */
export function Correction({ said, since, source, labels, children }: CorrectionProps & { labels: CorrectionLabels }) {
  return (
    <div role="note" className="panel [--panel:var(--color-correction)]">
      <p className="not-prose text-sm font-semibold">
        <span aria-hidden="true">✗ </span>
        {labels.said}
      </p>
      <blockquote lang="zh-CN" className="not-prose my-2 border-s-2 border-line ps-3 text-ink-muted line-through decoration-1">
        {said}
      </blockquote>
      <p className="not-prose mt-3 text-sm font-semibold">
        <span aria-hidden="true">✓ </span>
        {labels.true}
      </p>
      <div className="[&>*:first-child]:mt-1 [&>*:last-child]:mb-0">{children}</div>
      <p className="not-prose mt-2 text-sm text-ink-muted">
        {fill(labels.since, { since })}
        {' · '}
        <a className="link" href={source}>
          {labels.source}
        </a>
      </p>
    </div>
  );
}
