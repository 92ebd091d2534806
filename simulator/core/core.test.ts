import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMachine } from 'xstate';
import { float, int, seedState } from './rng';
import { lifecycle } from './lifecycle';
import { createOutcome, recordAck, recordProcessed, recordSent, verdicts } from './outcome';
import { Timeline, type Engine } from './engine';
import { push, pop, send, timer, inFlight, type World } from './world';
import type { EventData, ScenarioBase } from './types';
import { parseWith, ScenarioError } from './validate';

/**
 * A toy "echo" system used only to test the core: a client sends Ping{messages:[id]} to a server,
 * the server answers Pong, the client acks and "processes" the id.
 */
type Toy = { pings: string[]; processed: string[]; up: boolean };
type ToyScenario = ScenarioBase & { script: ({ do: 'ping'; id: string } | { do: 'advance'; ms: number } | { do: string; [k: string]: unknown })[] };
const toy: Engine<ToyScenario, Toy> = {
  system: 'kafka',
  init: () => ({ pings: [], processed: [], up: true }),
  nodes: () => ['client', 'server'],
  step(w, step): EventData {
    if (step.do === 'ping') {
      const id = String(step.id);
      recordSent(w.outcome, id, 'u');
      send(w, 'client', 'server', { type: 'Ping', messages: [id] });
      return { kind: 'toy.ping', args: { id } };
    }
    return { kind: 'toy.noop', args: {} };
  },
  event(w: World<Toy>, ev): EventData {
    if (ev.kind === 'net' && ev.msg.body.type === 'Ping') {
      const [id] = ev.msg.body.messages as string[];
      w.d.pings.push(id);
      send(w, 'server', 'client', { type: 'Pong', messages: [id] });
      return { kind: 'toy.pinged', args: { id } };
    }
    if (ev.kind === 'net') {
      const [id] = ev.msg.body.messages as string[];
      recordAck(w.outcome, id, true);
      recordProcessed(w.outcome, id, 'u');
      w.d.processed.push(id);
      return { kind: 'toy.pong', args: { id } };
    }
    return { kind: 'toy.tick', args: {}, bg: true };
  },
  invariants: (w) => (w.d.processed.length > w.d.pings.length + 5 ? ['too many'] : []),
  narrate: (kind, a) => ({ zh: `${kind} ${a.id ?? ''}`, en: `${kind} ${a.id ?? ''}` }),
  report: (w) => ({ stored: (id) => w.d.pings.includes(id) }),
};
const sc = (script: ToyScenario['script'], seed = 1): ToyScenario => ({ system: 'kafka', seed, script });

