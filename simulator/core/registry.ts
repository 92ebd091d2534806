/**
 * What each system contributes: its engine and its built-in scenarios. simulator/index.ts collects
 * the three modules; the CLI, the site and the tests all go through it.
 */
import type { Engine } from './engine';
import type { Builtin, ScenarioBase } from './types';

export interface SystemModule<Sc extends ScenarioBase = ScenarioBase, D = unknown> {
  engine: Engine<Sc, D>;
  builtins: Builtin<Sc>[];
}

/** Erases the engine's own scenario/domain types so the three systems fit one registry. */
export function systemModule<Sc extends ScenarioBase, D>(m: SystemModule<Sc, D>): SystemModule {
  return m as unknown as SystemModule;
}
