/**
 * Theme preference: 'light' | 'dark' | 'system', stored in localStorage under THEME_KEY. 'system' is the absence of a
 * stored value. The document reflects it as a class on <html>: `light` or `dark` for an explicit choice, none for
 * system, where app/globals.css follows `prefers-color-scheme` on its own (live, no JS listener, and the same result
 * with JavaScript off). Kept import-free: the inline head script and the header island both use it.
 */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_KEY = 'mqlab.theme';

/**
 * --color-surface of app/globals.css in each scheme (a test keeps them equal): the browser UI colour (theme-color)
 * and the web manifest's theme and background colours, so the title bar and splash screen match the header.
 */
export const SURFACE = { light: '#ffffff', dark: '#0f172a' } as const;

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Sets the <html> classes for a preference. Idempotent; the only place (besides the inline script) that does it. */
export function applyTheme(root: { classList: DOMTokenList }, theme: Theme): void {
  root.classList.toggle('light', theme === 'light');
  root.classList.toggle('dark', theme === 'dark');
}

/**
 * The inline <head> script: runs before first paint, so an explicit choice never flashes the other theme. Trap: it is
 * a string (no bundling, no imports), so it repeats applyTheme by hand; keep the two in step. localStorage can throw
 * (disabled storage, sandboxed iframes): then the page simply follows the system.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});var c=document.documentElement.classList;c.toggle('light',t==='light');c.toggle('dark',t==='dark')}catch(e){}})()`;
