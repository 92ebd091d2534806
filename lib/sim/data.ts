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

interface Built {
  scenario: ScenarioData['scenario'];
  faults: ScenarioData['faults'];
  /** Per locale; absent for a locale whose narration is longer than NARRATION_MAX_CHARS. */
  narration: Partial<Record<SimLocale, string[]>>;
}

/**
 * Each built-in runs once per build process: the JSON route and the scenario page ask for it in both locales, and a
 * run can be long (rocket-retry-dlq: 47,599 events).
 */
const built = new Map<string, Built | null>();

function build(id: string): Built | null {
  const builtin = getBuiltin(id);
  if (!builtin) return null;
  const scenario = parseScenario(builtin.scenario);
  const timeline = runScenario(scenario, { snapshotEvery: 1 << 30 });
  const nodes = timeline.engine.nodes(scenario, timeline.stateAt(0));
  const faults = engineFaults(parseScenario, scenario, entityNames(scenario, nodes));
  const lines: Record<SimLocale, string[]> = { zh: [], en: [] };
  const chars: Record<SimLocale, number> = { zh: 0, en: 0 };
  const fits = (l: SimLocale) => chars[l] <= NARRATION_MAX_CHARS;
  // Stops narrating once both locales are past the cap (no need to narrate a long run to its end).
  for (let i = 0; i < timeline.length && (fits('zh') || fits('en')); i++) {
    const text = timeline.narration(i);
    for (const l of ['zh', 'en'] as const) {
      lines[l].push(text[l]);
      chars[l] += text[l].length;
    }
  }
  const narration: Built['narration'] = {};
  for (const l of ['zh', 'en'] as const) if (fits(l)) narration[l] = lines[l];
  return { scenario, faults, narration };
}

export function scenarioData(id: string, locale: SimLocale): ScenarioData | null {
  if (!built.has(id)) built.set(id, build(id));
  const b = built.get(id);
  if (!b) return null;
  const narration = b.narration[locale];
  return { scenario: b.scenario, faults: b.faults, ...(narration ? { narration } : {}) };
}
