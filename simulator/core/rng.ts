/**
 * Seeded pseudo-random numbers (mulberry32). The whole generator state is one uint32 kept in the
 * world, so a snapshot of the world also snapshots the generator and replay stays exact.
 * simulator/ never draws unseeded randomness: a run must be a pure function of scenario + seed.
 */

/** Advances the state and returns [uint32 value, next state]. */
export function nextU32(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, s];
}

/** A mutable view over a state holder, for engine code that draws several numbers in a row. */
export interface RngHolder {
  rng: number;
}

/** Uniform float in [0, 1). */
export function float(h: RngHolder): number {
  const [v, s] = nextU32(h.rng);
  h.rng = s;
  return v / 4294967296;
}

/** Uniform integer in [0, n). */
export function int(h: RngHolder, n: number): number {
  if (!(n > 0)) throw new Error(`rng.int: n must be positive, got ${n}`);
  return Math.floor(float(h) * n);
}

export function pick<T>(h: RngHolder, items: readonly T[]): T {
  if (items.length === 0) throw new Error('rng.pick: empty list');
  return items[int(h, items.length)];
}

/** Mixes a user seed into a well-spread initial state (so seeds 1 and 2 do not start alike). */
export function seedState(seed: number): number {
  let [v] = nextU32(seed >>> 0);
  [v] = nextU32(v ^ 0x9e3779b9);
  return v;
}
