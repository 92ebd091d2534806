import type { Metadata } from 'next';

/**
 * The budget baseline (scripts/budgets.mjs): a page of the same build with no content and no islands, so its JS is
 * exactly what the framework ships to every page. Not linked from the navigation, left out of the sitemap and
 * marked noindex. Trap: keep it free of <Shell> and of any client component, or every budget silently grows.
 */
export const metadata: Metadata = { title: 'Blank', robots: { index: false, follow: false } };

export default function BlankPage() {
  return <p>MQ Lab</p>;
}
