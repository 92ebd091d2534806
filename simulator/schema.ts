/** The JSON Schema of scenario files, derived from the engines' zod schemas. */
import { z } from 'zod';
import { SYSTEMS, systemModule } from './index';

export function scenarioJsonSchema(): Record<string, unknown> {
  const available = SYSTEMS.flatMap((s) => {
    try {
      return [systemModule(s).schema];
    } catch {
      return [];
    }
  });
  const union = available.length === 1 ? available[0] : z.union(available as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  return {
    ...(z.toJSONSchema(union, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    $id: 'https://mq-lab.local/simulator/scenario.schema.json',
    title: 'MQ Lab simulator scenario',
  };
}
