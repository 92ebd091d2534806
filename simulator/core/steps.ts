/**
 * Zod schemas of the script steps the core handles for every system (see CORE_STEPS in world.ts).
 * Engines put these in their own discriminated union of steps: `z.discriminatedUnion('do', [...coreSteps, ...own])`.
 */
import { z } from 'zod';

const node = z.string().min(1);
const NetMatch = z
  .object({
    type: z.string().optional().describe('protocol message type, e.g. ProduceResponse, basic.ack'),
    from: node.optional(),
    to: node.optional(),
    message: z.string().optional().describe('a scenario message id carried by the network message'),
  })
  .strict();

const netFault = (name: 'net.drop' | 'net.delay' | 'net.duplicate') =>
  z
    .object({
      do: z.literal(name),
      match: NetMatch.default({}),
      /** true: act on the first matching message already in flight; false: arm for the next `count` sends. */
      now: z.boolean().default(false),
      count: z.number().int().positive().default(1),
      ms: z.number().nonnegative().default(0).describe('extra delay (net.delay)'),
    })
    .strict();

export const coreSteps = [
  z.object({ do: z.literal('advance'), ms: z.number().positive().describe('simulated milliseconds to let pass') }).strict(),
  z.object({ do: z.literal('settle'), maxMs: z.number().positive().optional() }).strict(),
  z.object({ do: z.literal('net.partition'), a: node, b: z.union([node, z.array(node).min(1)]) }).strict(),
  z.object({ do: z.literal('net.heal'), a: node, b: z.union([node, z.array(node).min(1)]) }).strict(),
  z.object({ do: z.literal('net.isolate'), node }).strict(),
  z.object({ do: z.literal('net.healAll') }).strict(),
  netFault('net.drop'),
  netFault('net.delay'),
  netFault('net.duplicate'),
] as const;

/** Fields every scenario has (engines spread these into their own object schema). */
export const scenarioBaseShape = {
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  seed: z.number().int().nonnegative(),
  title: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
  question: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
  lessons: z.array(z.string()).optional(),
  topics: z.array(z.string()).optional(),
  network: z.object({ latencyMs: z.number().nonnegative().optional() }).strict().optional(),
};
