/**
 * The simulator's public entry point: the registry of the three systems, built-in scenarios,
 * validation and running. Pure TypeScript: no React, no DOM, no wall clock, no unseeded randomness.
 */
import { Timeline, type RunOptions } from './core/engine';
import type { SystemModule } from './core/registry';
import type { Builtin, BuiltinSummary, Report, ScenarioBase, System } from './core/types';
import { ScenarioError } from './core/validate';
import { kafkaModule } from './kafka';
import { rabbitmqModule } from './rabbitmq';
import { rocketmqModule } from './rocketmq';

export type { Report, BuiltinSummary, System } from './core/types';
export { ScenarioError } from './core/validate';
export { Timeline } from './core/engine';

export { SYSTEMS, parseScenario } from './parse';
import { SYSTEMS } from './parse';

const modules: Record<System, SystemModule | null> = { kafka: kafkaModule, rabbitmq: rabbitmqModule, rocketmq: rocketmqModule };

export function systemModule(system: System): SystemModule {
  const m = modules[system];
  if (!m) throw new ScenarioError(`invalid scenario: field "system": the ${system} engine is not available yet`);
  return m;
}

export function builtins(): Builtin[] {
  return SYSTEMS.flatMap((s) => modules[s]?.builtins ?? []);
}

/** `{id, system, title, question, …}` for every built-in scenario (what `sim --list` prints). */
export function listBuiltins(): BuiltinSummary[] {
  return builtins().map(({ scenario: s }) => ({
    id: s.id,
    system: s.system,
    title: s.title,
    question: s.question,
    topics: s.topics ?? [],
    lessons: s.lessons ?? [],
  }));
}

export function getBuiltin(id: string): Builtin | undefined {
  return builtins().find((b) => b.scenario.id === id);
}


/** Runs a (validated) scenario and returns its timeline: records, report, and exact seeking. */
export function runScenario(sc: ScenarioBase, opts?: RunOptions): Timeline<ScenarioBase, unknown> {
  return new Timeline(systemModule(sc.system).engine, sc, opts);
}

export function reportFor(sc: ScenarioBase, opts?: RunOptions): Report {
  return runScenario(sc, { snapshotEvery: 1 << 30, ...opts }).report;
}
