import { systemModule, type SystemModule } from '../core/registry';
import { rabbitEngine } from './engine';
import { builtins } from './builtins';

/** The rabbitmq engine and its built-in scenarios. */
export const rabbitmqModule: SystemModule = systemModule({ engine: rabbitEngine, builtins });

export { rabbitEngine } from './engine';
export type { RabbitScenario } from './schema';
