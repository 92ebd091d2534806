import type { SystemModule } from '../core/registry';

/** The rocketmq engine and its built-in scenarios (null until the engine lands). */
export const rocketmqModule: SystemModule | null = null;
