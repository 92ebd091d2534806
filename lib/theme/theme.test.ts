import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyTheme, isTheme, SURFACE, THEME_KEY, THEME_SCRIPT } from './theme';

/** A minimal classList and localStorage to run the inline script the way a browser would. */
function fakeDocument(stored: string | null) {
  const classes = new Set<string>();
  const classList = {
    toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on),
  } as unknown as DOMTokenList;
  const storage = { getItem: (key: string) => (key === THEME_KEY ? stored : null) };
  return { classes, classList, storage };
}

describe('theme', () => {
  it.each([
    ['dark', ['dark']],
    ['light', ['light']],
    [null, []],
    ['bogus', []],
  ] as const)('the inline script maps a stored %s to the classes %j', (stored, expected) => {
    const { classes, classList, storage } = fakeDocument(stored);
    new Function('localStorage', 'document', THEME_SCRIPT)(storage, { documentElement: { classList } });
    expect([...classes]).toEqual(expected);
  });

  it('applyTheme agrees with the inline script and clears the other class', () => {
    const { classes, classList } = fakeDocument(null);
    applyTheme({ classList }, 'dark');
    expect([...classes]).toEqual(['dark']);
    applyTheme({ classList }, 'system');
    expect([...classes]).toEqual([]);
  });

  it('accepts only the three preferences', () => {
    expect(isTheme('system')).toBe(true);
    expect(isTheme('sepia')).toBe(false);
  });
});

describe('SURFACE', () => {
  it('matches --color-surface of app/globals.css in light and dark', () => {
    const css = readFileSync(path.join(process.cwd(), 'app/globals.css'), 'utf8');
    const surfaces = [...css.matchAll(/--color-surface:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase());
    // @theme (light), the dark variant, then the print block (forced white).
    expect(surfaces.slice(0, 2)).toEqual([SURFACE.light, SURFACE.dark]);
  });
});
