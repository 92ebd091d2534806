import type { ReactNode } from 'react';

/**
 * A glossary term in a lesson: a plain link to its entry on the glossary page. Every id is checked against
 * content/glossary.yaml when the site loads (lib/content/site.ts), so an unknown id fails the build, not the link.
 */
export function Term({ id, title, href, children }: { id: string; title: string; href: string; children: ReactNode }) {
  return (
    <a href={href} data-term={id} title={title} className="underline decoration-dotted underline-offset-4 hover:decoration-solid">
      {children}
    </a>
  );
}
