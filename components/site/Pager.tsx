import type { NavLink } from '@/lib/nav/nav';

/** Previous / next lesson, from `locate()`. */
export function Pager({ label, prevLabel, nextLabel, prev, next }: {
  label: string;
  prevLabel: string;
  nextLabel: string;
  prev: NavLink | null;
  next: NavLink | null;
}) {
  if (!prev && !next) return null;
  return (
    <nav aria-label={label} className="mt-12 grid gap-4 border-t border-line pt-6 sm:grid-cols-2">
      {prev ? (
        <a href={prev.href} rel="prev" className="rounded-lg border border-line p-4 hover:bg-surface-muted">
          <span className="block text-sm text-ink-muted">← {prevLabel}</span>
          <span className="font-medium">{prev.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a href={next.href} rel="next" className="rounded-lg border border-line p-4 text-end hover:bg-surface-muted">
          <span className="block text-sm text-ink-muted">{nextLabel} →</span>
          <span className="font-medium">{next.title}</span>
        </a>
      ) : null}
    </nav>
  );
}
