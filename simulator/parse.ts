/**
 * Validation of scenario documents: the three engines' zod schemas and nothing else (no engine, no built-ins), so a
 * browser loads it only when it must check something it did not get from the build (a share link, a learner's edit).
 */
import { z } from 'zod';
import type { ScenarioBase, System } from './core/types';
import { parseWith } from './core/validate';
import { KafkaScenarioSchema } from './kafka/schema';
import { RabbitScenarioSchema } from './rabbitmq/schema';
import { RocketScenarioSchema } from './rocketmq/schema';

export const SYSTEMS = ['kafka', 'rabbitmq', 'rocketmq'] as const satisfies readonly System[];

/** Each system's scenario schema (the registry in index.ts hands the same objects to its modules). */
export const SCHEMAS: Record<System, z.ZodType<ScenarioBase>> = {
  kafka: KafkaScenarioSchema as never,
  rabbitmq: RabbitScenarioSchema as never,
  rocketmq: RocketScenarioSchema as never,
};

const Envelope = z.object({ system: z.enum(SYSTEMS) }, { error: 'expected a JSON object' });

/** Validates any scenario document; throws ScenarioError with one line naming the field. */
export function parseScenario(input: unknown): ScenarioBase {
  const { system } = parseWith(Envelope, input);
  return parseWith(SCHEMAS[system], input);
}
