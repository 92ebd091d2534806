import { describe, expect, it } from 'vitest';
import { nextStop, prevStop, stopIndex, stopsOf } from './steps';

const recs = [{ bg: false }, { bg: true }, { bg: true }, { bg: false }, { bg: true }];

describe('step stops', () => {
  it('keeps 0, foreground events and the end', () => {
    expect(stopsOf(recs, false)).toEqual([0, 1, 4, 5]);
    expect(stopsOf(recs, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stopsOf([], false)).toEqual([0]);
  });
  it('moves between stops from any true step', () => {
    const s = stopsOf(recs, false);
    expect(nextStop(s, 0)).toBe(1);
    expect(nextStop(s, 1)).toBe(4);
    expect(nextStop(s, 2)).toBe(4);
    expect(nextStop(s, 5)).toBe(5);
    expect(prevStop(s, 5)).toBe(4);
    expect(prevStop(s, 3)).toBe(1);
    expect(prevStop(s, 4)).toBe(1);
    expect(prevStop(s, 0)).toBe(0);
    expect(stopIndex(s, 3)).toBe(1);
    expect(stopIndex(s, 5)).toBe(3);
  });
});
