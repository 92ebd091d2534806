import { systemModule, type SystemModule } from '../core/registry';
import { builtins } from './builtins';
import { kafkaEngine } from './engine';
import { SCHEMAS } from '../parse';

/** The Kafka engine and its built-in scenarios. */
export const kafkaModule: SystemModule = systemModule({ engine: kafkaEngine, schema: SCHEMAS.kafka, builtins });

export { kafkaEngine } from './engine';
export type { KafkaScenario, KafkaScenarioInput } from './schema';
export type * from './model';
