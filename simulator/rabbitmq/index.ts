import type { SystemModule } from '../core/registry';

/** The rabbitmq engine and its built-in scenarios (null until the engine lands). */
export const rabbitmqModule: SystemModule | null = null;
