/**
 * The build-time data of a built-in scenario in one locale, written by app/sim-data as `/sim-data/{locale}/{id}.json`
 * and read by the player (lib/sim/load.ts): the validated scenario (zod defaults applied), the engine-fault catalog
 * (one schema parse per candidate), and the narration of every event of the unedited run. Server / build only: it
 * imports the whole simulator.
 *
 * Narration ships as data when it is small: a scenario's narration in one locale is 2–6 KB gzip for every Kafka
 * built-in, against ≈ 16 KiB gzip of narration code (both locales, every event kind) per system. A run whose
 * narration is longer than NARRATION_MAX_CHARS (one RocketMQ retry scenario narrates 47,599 events, 3 MB) ships
 * none, and the player loads the narration code instead.
 */
import { getBuiltin, parseScenario, runScenario } from '@/simulator';
import type { SimLocale } from '@/lib/i18n/sim';
import { engineFaults, entityNames } from './faults';
import type { ScenarioData } from './load';

export const NARRATION_MAX_CHARS = 256 * 1024;

export function scenarioData(id: string, locale: SimLocale): ScenarioData | null {
  const builtin = getBuiltin(id);
  if (!builtin) return null;
  const scenario = parseScenario(builtin.scenario);
  const timeline = runScenario(scenario, { snapshotEvery: 1 << 30 });
  const nodes = timeline.engine.nodes(scenario, timeline.stateAt(0));
  const data: ScenarioData = { scenario, faults: engineFaults(parseScenario, scenario, entityNames(scenario, nodes)) };
  const narration: string[] = [];
  let chars = 0;
  for (let i = 0; i < timeline.length && chars <= NARRATION_MAX_CHARS; i++) {
    const text = timeline.narration(i)[locale];
    narration.push(text);
    chars += text.length;
  }
  if (chars <= NARRATION_MAX_CHARS) data.narration = narration;
  return data;
}
