import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ThemeScript } from '@/components/site/ThemeScript';
import { dictionaries } from '@/lib/i18n';
import { VIEWPORT } from '@/lib/seo/seo';
import '../globals.css';

export const metadata: Metadata = {
  title: dictionaries.zh.root.title,
  description: `${dictionaries.zh.site.description} ${dictionaries.en.site.description}`,
};

export const viewport: Viewport = VIEWPORT;

/** Root layout of `/` only (a route group beside `[locale]`, which has its own <html lang>). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
