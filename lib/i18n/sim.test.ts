import { describe, expect, it } from 'vitest';
import { simStrings } from './sim';

/** Every leaf of a nested string table, as [path, value]; paths join with " › " (keys may contain dots). */
function leaves(node: unknown, prefix: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[prefix.join(' › '), node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('simulator UI strings', () => {
  const zh = new Map(leaves(simStrings.zh));
  const en = new Map(leaves(simStrings.en));

  it('have exactly the same keys in zh and en', () => {
    expect([...zh.keys()].filter((k) => !en.has(k)), 'keys only in zh').toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k)), 'keys only in en').toEqual([]);
  });

  it('use the same placeholders in both locales, and no empty strings', () => {
    for (const [key, z] of zh) {
      const e = en.get(key) ?? '';
      expect(z.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(z), key).toEqual(placeholders(e));
    }
  });
});
