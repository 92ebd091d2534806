import { describe, expect, it } from 'vitest';
import { parseScenario } from '@/simulator';
import type { NetMessage } from '@/simulator/core/world';
import fixture from './fixtures/rabbit-dlx.json';
import { engineFaults, knobsFor, knobValue, messageStep, networkFaults, pickable } from './faults';
import { acceptsStep, patchedScenario } from './session';

const sc = parseScenario(fixture);

describe('fault options', () => {
  it('offers only the engine steps the scenario schema accepts', () => {
    const opts = engineFaults(parseScenario, sc, ['rabbit@n1', 'p1', 'c1']);
    const keys = opts.map((o) => o.key);
    expect(keys).toContain('node.crash:rabbit@n1');
    expect(keys).toContain('consumer.crash:c1');
    expect(keys).not.toContain('consumer.crash:rabbit@n1');
    expect(keys.some((k) => k.startsWith('broker.'))).toBe(false);
    for (const o of opts) expect(acceptsStep(parseScenario, sc, o.step)).toBe(true);
  });

  it('network faults are core steps every engine accepts', () => {
    for (const o of networkFaults(['rabbit@n1', 'c1'])) expect(acceptsStep(parseScenario, sc, o.step)).toBe(true);
  });

  it('targets one in-flight message exactly, or says it cannot', () => {
    const msg = (id: string, type: string, ids: string[]): NetMessage => ({ id, from: 'p1', to: 'b1', body: { type, messages: ids }, sentAt: 0 });
    const a = msg('n1', 'ProduceRequest', ['m1']);
    const b = msg('n2', 'ProduceRequest', ['m2']);
    const c = msg('n3', 'Heartbeat', []);
    const d = msg('n4', 'Heartbeat', []);
    expect([a, b, c, d].map((m) => pickable([a, b, c, d], m))).toEqual([true, true, true, false]);
    expect(messageStep(b, 'drop')).toMatchObject({ do: 'net.drop', now: true, match: { message: 'm2', type: 'ProduceRequest' } });
    expect(acceptsStep(parseScenario, sc, messageStep(b, 'delay'))).toBe(true);
  });
});

describe('config knobs', () => {
  it('lists per-entity knobs that patch into a valid scenario', () => {
    const knobs = knobsFor(sc);
    const prefetch = knobs.find((k) => k.name === 'prefetch');
    expect(prefetch).toMatchObject({ owner: 'c1', path: ['topology', 'consumers', 0, 'prefetch'] });
    for (const k of knobs) {
      const value = k.kind.type === 'bool' ? true : k.kind.type === 'int' ? Math.max(k.kind.min, 1) : k.kind.options[0];
      if (k.name === 'x-overflow' && value === 'reject-publish-dlx') continue;
      expect(() => patchedScenario(parseScenario, sc, [{ path: k.path, value }]), k.path.join('.')).not.toThrow();
    }
  });

  it('parses form values to the scalar type the schema wants', () => {
    expect(knobValue({ type: 'bool' }, 'true')).toBe(true);
    expect(knobValue({ type: 'int', min: 0, max: 9 }, '3')).toBe(3);
    expect(knobValue({ type: 'enum', options: ['0', '1', 'all'] }, 'all')).toBe('all');
  });
});
