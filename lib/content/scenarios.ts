/**
 * The one place the site reads the simulator's built-in scenario registry (simulator/index.ts, owned by the
 * simulator). Scenario ids in lessons — frontmatter `scenarios`, `<Simulation scenario>`, predict items — are
 * checked against it at build time, and the <Simulation> placeholder shows a scenario's title and question from it.
 */
import { listBuiltins } from '@/simulator';
import type { Locale } from './schema';
import type { ScenarioRegistry } from './checks';

export interface ScenarioSummary {
  id: string;
  system: string;
  title: Record<Locale, string>;
  question: Record<Locale, string>;
}

let cache: Map<string, ScenarioSummary> | null = null;

export function builtinScenarios(): Map<string, ScenarioSummary> {
  cache ??= new Map(
    listBuiltins().map((s): [string, ScenarioSummary] => [s.id, { id: s.id, system: s.system, title: s.title, question: s.question }]),
  );
  return cache;
}

export const scenarioRegistry: ScenarioRegistry = { has: (id) => builtinScenarios().has(id) };