describe('rng (seeded, no Math.random)', () => {
  it('is a pure function of the seed', () => {
    const a = { rng: seedState(7) };
    const b = { rng: seedState(7) };
    const xs = Array.from({ length: 5 }, () => float(a));
    expect(Array.from({ length: 5 }, () => float(b))).toEqual(xs);
    const c = { rng: seedState(8) };
    expect(Array.from({ length: 5 }, () => float(c))).not.toEqual(xs);
  });
  it('int stays in range and covers it', () => {
    const h = { rng: seedState(1) };
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(int(h, 5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('event queue and network', () => {
  const world = () => Object.assign(new Timeline(toy, sc([])).stateAt(0));
  it('pops in (time, insertion) order', () => {
    const w = world();
    timer(w, 5, 'b');
    timer(w, 1, 'a');
    timer(w, 5, 'c');
    const names = [pop(w), pop(w), pop(w)].map((p) => (p?.kind === 'timer' ? p.name : ''));
    expect(names).toEqual(['a', 'b', 'c']);
    expect(pop(w)).toBeUndefined();
  });
  it('keeps FIFO order on a link even when an earlier message was sent with extra delay', () => {
    const w = world();
    send(w, 'client', 'server', { type: 'X', messages: ['m1'] }, 10);
    send(w, 'client', 'server', { type: 'X', messages: ['m2'] });
    expect(inFlight(w).map((m) => m.body.messages)).toEqual([['m1'], ['m2']]);
    const first = pop(w)!;
    const second = pop(w)!;
    expect(first.at).toBeLessThanOrEqual(second.at);
  });
  it('push keeps the foreground counter in step', () => {
    const w = world();
    push(w, { at: 3, kind: 'timer', name: 'bg', bg: true });
    push(w, { at: 4, kind: 'timer', name: 'fg' });
    expect(w.fg).toBe(1);
    pop(w);
    pop(w);
    expect(w.fg).toBe(0);
  });
});

describe('driver, faults and timeline', () => {
  it('runs a ping to completion and tracks the fate', () => {
    const t = new Timeline(toy, sc([{ do: 'ping', id: 'm1' }]));
    expect(t.records.map((r) => r.kind)).toEqual(['toy.ping', 'toy.pinged', 'toy.pong']);
    expect(t.report.messages).toEqual([{ id: 'm1', acked: true, error: null, routedTo: [], stored: true, deliveries: 0, processed: 1, deadLettered: null }]);
    expect(t.report.violations).toEqual([]);
  });
  it('a cut link loses the message (net.lost) and heal restores delivery', () => {
    const t = new Timeline(toy, sc([{ do: 'net.partition', a: 'client', b: 'server' }, { do: 'ping', id: 'm1' }, { do: 'advance', ms: 50 }, { do: 'net.heal', a: 'client', b: 'server' }, { do: 'ping', id: 'm2' }]));
    expect(t.records.map((r) => r.kind)).toContain('net.lost');
    expect(t.report.messages.find((m) => m.id === 'm1')?.acked).toBeNull();
    expect(t.report.messages.find((m) => m.id === 'm2')?.processed).toBe(1);
  });
  it('an armed drop rule drops exactly the matching response', () => {
    const t = new Timeline(toy, sc([{ do: 'net.drop', match: { type: 'Pong', message: 'm1' } }, { do: 'ping', id: 'm1' }, { do: 'ping', id: 'm2' }]));
    const byId = Object.fromEntries(t.report.messages.map((m) => [m.id, m]));
    expect(byId.m1.acked).toBeNull();
    expect(byId.m2.acked).toBe(true);
  });
  it('duplicating an in-flight message makes the server see it twice (duplicate processing)', () => {
    const t = new Timeline(toy, sc([{ do: 'ping', id: 'm1' }, { do: 'net.duplicate', now: true, match: { type: 'Ping' } }]));
    expect(t.report.duplicated).toEqual(['m1']);
  });
  it('stateAt(n) equals the state reached by running straight to n (exact rewind)', () => {
    const script = Array.from({ length: 40 }, (_, i) => ({ do: 'ping', id: `m${i}` }));
    const t = new Timeline(toy, sc(script), { snapshotEvery: 7 });
    for (const n of [0, 1, 6, 7, 8, 50, t.length]) {
      const direct = new Timeline(toy, sc(script), { snapshotEvery: 1 << 30, maxEvents: n });
      expect(t.stateAt(n).d).toEqual(direct.final.d);
    }
  });
  it('an intervention runs before the given event and changes the future deterministically', () => {
    const script = [{ do: 'ping', id: 'm1' }, { do: 'ping', id: 'm2' }];
    const plain = new Timeline(toy, sc(script));
    const forked = new Timeline(toy, sc(script), { interventions: [{ at: 2, step: { do: 'net.isolate', node: 'server' } }] });
    expect(plain.report.messages.every((m) => m.processed === 1)).toBe(true);
    expect(forked.records.slice(0, 2)).toEqual(plain.records.slice(0, 2));
    expect(forked.records[2].kind).toBe('net.isolate');
    expect(forked.report.messages.some((m) => m.processed === 0)).toBe(true);
  });
  it('same scenario and seed give byte-identical records', () => {
    const script = [{ do: 'ping', id: 'a' }, { do: 'advance', ms: 3 }, { do: 'ping', id: 'b' }];
    expect(JSON.stringify(new Timeline(toy, sc(script)).records)).toBe(JSON.stringify(new Timeline(toy, sc(script)).records));
  });
});

describe('outcome verdicts', () => {
  it('lost = acked, never processed, not stored; reordered within a unit', () => {
    const o = createOutcome();
    for (const id of ['m1', 'm2', 'm3']) recordSent(o, id, 'p0');
    recordAck(o, 'm1', true);
    recordAck(o, 'm2', true);
    recordAck(o, 'm3', false, 'NOT_ENOUGH_REPLICAS');
    recordProcessed(o, 'm2', 'p0');
    recordProcessed(o, 'm1', 'p0');
    recordProcessed(o, 'm2', 'p0');
    const v = verdicts(o, () => false);
    expect(v.lost).toEqual([]);
    expect(v.duplicated).toEqual(['m2']);
    expect(v.reordered).toEqual(['m1']);
    const o2 = createOutcome();
    recordSent(o2, 'x');
    recordAck(o2, 'x', true);
    expect(verdicts(o2, () => false).lost).toEqual(['x']);
    expect(verdicts(o2, () => true).lost).toEqual([]);
  });
  it('a later success wins over an earlier error, not the other way round', () => {
    const o = createOutcome();
    recordAck(o, 'm', false, 'REQUEST_TIMED_OUT');
    recordAck(o, 'm', true);
    recordAck(o, 'm', false, 'late');
    expect(o.fates.m).toMatchObject({ acked: true, error: null });
  });
});

describe('lifecycle (XState pure transitions)', () => {
  const broker = createMachine({
    id: 'broker',
    initial: 'running',
    states: { running: { on: { 'broker.crash': 'crashed' } }, crashed: { on: { 'broker.restart': 'running' } } },
  });
  const lc = lifecycle<'running' | 'crashed', 'broker.crash' | 'broker.restart'>(broker);
  it('follows the machine and rejects illegal moves', () => {
    expect(lc.initial).toBe('running');
    expect(lc.next('running', 'broker.crash')).toBe('crashed');
    expect(lc.can('running', 'broker.restart')).toBe(false);
    expect(() => lc.next('running', 'broker.restart')).toThrow(/not allowed/);
  });
});

describe('validation', () => {
  it('names the field in one line', () => {
    const schema = z.object({ seed: z.number().int(), script: z.array(z.object({ do: z.enum(['a']) })) });
    expect(() => parseWith(schema, { seed: 1, script: [{ do: 'a' }, { do: 'b' }] })).toThrow(ScenarioError);
    expect(() => parseWith(schema, { seed: 1, script: [{ do: 'a' }, { do: 'b' }] })).toThrow(/field "script\[1\]\.do"/);
  });
});
