import { describe, expect, it } from 'vitest';
import { shuffledOrder } from './Quiz';

describe('shuffledOrder (ordering items, rendered identically on server and client)', () => {
  it('is a deterministic permutation', () => {
    for (const n of [2, 3, 5, 7]) {
      const a = shuffledOrder(n, 'item-id');
      expect(a).toEqual(shuffledOrder(n, 'item-id'));
      expect([...a].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('never presents the items already in the correct order', () => {
    for (let seed = 0; seed < 500; seed++) {
      const order = shuffledOrder(3, `seed-${seed}`);
      expect(order).not.toEqual([0, 1, 2]);
    }
  });
});
