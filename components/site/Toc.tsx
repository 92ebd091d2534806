import type { Heading } from '@/lib/content/headings';

/** Table of contents from the lesson's explicit heading ids (identical in every locale), plus trailing extras. */
export function Toc({ label, headings, extra }: { label: string; headings: Heading[]; extra: { id: string; text: string }[] }) {
  const entries = [...headings, ...extra.map((e) => ({ ...e, depth: 2 as const }))];
  return (
    <nav aria-label={label} className="text-sm">
      <p className="mb-2 font-semibold">{label}</p>
      <ul className="space-y-1 border-s border-line">
        {entries.map((h) => (
          <li key={h.id} className={h.depth === 3 ? 'ps-6' : 'ps-3'}>
            <a href={`#${h.id}`} className="text-ink-muted hover:text-ink hover:underline">
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
