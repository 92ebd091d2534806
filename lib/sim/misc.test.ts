import { describe, expect, it } from 'vitest';
import { createWorldBase, send, cutLink } from '@/simulator/core/world';
import type { EventRecord } from '@/simulator/core/types';
import { brief, describeState } from './describe';
import { along, flights } from './flight';
import { markerTicks } from './ticks';

describe('generic state description', () => {
  it('makes one section per entity collection and summarises lists', () => {
    const d = { brokers: { b1: { state: 'RUNNING', log: ['m1', 'm2'] }, b2: { state: 'NOT_RUNNING', log: [] } }, nextId: 4 };
    const s = describeState(d);
    expect(s[0]).toEqual({ title: 'brokers', columns: ['state', 'log'], rows: [{ entity: 'b1', cells: ['RUNNING', '[m1, m2]'] }, { entity: 'b2', cells: ['NOT_RUNNING', '[]'] }] });
    expect(s[1].rows).toEqual([{ entity: 'nextId', cells: ['4'] }]);
    expect(brief(Array.from({ length: 9 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, … +3]');
    expect(brief({ a: 1 })).toBe('{a}');
  });
});

describe('messages in flight', () => {
  it('reports progress along the link and whether the link is cut', () => {
    const w = createWorldBase({ system: 'kafka', seed: 1, script: [], network: { latencyMs: 10 } });
    send(w, 'p1', 'b1', { type: 'ProduceRequest', messages: ['m1'] });
    w.time = 5;
    cutLink(w, 'b1', 'p1');
    const [f] = flights(w);
    expect(f).toMatchObject({ from: 'p1', to: 'b1', type: 'ProduceRequest', messages: ['m1'], progress: 0.5, doomed: true });
    expect(along({ x: 0, y: 0 }, { x: 10, y: 20 }, 0.5)).toEqual({ x: 5, y: 10 });
  });
});

describe('scrubber ticks', () => {
  const rec = (markers?: EventRecord['markers']) => ({ markers });
  it('buckets markers and keeps the most important one', () => {
    const ticks = markerTicks([rec(['ack']), rec(), rec(['loss']), rec(['ack', 'leader-change'])], 2);
    expect(ticks).toEqual([
      { step: 1, at: 0.25, marker: 'ack', count: 1 },
      { step: 3, at: 0.75, marker: 'loss', count: 2 },
    ]);
    expect(markerTicks([], 10)).toEqual([]);
  });
});

describe('fill', () => {
  it('fills placeholders and leaves unknown ones visible', async () => {
    const { fill } = await import('./fill');
    expect(fill('{a} of {b} {c}', { a: 1, b: 'x' })).toBe('1 of x {c}');
  });
});
