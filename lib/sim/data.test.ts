import { describe, expect, it } from 'vitest';
import { getBuiltin, listBuiltins, parseScenario, runScenario } from '@/simulator';
import { NARRATION_MAX_CHARS, scenarioData } from './data';
import { acceptsStep } from './session';

describe('build-time scenario data (/sim-data/{locale}/{id}.json)', () => {
  it('holds the validated scenario and survives JSON, for every built-in', () => {
    for (const { id } of listBuiltins()) {
      const data = scenarioData(id, 'en')!;
      expect(data.scenario).toEqual(parseScenario(getBuiltin(id)!.scenario));
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
      expect(data.faults.length, id).toBeGreaterThan(0);
    }
    expect(scenarioData('no-such-scenario', 'zh')).toBeNull();
  });

  it('narrates the unedited run exactly as the engine does, in the asked locale', () => {
    for (const id of ['kafka-acks1-leader-crash', 'rabbit-ttl-dlx-retry', 'rocket-txn-checkback']) {
      const timeline = runScenario(parseScenario(getBuiltin(id)!.scenario));
      for (const locale of ['zh', 'en'] as const) {
        const { narration } = scenarioData(id, locale)!;
        expect(narration, `${id} ${locale}`).toHaveLength(timeline.length);
        expect(narration).toEqual(Array.from({ length: timeline.length }, (_, i) => timeline.narration(i)[locale]));
      }
    }
  });

  it('ships narration for every Kafka built-in, and none for a run too long to ship (the player loads the code)', () => {
    const without = listBuiltins()
      .filter((s) => !scenarioData(s.id, 'zh')!.narration)
      .map((s) => s.id);
    expect(without.filter((id) => id.startsWith('kafka-'))).toEqual([]);
    // rocket-retry-dlq narrates 47,599 events (≈ 3 MB in zh): far past the cap.
    expect(without).toContain('rocket-retry-dlq');
    for (const { id } of listBuiltins()) {
      const n = scenarioData(id, 'zh')!.narration;
      if (n) expect(n.join('').length, id).toBeLessThanOrEqual(NARRATION_MAX_CHARS);
    }
  });

  it('offers exactly the engine faults the schema accepts (Kafka: broker crash per broker, no RabbitMQ node steps)', () => {
    const { scenario, faults } = scenarioData('kafka-acks1-leader-crash', 'zh')!;
    const keys = faults.map((f) => f.key);
    const brokers = (scenario as unknown as { cluster: { brokers: string[] } }).cluster.brokers;
    for (const b of brokers) expect(keys).toContain(`broker.crash:${b}`);
    expect(keys.some((k) => k.startsWith('node.'))).toBe(false);
    for (const f of faults) expect(acceptsStep(parseScenario, scenario, f.step)).toBe(true);
  });
});
