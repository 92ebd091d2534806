import { describe, expect, it } from 'vitest';
import { getBuiltin, listBuiltins, parseScenario } from '@/simulator';
import { scenarioData } from './data';
import { acceptsStep } from './session';

describe('build-time scenario data (/sim-data/{id}.json)', () => {
  it('holds the validated scenario and survives JSON, for every built-in', () => {
    for (const { id } of listBuiltins()) {
      const data = scenarioData(id)!;
      expect(data.scenario).toEqual(parseScenario(getBuiltin(id)!.scenario));
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
      expect(data.faults.length, id).toBeGreaterThan(0);
    }
    expect(scenarioData('no-such-scenario')).toBeNull();
  });

  it('offers exactly the engine faults the schema accepts (Kafka: broker crash per broker, no RabbitMQ node steps)', () => {
    const { scenario, faults } = scenarioData('kafka-acks1-leader-crash')!;
    const keys = faults.map((f) => f.key);
    const brokers = (scenario as unknown as { cluster: { brokers: string[] } }).cluster.brokers;
    for (const b of brokers) expect(keys).toContain(`broker.crash:${b}`);
    expect(keys.some((k) => k.startsWith('node.'))).toBe(false);
    for (const f of faults) expect(acceptsStep(parseScenario, scenario, f.step)).toBe(true);
  });
});
