/**
 * What each system contributes: its engine and its built-in scenarios. simulator/index.ts collects
 * the three modules; the CLI, the site and the tests all go through it.
 */
import type { z } from 'zod';
import type { Engine } from './engine';
import type { Builtin, ScenarioBase } from './types';

export interface SystemModule<Sc extends ScenarioBase = ScenarioBase, D = unknown> {
  engine: Engine<Sc, D>;
  /**
   * Parses and validates a scenario of this system (zod; its errors name the field). Kept out of the engine so a
   * browser can run a scenario that was validated at build time without shipping zod and the schemas.
   */
  schema: z.ZodType<Sc>;
  builtins: Builtin<Sc>[];
}

/** Erases the engine's own scenario/domain types so the three systems fit one registry. */
export function systemModule<Sc extends ScenarioBase, D>(m: SystemModule<Sc, D>): SystemModule {
  return m as unknown as SystemModule;
}
