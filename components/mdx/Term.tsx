import type { ReactNode } from 'react';

/**
 * A glossary term. The glossary page (/{locale}/glossary/#id) does not exist yet, so this renders the term with a
 * title instead of a link: no broken links. When the glossary lands, turn it into <a href={`/${locale}/glossary/#${id}`}>.
 */
export function Term({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <span data-term={id} title={title} className="underline decoration-dotted underline-offset-4">
      {children}
    </span>
  );
}
