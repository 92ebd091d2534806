import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, systemModule } from '@/simulator';
import type { EventRecord } from '@/simulator/core/types';
import fixture from './fixtures/rabbit-dlx.json';
import { StepCache } from './step-cache';
import {
  acceptsStep,
  foldBackground,
  forkAt,
  getPath,
  loadSession,
  lossStep,
  patchedScenario,
  PatchError,
  pathLabel,
  rowOf,
  setPath,
  upsertPatch,
  validateInterventions,
  validateStep,
} from './session';

const base = parseScenario(fixture);
const engine = systemModule(base.system).engine;

describe('config patches', () => {
  it('sets a nested field on a copy, creating objects but not array slots', () => {
    const doc = { a: [{ b: 1 }], c: {} };
    const out = setPath(doc, ['a', 0, 'cfg', 'x'], 'y');
    expect(getPath(out, ['a', 0, 'cfg', 'x'])).toBe('y');
    expect(doc.a[0]).toEqual({ b: 1 });
    expect(() => setPath(doc, ['a', 3, 'b'], 1)).toThrow(PatchError);
    expect(() => setPath(doc, ['script'], 1)).toThrow(PatchError);
    expect(() => setPath(doc, ['c', '__proto__', 'x'], 1)).toThrow(PatchError);
  });

  it('re-validates the patched scenario and rejects bad values with the field named', () => {
    const sc = patchedScenario(parseScenario, base, [{ path: ['topology', 'consumers', 0, 'prefetch'], value: 1 }]);
    expect(getPath(sc, ['topology', 'consumers', 0, 'prefetch'])).toBe(1);
    expect(() => patchedScenario(parseScenario, base, [{ path: ['topology', 'consumers', 0, 'prefetch'], value: -1 }])).toThrow(/prefetch/);
    expect(() => patchedScenario(parseScenario, base, [{ path: ['topology', 'consumers', 0, 'bogus'], value: 1 }])).toThrow();
  });

  it('keeps one patch per field', () => {
    const p = upsertPatch(upsertPatch([], { path: ['x', 0], value: 1 }), { path: ['x', 0], value: 2 });
    expect(p).toEqual([{ path: ['x', 0], value: 2 }]);
    expect(pathLabel(['producers', 0, 'config', 'acks'])).toBe('producers[0].config.acks');
    expect(pathLabel(['cluster', 'config', 'min.insync.replicas'])).toBe('cluster.config["min.insync.replicas"]');
  });
});

describe('steps and forks', () => {
  it('accepts only steps the engine schema accepts, with defaults applied', () => {
    expect(acceptsStep(parseScenario, base, { do: 'node.crash', node: 'rabbit@n1' })).toBe(true);
    expect(acceptsStep(parseScenario, base, { do: 'node.crash', node: 'nope' })).toBe(false);
    expect(acceptsStep(parseScenario, base, { do: 'broker.crash', broker: 'rabbit@n1' })).toBe(false);
    expect(validateStep(parseScenario, base, { do: 'node.restart', node: 'rabbit@n1' })).toMatchObject({ downMs: 1000 });
  });

  it('a fork discards the old future', () => {
    const s = { do: 'net.healAll' };
    const list = forkAt(forkAt(forkAt([], 3, s), 9, s), 5, s);
    expect(list.map((i) => i.at)).toEqual([3, 5]);
  });

  it('validates interventions from untrusted input', () => {
    expect(() => validateInterventions(parseScenario, base, [{ at: -1, step: { do: 'net.healAll' } }])).toThrow();
    expect(() => validateInterventions(parseScenario, base, [{ at: 1, step: { do: 'rm -rf' } }])).toThrow();
    expect(validateInterventions(parseScenario, base, [{ at: 1, step: { do: 'consumer.crash', consumer: 'c1' } }])).toHaveLength(1);
  });

  it('a forked timeline shares its past with the original and differs after the fork', () => {
    const original = loadSession(engine, base, [], [], null);
    const at = 6;
    const forked = loadSession(engine, base, [], forkAt([], at, validateStep(parseScenario, base, { do: 'consumer.crash', consumer: 'c1' })), null);
    expect(forked.timeline.records.slice(0, at)).toEqual(original.timeline.records.slice(0, at));
    expect(forked.timeline.records[at].kind).toBe('rabbit.consumer.crash');
    expect(loadSession(engine, base, [], [], null)).toBe(original);
  });
});

describe('step cache', () => {
  it('gives the same world as Timeline.stateAt for every step, forwards and backwards', () => {
    const { timeline, interventions } = loadSession(engine, base, [], forkAt([], 4, { do: 'consumer.crash', consumer: 'c1' }), null);
    const cache = new StepCache(timeline, interventions, 8);
    for (let n = 0; n <= timeline.length; n++) expect(cache.get(n)).toEqual(timeline.stateAt(n));
    for (let n = timeline.length; n >= 0; n--) expect(cache.get(n)).toEqual(timeline.stateAt(n));
  });
});

describe('reading a timeline', () => {
  const rec = (i: number, extra: Partial<EventRecord>): EventRecord => ({ i, time: i, kind: 'k', args: {}, ...extra });

  it('jumps to the first loss marker', () => {
    expect(lossStep([rec(0, {}), rec(1, { markers: ['loss'] }), rec(2, { markers: ['loss'] })], { lost: [] })).toBe(2);
  });

  it('without a marker, jumps past the last event mentioning a lost message after its ack', () => {
    const records = [rec(0, { messages: ['m3'] }), rec(1, { markers: ['ack'], messages: ['m3'] }), rec(2, { markers: ['crash'] }), rec(3, { messages: ['m3'] }), rec(4, {})];
    expect(lossStep(records, { lost: ['m3'] })).toBe(4);
    expect(lossStep(records.slice(0, 3), { lost: ['m3'] })).toBe(3);
    expect(lossStep(records, { lost: [] })).toBeNull();
  });

  it('folds runs of background events, and finds the row of any event', () => {
    const recs = [{}, { bg: true }, { bg: true }, {}, { bg: true }, {}].map((r, i) => rec(i, r));
    const rows = foldBackground(recs);
    expect(rows).toEqual([{ kind: 'event', i: 0 }, { kind: 'fold', from: 1, to: 2 }, { kind: 'event', i: 3 }, { kind: 'event', i: 4 }, { kind: 'event', i: 5 }]);
    expect([0, 1, 2, 3, 4, 5, 9].map((i) => rowOf(rows, i))).toEqual([0, 1, 1, 2, 3, 4, -1]);
  });

  it('the fixture scenario dead-letters m2 and runs clean', () => {
    const t = runScenario(base);
    expect(t.report.violations).toEqual([]);
    expect(t.records.some((r) => r.markers?.includes('dead-letter'))).toBe(true);
  });
});

describe('sessions without the validator', () => {
  it('runs the unedited scenario, but refuses patches until the validator is passed in', () => {
    expect(loadSession(engine, base, [], [], null).scenario).toBe(base);
    const patch = { path: ['topology', 'consumers', 0, 'prefetch'], value: 1 };
    expect(() => loadSession(engine, base, [patch], [], null)).toThrow(/validator/);
    expect(getPath(loadSession(engine, base, [patch], [], parseScenario).scenario, patch.path)).toBe(1);
  });

  it("refuses to run a scenario with another system's engine", () => {
    expect(() => loadSession(systemModule('kafka').engine, base, [], [], null)).toThrow(/kafka engine cannot run a rabbitmq scenario/);
  });
});
