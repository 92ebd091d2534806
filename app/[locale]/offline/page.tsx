import type { Metadata } from 'next';
import { Shell } from '@/components/site/Shell';
import { getDictionary, otherLocale, toLocale } from '@/lib/i18n';
import { homeHref } from '@/lib/nav/site-nav';
import { offlineHref } from '@/lib/seo/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = getDictionary(toLocale((await params).locale));
  // Useless to crawlers (only the service worker shows it): noindex, and not in the sitemap.
  return { title: t.offline.title, robots: { index: false, follow: false } };
}

/**
 * What the service worker (lib/offline/sw.template.js) answers, offline, for a page of this build it has not cached
 * yet. It is served under the requested URL, so "Try again" is a link to the current address (href="").
 */
export default async function OfflinePage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getDictionary(locale);
  return (
    <Shell locale={locale} alternate={offlineHref(otherLocale(locale))}>
      <h1 className="text-3xl font-bold" data-testid="offline-title">
        {t.offline.title}
      </h1>
      <p className="mt-3 max-w-2xl text-lg">{t.offline.text}</p>
      <p className="mt-2 max-w-2xl text-ink-muted">{t.offline.saved}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        <a href="" className="rounded-md bg-accent px-4 py-2 font-medium text-surface">
          {t.offline.retry}
        </a>
        <a href={homeHref(locale)} className="link self-center">
          {t.offline.home}
        </a>
      </p>
    </Shell>
  );
}
