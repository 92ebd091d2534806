import { THEME_SCRIPT } from '@/lib/theme/theme';

/**
 * The no-flash theme script, first thing in <head> of every root layout. Server-rendered only: it is plain HTML that
 * runs while the document parses, before first paint. Pair it with suppressHydrationWarning on <html>, whose class
 * the script changes before React hydrates.
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
