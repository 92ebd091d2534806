import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { lifecycle } from './lifecycle';

describe('lifecycle: self-transitions', () => {
  // XState v5's transition() returns the very same snapshot for an enabled self-transition without
  // actions; such a move is legal and must not be reported as "not allowed".
  const m = createMachine({ id: 'x', initial: 'A', states: { A: { on: { again: 'A', go: 'B' } }, B: {} } });
  const lc = lifecycle<'A' | 'B', 'again' | 'go'>(m);
  it('accepts an enabled self-transition and still rejects a disabled event', () => {
    expect(lc.can('A', 'again')).toBe(true);
    expect(lc.next('A', 'again')).toBe('A');
    expect(lc.next('A', 'go')).toBe('B');
    expect(lc.can('B', 'go')).toBe(false);
    expect(() => lc.next('B', 'again')).toThrow(/not allowed/);
  });
});
