'use client';

import { useSyncExternalStore } from 'react';
import { applyTheme, isTheme, THEME_KEY, THEMES, type Theme } from '@/lib/theme/theme';

/** Fired on this window when the preference changes here (the `storage` event only reaches other tabs). */
const CHANGE = 'mqlab:theme';

function read(): Theme {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return isTheme(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_KEY) return;
    applyTheme(document.documentElement, read());
    onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE, onChange);
  };
}

function choose(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage disabled: the choice still applies to this page, it just is not remembered.
  }
  applyTheme(document.documentElement, theme);
  window.dispatchEvent(new Event(CHANGE));
}

const ICONS: Record<Theme, string> = { light: '☀', dark: '☾', system: '◐' };

/**
 * Light / dark / system, three toggle buttons in the header. The class on <html> is set before paint by the inline
 * head script (lib/theme/theme.ts), so this island only changes it. Trap: the server cannot know the stored choice,
 * so the server snapshot is null and no button is pressed until hydration (a mismatch would otherwise be reported).
 */
export function ThemeToggle({ label, names }: { label: string; names: Record<Theme, string> }) {
  const current = useSyncExternalStore<Theme | null>(subscribe, read, () => null);
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-line text-sm" data-testid="theme-toggle">
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="button"
          aria-pressed={current === null ? undefined : current === theme}
          title={names[theme]}
          data-theme-choice={theme}
          onClick={() => choose(theme)}
          className="px-2 py-1 first:rounded-s-md last:rounded-e-md hover:bg-surface-muted aria-pressed:bg-surface-muted aria-pressed:font-semibold"
        >
          <span aria-hidden="true">{ICONS[theme]}</span>
          <span className="sr-only">{names[theme]}</span>
        </button>
      ))}
    </div>
  );
}
