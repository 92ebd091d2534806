/** The RocketMQ engine and its built-in scenarios. */
import { systemModule, type SystemModule } from '../core/registry';
import { rocketEngine } from './engine';
import { builtins } from './builtins';
import { SCHEMAS } from '../parse';

export const rocketmqModule: SystemModule = systemModule({ engine: rocketEngine, schema: SCHEMAS.rocketmq, builtins });
export { rocketEngine };
