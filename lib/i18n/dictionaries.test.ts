import { describe, expect, it } from 'vitest';
import { dictionaries, fill, LOCALES } from './index';

/** Every leaf of a nested dictionary as [path, value], e.g. ["quiz.check", "Check answer"]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Keys present in `a` but not in `b`, and vice versa. */
function keyDiff(a: unknown, b: unknown): { onlyInA: string[]; onlyInB: string[] } {
  const ka = new Set(leaves(a).map(([k]) => k));
  const kb = new Set(leaves(b).map(([k]) => k));
  return { onlyInA: [...ka].filter((k) => !kb.has(k)), onlyInB: [...kb].filter((k) => !ka.has(k)) };
}

const placeholdersOf = (dict: unknown) =>
  Object.fromEntries(leaves(dict).map(([k, v]) => [k, [...String(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()]));

describe('UI dictionaries', () => {
  const [first, ...rest] = LOCALES;

  it('the key comparison catches a key present in one locale only', () => {
    expect(keyDiff({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual({ onlyInA: ['a.c'], onlyInB: [] });
  });

  it.each(rest)('%s has exactly the keys of the default locale', (locale) => {
    expect(keyDiff(dictionaries[first], dictionaries[locale])).toEqual({ onlyInA: [], onlyInB: [] });
  });

  it.each(rest)('%s uses the same placeholders as the default locale', (locale) => {
    expect(placeholdersOf(dictionaries[locale])).toEqual(placeholdersOf(dictionaries[first]));
  });

  it.each(LOCALES)('%s has only non-empty strings', (locale) => {
    const bad = leaves(dictionaries[locale]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{n} of {total}', { n: 1, total: 95 })).toBe('1 of 95');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
