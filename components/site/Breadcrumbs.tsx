import type { NavLink } from '@/lib/nav/nav';

/** Breadcrumbs from `locate()`; the last crumb is the current page (not a link). */
export function Breadcrumbs({ label, trail }: { label: string; trail: NavLink[] }) {
  return (
    <nav aria-label={label} className="mb-4 text-sm text-ink-muted">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={crumb.href} className="flex items-center gap-1">
              {last ? (
                <span aria-current="page">{crumb.title}</span>
              ) : (
                <>
                  <a href={crumb.href} className="link">
                    {crumb.title}
                  </a>
                  <span aria-hidden="true">/</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
