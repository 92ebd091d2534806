import { systemModule, type SystemModule } from '../core/registry';
import { rabbitEngine } from './engine';
import { builtins } from './builtins';
import { SCHEMAS } from '../parse';

/** The rabbitmq engine and its built-in scenarios. */
export const rabbitmqModule: SystemModule = systemModule({ engine: rabbitEngine, schema: SCHEMAS.rabbitmq, builtins });

export { rabbitEngine } from './engine';
export type { RabbitScenario } from './schema';
