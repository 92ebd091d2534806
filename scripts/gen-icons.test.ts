import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '@/app/manifest';

/** Width × height from a PNG's IHDR chunk (big-endian words at bytes 16 and 20), after checking the signature. */
function pngSize(file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('icons (scripts/gen-icons.mjs, committed)', () => {
  it('every icon the manifest names exists under public/ at the size it declares', () => {
    const icons = manifest().icons ?? [];
    expect(icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
    for (const icon of icons) {
      const file = path.join(process.cwd(), 'public', icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      expect(pngSize(file), icon.src).toBe(icon.sizes);
    }
  });

  it('the apple-touch-icon Next links from app/ is 180×180', () => {
    expect(pngSize(path.join(process.cwd(), 'app/apple-icon.png'))).toBe('180x180');
  });
});
