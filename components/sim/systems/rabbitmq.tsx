/**
 * Everything the player needs for RabbitMQ scenarios and nothing for the other systems, as one chunk that only
 * lib/sim/load.ts imports: the engine (without narration, see ./rabbitmq-narrate.ts) and the drawn view. CHUNK_TAG names the chunk for scripts/budgets.mjs, which
 * counts on a scenario page only the chunk of that page's system.
 */
import type { DrawView } from '../views/types';
import { RabbitView, isRabbitState } from '../views/RabbitView';

export const CHUNK_TAG = 'mqlab:chunk:system-rabbitmq';
export { rabbitCore as core } from '@/simulator/rabbitmq/engine-core';

/** The RabbitMQ drawing, or null when the state does not have the shape the view expects (SystemView falls back). */
export const draw: DrawView = (p) => (isRabbitState(p.world.d) ? <RabbitView {...p} d={p.world.d} /> : null);
