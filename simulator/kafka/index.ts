import type { SystemModule } from '../core/registry';

/** The kafka engine and its built-in scenarios (null until the engine lands). */
export const kafkaModule: SystemModule | null = null;
