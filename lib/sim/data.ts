/**
 * The build-time data of a built-in scenario, written by app/sim-data as `/sim-data/{id}.json` and fetched by the
 * player (lib/sim/load.ts): the validated scenario (zod defaults applied) and the engine-fault catalog, which needs
 * one schema parse per candidate. Server / build only: it imports the whole simulator.
 */
import { getBuiltin, parseScenario, runScenario } from '@/simulator';
import { engineFaults, entityNames } from './faults';
import type { ScenarioData } from './load';

export function scenarioData(id: string): ScenarioData | null {
  const builtin = getBuiltin(id);
  if (!builtin) return null;
  const scenario = parseScenario(builtin.scenario);
  const timeline = runScenario(scenario, { snapshotEvery: 1 << 30 });
  const nodes = timeline.engine.nodes(scenario, timeline.stateAt(0));
  return { scenario, faults: engineFaults(parseScenario, scenario, entityNames(scenario, nodes)) };
}
