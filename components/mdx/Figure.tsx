import type { ReactNode } from 'react';

/** A diagram (inline <svg role="img"> with a <title>) or a table, with a caption. */
export function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="my-6 overflow-x-auto">
      <div className="[&_svg]:mx-auto [&_svg]:h-auto [&_svg]:max-w-full">{children}</div>
      <figcaption className="mt-2 text-center">{caption}</figcaption>
    </figure>
  );
}
