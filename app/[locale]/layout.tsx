import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ThemeScript } from '@/components/site/ThemeScript';
import { SITE_URL, VIEWPORT } from '@/lib/seo/seo';
import { getDictionary, htmlLang, LOCALES, toLocale, type Locale } from '@/lib/i18n';
import '../globals.css';

export const dynamicParams = false;

export const viewport: Viewport = VIEWPORT;

export function generateStaticParams(): { locale: Locale }[] {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = getDictionary(toLocale((await params).locale));
  return {
    metadataBase: new URL(SITE_URL),
    title: { default: t.site.name, template: `%s · ${t.site.name}` },
    description: t.site.description,
  };
}

/** Root layout of every localized page: its own <html lang>. Header and footer come from <Shell> in each page. */
export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  return (
    <html lang={htmlLang(locale)} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
